// Writing: atomic replacement of a fixed file (temporary file + rename, mode kept), refusing whenever the file
// is no longer what was read; renaming a file without ever replacing another; and the clean-up of temporary
// files a killed run left behind.

import { access, chmod, chown, link, lstat, open, readdir, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { FileError, kindOf } from './errors.js';
import { digestOf, factsOf } from './read.js';
import { quote } from '../util/quote.js';
import type { FileFacts } from '../types.js';

/** Prefix of the temporary files newslint writes beside a file it fixes. */
export const TEMP_PREFIX = '.newslint-tmp-';

/** The file-system calls writeFileAtomic makes; tests replace some to inject failures (ENOSPC, races). */
export interface WriteIo {
  readFile: (file: string) => Promise<Buffer>;
  open: typeof open;
  rename: (from: string, to: string) => Promise<void>;
  /** Called after the temporary file is complete and just before the rename: a test hook. */
  beforeRename?: (tmp: string, target: string) => Promise<void> | void;
}

const defaultWriteIo: WriteIo = { readFile: (f) => readFile(f), open, rename };

/**
 * Writes `data` to `file` atomically: a temporary file in the same folder, flushed, then renamed over the
 * original, with the original's mode (and owner, where allowed); the folder is flushed after the rename.
 * A symbolic link is written through (its target is replaced, the link stays). Refuses (FileError), leaving
 * the file as it was, when the file no longer holds the bytes whose digest is `expectedDigest` (another
 * process changed it since it was read; checked before writing and again right before the rename), when it
 * is no longer a regular file, when it is read-only, or when it has other hard links (a rename would split
 * them). At every moment the file holds either its old or its new bytes; a temporary file left by a kill
 * is removed by the next --fix run (removeStaleTempFiles). Returns the facts (size, times) of the file written,
 * taken from the temporary file itself: what holds exactly `data`, whatever happens to the path afterwards.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array,
  expectedDigest: string,
  mode: number,
  io: WriteIo = defaultWriteIo,
): Promise<FileFacts> {
  const fail = (why: string): never => {
    throw new FileError(`not written: ${why}`);
  };
  const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  let target: string;
  try {
    target = await realpath(file);
  } catch (err) {
    return fail(`cannot find the file again (${code(err)})`);
  }
  const info = await lstat(target).catch((err) => fail(`cannot find the file again (${code(err)})`));
  if (!info.isFile()) fail(`the file was replaced by ${kindOf(info)} while newslint was working on it`);
  if (info.nlink > 1) fail(`the file has ${info.nlink} hard links; replacing it would separate them`);
  if ((info.mode & 0o222) === 0 || !(await access(target, fsConstants.W_OK).then(() => true, () => false))) {
    fail('the file is read-only');
  }
  const unchanged = async () => {
    const current = await io.readFile(target).catch((err) => fail(`cannot re-read the file before writing (${code(err)})`));
    if (digestOf(current) !== expectedDigest) {
      fail('the file changed on disk while newslint was working on it; run again');
    }
  };
  await unchanged();
  const dir = path.dirname(target);
  const tmp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  let handle;
  let created = false;
  let written: FileFacts;
  try {
    handle = await io.open(tmp, 'wx', mode & 0o7777);
    created = true;
    await handle.writeFile(data);
    await handle.sync();
    written = factsOf(await handle.stat()); // chmod, chown and the rename below keep its size and times
    await handle.close();
    handle = undefined;
    await chmod(tmp, mode & 0o7777);
    if (info.uid !== process.getuid?.() || info.gid !== process.getgid?.()) {
      await chown(tmp, info.uid, info.gid).catch(() => {});
    }
    await io.beforeRename?.(tmp, target);
    await unchanged();
    await io.rename(tmp, target);
    created = false;
  } catch (err) {
    await handle?.close().catch(() => {});
    if (created) await unlink(tmp).catch(() => {});
    if (err instanceof FileError) throw err;
    throw new FileError(`not written: ${code(err)}${code(err) === 'ENOSPC' ? ' (no space left on the device)' : ''}`);
  }
  // Make the rename itself durable; a failure here does not undo it.
  const d = await open(dir, 'r').catch(() => null);
  await d?.sync().catch(() => {});
  await d?.close().catch(() => {});
  return written;
}

/** The file-system calls renameNoClobber makes; tests replace some to inject failures. */
export interface RenameIo {
  link: (existing: string, created: string) => Promise<void>;
  unlink: (file: string) => Promise<void>;
}

const defaultRenameIo: RenameIo = { link, unlink };

/** A rename refused because a file already has the new name. */
export class TargetExistsError extends FileError {}

/**
 * Gives `from` the name `to` without ever replacing a file that has it. link(2) creates the new name, and
 * fails (EEXIST) when it is taken, in one atomic step; unlink(2) then removes the old name; both folders are
 * flushed. Node has no renameat2(RENAME_NOREPLACE), and rename(2) replaces silently; checking first and
 * renaming after would leave a gap. At every moment the content has the old name, both, or the new one: a
 * run killed between the two steps leaves one file with both names, and the next run finishes the rename
 * (the new name is then the same file). Refuses anything but a regular file (a symbolic link would keep
 * pointing where it did), and a file system without hard links (reported, nothing changed).
 */
export async function renameNoClobber(from: string, to: string, io: RenameIo = defaultRenameIo): Promise<void> {
  const fail = (why: string): never => {
    throw new FileError(`not renamed to ${quote(path.basename(to))}: ${why}`);
  };
  const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  const info = await lstat(from).catch((err) => fail(`cannot find the file again (${code(err)})`));
  if (info.isSymbolicLink()) fail('it is a symbolic link');
  if (!info.isFile()) fail(`it is ${kindOf(info)}`);
  let linked = false;
  try {
    await io.link(from, to);
    linked = true;
  } catch (err) {
    if (code(err) !== 'EEXIST') fail(`${code(err)}${code(err) === 'EPERM' || code(err) === 'ENOTSUP' ? ' (the file system may not allow hard links)' : ''}`);
    if (!(await twoNamesOfOneFile(from, to, info))) throw new TargetExistsError(`not renamed: ${quote(path.basename(to))} already exists`);
    // both names are this file already: an earlier run was stopped half-way; finish it
  }
  try {
    await io.unlink(from);
  } catch (err) {
    if (linked) await unlink(to).catch(() => {});
    fail(`cannot remove the old name (${code(err)})`);
  }
  for (const dir of new Set([path.dirname(from), path.dirname(to)])) {
    const d = await open(dir, 'r').catch(() => null);
    await d?.sync().catch(() => {});
    await d?.close().catch(() => {});
  }
}

/**
 * Whether `from` and `to` are two directory entries of one file, as a rename stopped between link and unlink
 * leaves them, and not one entry spelled two ways: on a case-insensitive file system `UP.md` finds `UP.MD`
 * itself, and removing "the old name" would then remove the file. Both names must be listed, as written, in
 * their folders, and the file must have two links.
 */
async function twoNamesOfOneFile(from: string, to: string, info: { dev: number; ino: number }): Promise<boolean> {
  const there = await lstat(to).catch(() => null);
  if (!there || there.dev !== info.dev || there.ino !== info.ino || there.nlink < 2) return false;
  const listed = async (p: string) => {
    const dir = await realpath(path.dirname(p)).catch(() => null);
    return dir !== null ? { dir, found: (await readdir(dir).catch(() => [] as string[])).includes(path.basename(p)) } : null;
  };
  const [a, b] = await Promise.all([listed(from), listed(to)]);
  return Boolean(a?.found && b?.found && (a.dir !== b.dir || path.basename(from) !== path.basename(to)));
}

const TEMP_NAME = /^\.newslint-tmp-(\d{1,10})-[0-9a-f]{1,64}$/;

/** True while a process with this id exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes `.newslint-tmp-<pid>-<hex>` regular files in the given folders whose writer process is no longer
 * running: what a newslint killed between creating its temporary file and renaming it leaves behind. The
 * original file is never affected (it was only ever replaced by a rename). Returns the paths removed.
 */
export async function removeStaleTempFiles(dirs: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || Number(m[1]) === process.pid || pidAlive(Number(m[1]))) continue;
      const file = path.join(dir, name);
      const info = await lstat(file).catch(() => null);
      if (!info?.isFile()) continue;
      if (await unlink(file).then(() => true, () => false)) removed.push(file);
    }
  }
  return removed;
}
