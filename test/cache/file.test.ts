// The cache file on disk: what is written reads back the same; a file cut at any length, a byte changed
// anywhere, another tool's file, junk, a folder or a FIFO is never read as entries it does not hold.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CacheFileProblem, CacheFileReader, CacheFileWriter, type Entry } from '../../src/cache/file.js';
import type { LintMessage } from '../../src/types.js';
import { VERSION } from '../../src/version.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-cache-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = (n: number) => n.toString(16).padStart(64, '0');
const MESSAGES: LintMessage[][] = [
  [],
  [{ ruleId: 'image-alt', severity: 2, message: '图片缺少 alt “x”', line: 3, column: 7, endLine: 3, endColumn: 20, fix: { range: [10, 12], text: ' alt=""' } }],
  [
    { ruleId: null, severity: 2, fatal: true, message: 'Hexo cannot read it either (\ud800 lone surrogate, \u2028)', line: 1, column: 1 },
    { ruleId: 'post-file-name', severity: 2, message: 'x', line: 1, column: 1, rename: { to: '/a/b.md' } },
  ],
];

function write(file: string, key = 'KEY'): Map<string, LintMessage[]> {
  const w = CacheFileWriter.create(file);
  const stored = new Map<string, LintMessage[]>();
  MESSAGES.forEach((messages, i) => {
    const name = `/posts/${i} 文章 "q".md`;
    w.add(name, { site: `site${i % 2}`, size: 100 + i, mtime: 1700000000000 + i, birthtime: i ? null : 1600000000000, digest: digest(i), timesUsed: i === 1, seenAt: 1800000000000 }, Buffer.from(JSON.stringify(messages)));
    stored.set(name, messages);
  });
  w.finish(key);
  return stored;
}

/** A cache file written by hand around an index: a good first line, footer and CRC, whatever the index says. */
function handMade(name: string, index: unknown): string {
  const f = path.join(dir, name);
  const json = Buffer.from(JSON.stringify(index));
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  const head = 'newslint-cache 1\n';
  writeFileSync(f, `${head}${json}\nnewslint-cache-index ${hex(head.length, 12)} ${hex(json.length, 12)} ${hex(zlib.crc32(json), 8)}\n`);
  return f;
}

/** Everything a reader gives for a file: its key and each entry's fields and messages; or the problem. */
function readAll(file: string): { key: string; entries: [string, Omit<Entry, 'offset' | 'length' | 'crc'>, LintMessage[]][] } | CacheFileProblem | null {
  let reader;
  try {
    reader = CacheFileReader.open(file);
  } catch (err) {
    if (err instanceof CacheFileProblem) return err;
    throw err;
  }
  if (!reader) return null;
  try {
    const entries = [...reader.entries].map(([name, e]) => {
      const { offset: _o, length: _l, crc: _c, ...fields } = e;
      return [name, fields, reader.messages(e)] as [string, typeof fields, LintMessage[]];
    });
    return { key: reader.key, entries };
  } catch (err) {
    if (err instanceof CacheFileProblem) return err;
    throw err;
  } finally {
    reader.close();
  }
}

describe('the cache file', () => {
  const file = path.join(dir, 'good');
  const stored = write(file);
  const good = readAll(file);

  it('reads back what was written, and leaves no temporary file', () => {
    if (!good || good instanceof CacheFileProblem) throw new Error(`unreadable: ${good}`);
    expect(good.key).toBe('KEY');
    expect(good.entries.map(([name, , messages]) => [name, messages])).toEqual([...stored]);
    expect(good.entries[0][1]).toEqual({ site: 'site0', size: 100, mtime: 1700000000000, birthtime: 1600000000000, digest: digest(0), timesUsed: false, seenAt: 1800000000000 });
    expect(good.entries[1][1].timesUsed).toBe(true);
    expect(readdirSync(dir)).toEqual(['good']);
  });

  it('is not there: null, no problem', () => {
    expect(readAll(path.join(dir, 'missing'))).toBeNull();
  });

  it('cut at any length is damaged (replaceable), never entries', () => {
    const bytes = readFileSync(file);
    const cut = path.join(dir, 'cut');
    for (let n = 0; n < bytes.length; n++) {
      writeFileSync(cut, bytes.subarray(0, n));
      const r = readAll(cut);
      expect(r, `cut at ${n}`).toBeInstanceOf(CacheFileProblem);
      expect((r as CacheFileProblem).replaceable, `cut at ${n}`).toBe(true);
    }
  });

  it('with any one byte changed reads as damaged, or exactly as written', () => {
    // A change the checks cannot see must not change what is read: the JSON of the index may allow a
    // space for a space, never another value.
    const bytes = readFileSync(file);
    const bad = path.join(dir, 'flipped');
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x20, 0x80]) {
        const copy = Buffer.from(bytes);
        copy[i] ^= flip;
        writeFileSync(bad, copy);
        const r = readAll(bad);
        if (r instanceof CacheFileProblem) continue;
        expect(r, `byte ${i} ^ ${flip}`).toEqual(good);
      }
    }
  });

  it('of another tool, binary junk or nothing but text is foreign: left alone (not replaceable)', () => {
    const cases: [string, string | Buffer][] = [
      ['eslint', JSON.stringify([{ '/a/b.js': '1' }, { size: 10, mtime: 1, hashOfConfig: 'x' }])],
      ['junk', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0xff, 0xfe])],
      ['text', 'newslint.config.json is elsewhere\n'],
    ];
    for (const [name, content] of cases) {
      const f = path.join(dir, name);
      writeFileSync(f, content);
      const r = readAll(f);
      expect(r, name).toBeInstanceOf(CacheFileProblem);
      expect((r as CacheFileProblem).replaceable, name).toBe(false);
      expect((r as CacheFileProblem).message, name).toMatch(/not a newslint cache/);
    }
  });

  it('empty, or cut inside its first line, is a cache never finished: replaceable', () => {
    for (const content of ['', 'newslint-ca']) {
      const f = path.join(dir, 'short');
      writeFileSync(f, content);
      const r = readAll(f);
      expect(r).toBeInstanceOf(CacheFileProblem);
      expect((r as CacheFileProblem).replaceable).toBe(true);
    }
  });

  it('of another layout or newslint version is replaceable and says so', () => {
    const other = path.join(dir, 'other-format');
    writeFileSync(other, Buffer.concat([Buffer.from('newslint-cache 0\n'), readFileSync(file).subarray(17)]));
    expect((readAll(other) as CacheFileProblem).message).toMatch(/another version of newslint/);
    const older = handMade('older', { newslint: '0.0.1', key: 'KEY', sites: [], entries: [] });
    expect(readAll(older)).toEqual(new CacheFileProblem('it was written by newslint 0.0.1', true));
    expect((readAll(older) as CacheFileProblem).replaceable).toBe(true);
    expect(readAll(handMade('same', { newslint: VERSION, key: 'K', sites: [], entries: [] }))).toEqual({ key: 'K', entries: [] });
  });

  it('whose index is well-formed JSON with a good CRC but the wrong shape is damaged', () => {
    const entry = ['/a.md', 0, 1, 2, null, digest(1), 0, 3, 17, 0, 0];
    const bad = [
      { newslint: VERSION, key: 'K', sites: ['s'], entries: [entry.slice(0, 10)] },
      { newslint: VERSION, key: 'K', sites: ['s'], entries: [[...entry.slice(0, 1), 1, ...entry.slice(2)]] }, // no such site
      { newslint: VERSION, key: 'K', sites: ['s'], entries: [[...entry.slice(0, 5), 'abc', ...entry.slice(6)]] }, // digest
      { newslint: VERSION, key: 'K', sites: ['s'], entries: [[...entry.slice(0, 8), 17, 1e6, 0]] }, // messages past the index
      { newslint: VERSION, key: 'K', sites: ['s'], entries: [[...entry.slice(0, 8), 3, 0, 0]] }, // inside the first line
      { newslint: VERSION, key: 7, sites: [], entries: [] },
      [1, 2, 3],
    ];
    bad.forEach((index, i) => {
      const r = readAll(handMade(`shape-${i}`, index));
      expect(r, JSON.stringify(index)).toBeInstanceOf(CacheFileProblem);
      expect((r as CacheFileProblem).message).toMatch(/damaged/);
    });
  });

  it('a folder or a FIFO in its place is not read (and a FIFO does not hang the run)', () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    expect(readAll(folder)).toBeInstanceOf(CacheFileProblem);
    const fifo = path.join(dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    const r = readAll(fifo) as CacheFileProblem;
    expect(r).toBeInstanceOf(CacheFileProblem);
    expect(r.replaceable).toBe(false);
  });
});
