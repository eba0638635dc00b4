// Write failures never lose a byte: a file that cannot be written (read-only, unwritable folder, no space
// left, replaced by a folder, changed by another process) keeps its original bytes, is reported on its own,
// the other files are still fixed, no temporary file is left, and the run exits 2; on worker threads as well.
import { spawnSync } from 'node:child_process';
import {
  chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/files/errors.js';
import { digestOf, readArticleFile } from '../../src/files/read.js';
import { writeFileAtomic, type WriteIo } from '../../src/files/write.js';
import { BIN, IS_ROOT, cli, tempDir } from './helpers.js';

const DIRTY = '\n---\ntitle: x\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n---\n\n<p>正文</p><p></p>\n';
const FIXED_MARK = '<p></p>';

function tree(): { dir: string; files: string[] } {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'ok'));
  mkdirSync(path.join(dir, 'bad'));
  const files = ['ok/a.md', 'ok/b.md', 'bad/c.md'].map((f) => path.join(dir, f));
  for (const f of files) writeFileSync(f, DIRTY);
  return { dir, files };
}

const temps = (dir: string) =>
  (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => path.basename(f).startsWith('.newslint-tmp-'));

function expectOthersFixed(files: string[], bad: string) {
  for (const f of files) {
    if (f === bad) expect(readFileSync(f, 'utf8')).toBe(DIRTY);
    else expect(readFileSync(f, 'utf8')).not.toContain(FIXED_MARK);
  }
}

function reportFor(stdout: string, file: string) {
  const results = JSON.parse(stdout) as { filePath: string; messages: { message: string; fatal?: boolean }[] }[];
  return results.find((r) => r.filePath === file)!;
}

const chattrWorks = (() => {
  if (!IS_ROOT) return false;
  const d = tempDir();
  const ok = spawnSync('chattr', ['+i', d]).status === 0;
  spawnSync('chattr', ['-i', d]);
  return ok;
})();

describe.each(['off', '2'])('write errors through the CLI (--concurrency %s)', (concurrency) => {
  const newslint = (args: string[], cwd: string) => cli([...args, '--concurrency', concurrency], cwd);

  it('read-only file: untouched, reported, others fixed, exit 2', () => {
    const { dir, files } = tree();
    chmodSync(files[2], 0o444);
    const r = newslint(['check', '--fix', '--format', 'json', '.'], dir);
    expect(r.status).toBe(2);
    expectOthersFixed(files, files[2]);
    expect(reportFor(r.stdout, files[2]).messages[0].message).toMatch(/not written: the file is read-only/);
    expect(lstatSync(files[2]).mode & 0o777).toBe(0o444);
    expect(temps(dir)).toEqual([]);
  });

  it.skipIf(IS_ROOT && !chattrWorks)('unwritable folder: untouched, reported, others fixed, exit 2', () => {
    const { dir, files } = tree();
    const bad = path.join(dir, 'bad');
    // root ignores permission bits: make the folder immutable instead
    if (IS_ROOT) spawnSync('chattr', ['+i', bad]);
    else chmodSync(bad, 0o555);
    try {
      const r = newslint(['check', '--fix', '--format', 'json', '.'], dir);
      expect(r.status).toBe(2);
      expectOthersFixed(files, files[2]);
      expect(reportFor(r.stdout, files[2]).messages[0].message).toMatch(/not written: (EACCES|EPERM)/);
      expect(temps(dir)).toEqual([]);
    } finally {
      if (IS_ROOT) spawnSync('chattr', ['-i', bad]);
      else chmodSync(bad, 0o755);
    }
  });

  it('file with other hard links: not replaced (the links would separate), reported, exit 2', () => {
    const { dir, files } = tree();
    const outside = path.join(tempDir(), 'twin.md');
    linkSync(files[2], outside);
    const r = newslint(['check', '--fix', '--format', 'json', '.'], dir);
    expect(r.status).toBe(2);
    expectOthersFixed(files, files[2]);
    expect(reportFor(r.stdout, files[2]).messages[0].message).toMatch(/hard links/);
    expect(lstatSync(files[2]).ino).toBe(lstatSync(outside).ino);
  });

  it('a symbolic link named on the command line is written through: the link stays a link', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'target.md'), DIRTY);
    symlinkSync('target.md', path.join(dir, 'link.md'));
    const r = newslint(['check', '--fix', 'link.md'], dir);
    expect(r.status).not.toBe(2);
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'target.md'), 'utf8')).not.toContain(FIXED_MARK);
  });

  const unshare = spawnSync('unshare', ['-rm', 'true']).status === 0;
  it.skipIf(!unshare)('no space left on a real (tiny tmpfs) device: every original untouched, each reported, no temp file, exit 2', () => {
    const out = tempDir();
    const src = path.join(out, 'src');
    mkdirSync(src);
    const big = DIRTY + `<p>${'填充'.repeat(20000)}</p>\n`; // ~120 KB: its temp copy cannot fit
    for (const n of ['a.md', 'b.md']) writeFileSync(path.join(src, n), big);
    const script = `
      set -e
      mnt=$(mktemp -d)
      mount -t tmpfs -o size=512k tmpfs "$mnt"
      cp -r "${src}" "$mnt/posts"
      sha256sum "$mnt"/posts/* | sed "s#$mnt/##" > "${out}/before"
      dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null || true
      rm "$mnt/fill"; dd if=/dev/zero of="$mnt/fill" bs=1k count=$(( $(df -k --output=avail "$mnt" | tail -1) - 48 )) 2>/dev/null || true
      set +e
      cd "$mnt" && node "${BIN}" check --fix --format json --concurrency ${concurrency} posts > "${out}/report.json"; echo $? > "${out}/rc"
      sha256sum "$mnt"/posts/* | sed "s#$mnt/##" > "${out}/after"
      ls -a "$mnt/posts" > "${out}/ls"
    `;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'rc'), 'utf8').trim()).toBe('2');
    expect(readFileSync(path.join(out, 'after'), 'utf8')).toBe(readFileSync(path.join(out, 'before'), 'utf8'));
    expect(readFileSync(path.join(out, 'ls'), 'utf8')).not.toMatch(/newslint-tmp/);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    for (const res of report) expect(res.messages[0].message).toMatch(/not written: ENOSPC/);
  });
});

describe('writeFileAtomic with injected failures', () => {
  async function setup(content = DIRTY) {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, content);
    const read = await readArticleFile(file);
    return { dir, file, read };
  }

  it('ENOSPC half-way through writing the temporary file: original intact, temp removed', async () => {
    const { dir, file, read } = await setup();
    const io: WriteIo = {
      readFile: (f) => import('node:fs/promises').then((m) => m.readFile(f)),
      rename: (a, b) => import('node:fs/promises').then((m) => m.rename(a, b)),
      open: (async (p: string, flags: string, mode: number) => {
        const h = await open(p, flags, mode);
        const realWrite = h.writeFile.bind(h);
        (h as any).writeFile = async (data: Uint8Array) => {
          await realWrite(data.subarray(0, data.length >> 1));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
        return h;
      }) as any,
    };
    await expect(writeFileAtomic(file, Buffer.from('new content'), read.digest, read.mode, io)).rejects.toThrow(/not written: ENOSPC \(no space left/);
    expect(readFileSync(file, 'utf8')).toBe(DIRTY);
    expect(temps(dir)).toEqual([]);
  });

  it('a failing rename (EXDEV, EIO): original intact, temp removed', async () => {
    const { dir, file, read } = await setup();
    const base = { readFile: (f: string) => import('node:fs/promises').then((m) => m.readFile(f)), open };
    for (const code of ['EXDEV', 'EIO']) {
      const io: WriteIo = { ...base, rename: async () => { throw Object.assign(new Error(code), { code }); } };
      await expect(writeFileAtomic(file, Buffer.from('new'), read.digest, read.mode, io)).rejects.toThrow(code);
      expect(readFileSync(file, 'utf8')).toBe(DIRTY);
      expect(temps(dir)).toEqual([]);
    }
  });

  it('file replaced by a folder between read and write: refused, the folder left alone', async () => {
    const { file, read } = await setup();
    rmSync(file);
    mkdirSync(file);
    writeFileSync(path.join(file, 'inside.md'), 'x');
    const err = await writeFileAtomic(file, Buffer.from('new'), read.digest, read.mode).catch((e) => e);
    expect(err).toBeInstanceOf(FileError);
    expect(err.message).toMatch(/replaced by a folder/);
    expect(readFileSync(path.join(file, 'inside.md'), 'utf8')).toBe('x');
  });

  it('file deleted between read and write: refused, not recreated', async () => {
    const { file, read } = await setup();
    rmSync(file);
    await expect(writeFileAtomic(file, Buffer.from('new'), read.digest, read.mode)).rejects.toThrow(/not written/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('races with another process', () => {
  const otherProcessWrites = (file: string, text: string) => {
    const r = spawnSync(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], process.argv[2])', file, text]);
    expect(r.status).toBe(0);
  };

  it('a real second process changes the file after newslint read it: not overwritten, reported', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, DIRTY);
    const read = await readArticleFile(file);
    otherProcessWrites(file, 'edited by a person\n');
    await expect(writeFileAtomic(file, Buffer.from('fixed'), read.digest, read.mode)).rejects.toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe('edited by a person\n');
    expect(temps(dir)).toEqual([]);
  });

  it('a second process changes the file while the temporary file is being written (just before the rename): not overwritten', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, DIRTY);
    const read = await readArticleFile(file);
    const io: WriteIo = {
      readFile: (f) => import('node:fs/promises').then((m) => m.readFile(f)),
      open,
      rename: (a, b) => import('node:fs/promises').then((m) => m.rename(a, b)),
      beforeRename: () => otherProcessWrites(file, 'edited during the write\n'),
    };
    await expect(writeFileAtomic(file, Buffer.from('fixed'), read.digest, read.mode, io)).rejects.toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe('edited during the write\n');
    expect(temps(dir)).toEqual([]);
  });

  it('the same digest check passes for an unchanged file: the write goes through with the mode kept', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, DIRTY, { mode: 0o640 });
    chmodSync(file, 0o640);
    const read = await readArticleFile(file);
    expect(read.digest).toBe(digestOf(readFileSync(file)));
    await writeFileAtomic(file, Buffer.from('fixed'), read.digest, read.mode);
    expect(readFileSync(file, 'utf8')).toBe('fixed');
    expect(lstatSync(file).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  });
});
