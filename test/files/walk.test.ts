// Walking a folder finds the posts generators hide (dot-files and `_` names: post-file-name must see them),
// and skips dot-folders such as .git and .github.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, expandInputs } from '../../src/files/walk.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandInputs on a folder', () => {
  it('finds .md, _x.md and .hidden.md, in _ folders too, and nothing in .git or .github', async () => {
    const files = ['_posts/.md', '_posts/_x.md', '_posts/.hidden.md', '_posts/_hid/in.md', '_posts/ok.md', '.git/x.md', '.github/ISSUE.md', '_posts/.cache/c.md'];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), 'x\n');
    }
    const found = await expandInputs(['.'], { cwd: dir, extensions: DEFAULT_EXTENSIONS, ignorePatterns: [] });
    expect(found.map((f) => path.relative(dir, f))).toEqual(['_posts/.hidden.md', '_posts/.md', '_posts/_hid/in.md', '_posts/_x.md', '_posts/ok.md']);
  });
});
