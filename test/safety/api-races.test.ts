// Races through the whole API: after newslint has read a file, another process edits it or swaps it for a
// folder. The hook is the real readArticleFile followed by the other process's action; the rest of the run is
// the real NewsLint.lintFiles with the bundled rules. On worker threads (which run the built dist/, out of
// vi.mock's reach) the hook is a plugin rule: rules run after the read, before the write.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

const afterRead = new Map<string, () => void>();
vi.mock('../../src/files/read.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/files/read.js')>();
  return {
    ...real,
    readArticleFile: async (file: string) => {
      const read = await real.readArticleFile(file);
      afterRead.get(file)?.();
      return read;
    },
  };
});

const { NewsLint } = await import('../../src/api.js');
const DIRTY = '\n---\ntitle: x\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n---\n\n<p>正文</p><p></p>\n';

describe('API runs racing with other processes', () => {
  it('a file edited by another process after the read is not overwritten and is reported; the others are fixed', async () => {
    const dir = tempDir();
    const files = ['a.md', 'b.md', 'c.md'].map((f) => path.join(dir, f));
    for (const f of files) writeFileSync(f, DIRTY);
    afterRead.set(files[1], () => {
      spawnSync(process.execPath, ['-e', 'require("fs").appendFileSync(process.argv[1], "a line the author added\\n")', files[1]]);
    });
    afterRead.set(files[2], () => {
      rmSync(files[2]);
      mkdirSync(files[2]);
    });
    const linter = await NewsLint.create({ cwd: dir, fix: true, write: true });
    const results = await linter.lintFiles(['.']);
    const by = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r]));
    expect(by['a.md'].written).toBe(true);
    expect(readFileSync(files[0], 'utf8')).not.toContain('<p></p>');
    expect(by['b.md'].written).toBeUndefined();
    expect(by['b.md'].messages[0]).toMatchObject({ internal: true, message: expect.stringMatching(/changed on disk/) });
    expect(readFileSync(files[1], 'utf8')).toBe(`${DIRTY}a line the author added\n`);
    expect(by['c.md'].messages[0]).toMatchObject({ internal: true, message: expect.stringMatching(/replaced by a folder/) });
    expect(statSync(files[2]).isDirectory()).toBe(true);
  });

  it('on two worker threads: the edited file is not overwritten, the swapped one left a folder, both reported; the others fixed', async () => {
    const dir = tempDir();
    const files = ['a.md', 'b.md', 'c.md', 'd.md'].map((f) => path.join(dir, f));
    for (const f of files) writeFileSync(f, DIRTY);
    writeFileSync(
      path.join(dir, 'racer.mjs'),
      `import { spawnSync } from 'node:child_process';
       import { mkdirSync, rmSync } from 'node:fs';
       const done = new Set(); // fix passes run the rules again: act once
       export default { meta: { id: 'racer', description: 'd', fixable: false, severity: 'error', docs: 'x' }, check(ctx) {
         const f = ctx.article.filePath;
         if (done.has(f)) return;
         done.add(f);
         if (f.endsWith('b.md')) spawnSync(process.execPath, ['-e', 'require("fs").appendFileSync(process.argv[1], "a line the author added\\\\n")', f]);
         if (f.endsWith('c.md')) { rmSync(f); mkdirSync(f); }
       } };\n`,
    );
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ plugins: ['./racer.mjs'] }));
    const linter = await NewsLint.create({ cwd: dir, fix: true, write: true, concurrency: 2 });
    const results = await linter.lintFiles(['.']);
    const by = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r]));
    for (const ok of ['a.md', 'd.md']) {
      expect(by[ok].written).toBe(true);
      expect(readFileSync(path.join(dir, ok), 'utf8')).not.toContain('<p></p>');
    }
    expect(by['b.md'].written).toBeUndefined();
    expect(by['b.md'].messages[0]).toMatchObject({ internal: true, message: expect.stringMatching(/changed on disk/) });
    expect(readFileSync(files[1], 'utf8')).toBe(`${DIRTY}a line the author added\n`);
    expect(by['c.md'].messages[0]).toMatchObject({ internal: true, message: expect.stringMatching(/replaced by a folder/) });
    expect(statSync(files[2]).isDirectory()).toBe(true);
  });
});
