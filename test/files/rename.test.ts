// renameNoClobber: a file gets its new name atomically, and a file that already has that name is never
// replaced, whatever fails or races.
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { link, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileError } from '../../src/files/errors.js';
import { renameNoClobber, TargetExistsError } from '../../src/files/write.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-rename-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const list = (dir: string) => readdirSync(dir).sort();

describe('renameNoClobber', () => {
  it('moves the name; the bytes and the mode stay', async () => {
    const dir = folder({ '_a%zz.md': '\uFEFF---\r\ntitle: t\r\n---\r\n' });
    chmodSync(path.join(dir, '_a%zz.md'), 0o640);
    await renameNoClobber(path.join(dir, '_a%zz.md'), path.join(dir, 'a％zz.md'));
    expect(list(dir)).toEqual(['a％zz.md']);
    expect(readFileSync(path.join(dir, 'a％zz.md'), 'utf8')).toBe('\uFEFF---\r\ntitle: t\r\n---\r\n');
    expect(statSync(path.join(dir, 'a％zz.md')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(dir, 'a％zz.md')).nlink).toBe(1);
  });

  it('never replaces a file that has the new name', async () => {
    const dir = folder({ '_x.md': 'hidden', 'x.md': 'published' });
    const err = await renameNoClobber(path.join(dir, '_x.md'), path.join(dir, 'x.md')).catch((e) => e);
    expect(err).toBeInstanceOf(TargetExistsError);
    expect(err.message).toBe('not renamed: "x.md" already exists');
    expect(list(dir)).toEqual(['_x.md', 'x.md']);
    expect(readFileSync(path.join(dir, 'x.md'), 'utf8')).toBe('published');
    expect(readFileSync(path.join(dir, '_x.md'), 'utf8')).toBe('hidden');
  });

  it('does not replace a file created between any check and the rename', async () => {
    const dir = folder({ '_x.md': 'hidden' });
    const racing = {
      link: async (a: string, b: string) => {
        writeFileSync(b, 'created by someone else'); // the name is taken just before link runs
        await link(a, b);
      },
      unlink,
    };
    await expect(renameNoClobber(path.join(dir, '_x.md'), path.join(dir, 'x.md'), racing)).rejects.toThrow(TargetExistsError);
    expect(readFileSync(path.join(dir, 'x.md'), 'utf8')).toBe('created by someone else');
    expect(readFileSync(path.join(dir, '_x.md'), 'utf8')).toBe('hidden');
  });

  it('finishes a rename a killed run left half done (both names on one file)', async () => {
    const dir = folder({ '_x.md': 'post' });
    linkSync(path.join(dir, '_x.md'), path.join(dir, 'x.md'));
    await renameNoClobber(path.join(dir, '_x.md'), path.join(dir, 'x.md'));
    expect(list(dir)).toEqual(['x.md']);
    expect(readFileSync(path.join(dir, 'x.md'), 'utf8')).toBe('post');
  });

  it('never takes one name spelled two ways for a half-done rename (a case-insensitive file system)', async () => {
    // Linux has no case folding here; a folder reached through a symbolic link gives the same situation:
    // `to` finds the very entry `from` is, so link fails with EEXIST and lstat gives the same file
    const dir = folder({ 'a.md': 'the only copy' });
    symlinkSync('.', path.join(dir, 'alias'));
    await expect(renameNoClobber(path.join(dir, 'a.md'), path.join(dir, 'alias/a.md'))).rejects.toThrow(TargetExistsError);
    linkSync(path.join(dir, 'a.md'), path.join(folder(), 'elsewhere.md')); // two links, one of them unrelated
    await expect(renameNoClobber(path.join(dir, 'a.md'), path.join(dir, 'alias/a.md'))).rejects.toThrow(TargetExistsError);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('the only copy');
  });

  it('refuses a symbolic link and a folder, and changes nothing', async () => {
    const dir = folder({ 'real.md': 'post' });
    symlinkSync('real.md', path.join(dir, '_link.md'));
    mkdirSync(path.join(dir, '_dir.md'));
    await expect(renameNoClobber(path.join(dir, '_link.md'), path.join(dir, 'link.md'))).rejects.toThrow('not renamed to "link.md": it is a symbolic link');
    await expect(renameNoClobber(path.join(dir, '_dir.md'), path.join(dir, 'dir.md'))).rejects.toThrow('not renamed to "dir.md": it is a folder');
    await expect(renameNoClobber(path.join(dir, '_gone.md'), path.join(dir, 'gone.md'))).rejects.toThrow('not renamed to "gone.md": cannot find the file again (ENOENT)');
    expect(list(dir)).toEqual(['_dir.md', '_link.md', 'real.md']);
  });

  it('a file system without hard links: reported, nothing changed', async () => {
    const dir = folder({ '_x.md': 'post' });
    const noLinks = { link: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })), unlink };
    const err = await renameNoClobber(path.join(dir, '_x.md'), path.join(dir, 'x.md'), noLinks).catch((e) => e);
    expect(err).toBeInstanceOf(FileError);
    expect(err).not.toBeInstanceOf(TargetExistsError);
    expect(err.message).toBe('not renamed to "x.md": EPERM (the file system may not allow hard links)');
    expect(list(dir)).toEqual(['_x.md']);
  });

  it('an old name that cannot be removed: the new one is taken back', async () => {
    const dir = folder({ '_x.md': 'post' });
    const stuck = { link, unlink: async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) };
    await expect(renameNoClobber(path.join(dir, '_x.md'), path.join(dir, 'x.md'), stuck)).rejects.toThrow('not renamed to "x.md": cannot remove the old name (EACCES)');
    expect(list(dir)).toEqual(['_x.md']);
    expect(existsSync(path.join(dir, 'x.md'))).toBe(false);
  });
});
