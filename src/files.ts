// Finding, reading and writing article files.

import { access, chmod, chown, lstat, open, readdir, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import chardet from 'chardet';


export const DEFAULT_EXTENSIONS = ['.md', '.markdown', '.html', '.htm'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ExpandOptions {
  cwd: string;
  extensions: string[];
  ignorePatterns: string[];
  /**
   * Remove temporary files that an earlier, killed newslint left in the folders walked (and in the folders
   * of files named), when the process that wrote them is gone. Only --fix runs do this.
   */
  removeStaleTemps?: boolean;
}

/**
 * Turns command-line inputs into a sorted list of absolute file paths. A path that exists is always taken
 * literally (post names are full of glob characters); only a path that does not exist is tried as a glob.
 */
export async function expandInputs(
  inputs: string[],
  { cwd, extensions, ignorePatterns, removeStaleTemps = false }: ExpandOptions,
): Promise<string[]> {
  const exts = extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const hasExt = (f: string) => exts.includes(path.extname(f).toLowerCase());
  const ignored = picomatch([...ALWAYS_IGNORED, ...ignorePatterns], { dot: true });
  const isIgnored = (abs: string) => {
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    return ignored(rel) || ignored(`${rel}/`) || rel.split('/').some((part) => part === 'node_modules' || part === '.git');
  };
  const found = new Set<string>();
  const tempDirs = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const info = await lstat(abs).catch(() => null);
    if (info?.isDirectory()) {
      // Symbolic links are not followed (no loops, nothing outside the tree). Regular files are linted;
      // FIFOs, sockets and devices with a matching extension are listed so that reading reports them as
      // skipped (reading one would block or never end).
      const entries = await fg('**/*', {
        cwd: abs,
        absolute: true,
        onlyFiles: false,
        dot: false,
        followSymbolicLinks: false,
        objectMode: true,
        ignore: ALWAYS_IGNORED,
        suppressErrors: true,
      });
      let matched = 0;
      for (const e of entries) {
        const d = e.dirent;
        if (d.isDirectory() || d.isSymbolicLink()) continue;
        const f = path.normalize(e.path);
        if (hasExt(f) && !isIgnored(f)) (found.add(f), matched++);
      }
      // As ESLint does: a folder that yields nothing to check is a mistake in the command, not a clean run.
      if (!matched) {
        throw new UsageError(`no ${exts.join(', ')} files to check in folder "${input}" (see --ext and --ignore-pattern)`);
      }
      if (removeStaleTemps) {
        const temps = await fg(`**/${TEMP_PREFIX}*`, {
          cwd: abs,
          absolute: true,
          onlyFiles: true,
          dot: true,
          followSymbolicLinks: false,
          ignore: ALWAYS_IGNORED,
          suppressErrors: true,
        });
        for (const t of temps) tempDirs.add(path.dirname(path.normalize(t)));
      }
    } else if (info) {
      if (!isIgnored(abs)) found.add(abs); // a file named explicitly is linted whatever its extension
      tempDirs.add(path.dirname(abs));
    } else if (fg.isDynamicPattern(input)) {
      const entries = await fg(input.split(path.sep).join('/'), {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ALWAYS_IGNORED,
        suppressErrors: true,
      });
      const matched = entries.map((f) => path.normalize(f)).filter((f) => hasExt(f) && !isIgnored(f));
      if (!matched.length) throw new UsageError(`no files match the pattern "${input}"`);
      for (const f of matched) (found.add(f), tempDirs.add(path.dirname(f)));
    } else {
      throw new UsageError(`no such file or folder: "${input}"`);
    }
  }
  if (removeStaleTemps) await removeStaleTempFiles(tempDirs);
  return [...found].sort();
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

export interface ReadArticle {
  /** Decoded text without BOM. */
  text: string;
  bom: boolean;
  /** SHA-256 of the bytes read: a write only goes ahead while the file still has them. */
  digest: string;
  mode: number;
}

/**
 * A file that cannot be read, decoded or written; `line` (1-based) points at the first bad byte when known.
 * Severity 1 marks a file skipped on purpose (a FIFO or a device), not broken.
 */
export class FileError extends Error {
  constructor(message: string, readonly line = 1, readonly column = 1, readonly severity: 1 | 2 = 2) {
    super(message);
    this.name = 'FileError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Larger files are not read: they could not be decoded into one string, let alone parsed in time. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

export async function readArticleFile(file: string): Promise<ReadArticle> {
  let bytes: Buffer;
  let mode: number;
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below then skips it.
    handle = await open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) throw new FileError(`skipped: ${kindOf(info)}, not a regular file`, 1, 1, 1);
    if (info.size > MAX_FILE_BYTES) {
      throw new FileError(`skipped: the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, 1, 1, 1);
    }
    mode = info.mode;
    bytes = await handle.readFile();
  } catch (err) {
    if (err instanceof FileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && file.includes('\uFFFD')) {
      throw new FileError('cannot read file: its name is not valid UTF-8; rename it to a UTF-8 name');
    }
    throw new FileError(`cannot read file: ${code ?? (err as Error).message}`);
  } finally {
    await handle?.close().catch(() => {});
  }
  return { ...decodeArticle(bytes), digest: digestOf(bytes), mode };
}

/** Decodes UTF-8 (a BOM is allowed and remembered). Anything else is a FileError naming the likely encoding. */
export function decodeArticle(bytes: Uint8Array): { text: string; bom: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    // ASCII text in UTF-16 is valid UTF-8 (with a NUL after or before every letter): never fix such a file
    throw new FileError(
      `file is not UTF-8: it looks like ${utf16} (a NUL byte beside every ASCII character). ` +
        `Convert it to UTF-8 first, e.g. with iconv -f ${utf16} -t UTF-8`,
    );
  }
  try {
    return { text: utf8.decode(bom ? bytes.subarray(3) : bytes), bom };
  } catch (err) {
    if (!(err instanceof TypeError)) throw new FileError(`cannot decode file: ${(err as Error).message}`);
    const bad = firstInvalidUtf8(bytes, bom ? 3 : 0);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) (line++, (lineStart = i + 1));
    const guess = guessEncoding(bytes);
    throw new FileError(
      `file is not valid UTF-8 (first bad byte at line ${line})${guess ? `; it looks like ${guess}` : ''}. ` +
        'Convert it to UTF-8 first, e.g. with iconv -f <encoding> -t UTF-8',
      line,
      bad - lineStart + 1,
    );
  }
}

function guessEncoding(bytes: Uint8Array): string | null {
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  if (!guess || /^(UTF-8|ASCII)$/i.test(guess)) return null;
  return guess === 'GB18030' ? 'GB18030 (GBK)' : guess;
}

/** 'UTF-16LE' or 'UTF-16BE' when the start of the file is UTF-16 (by its BOM, or by NULs in every other byte). */
export function looksLikeUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const n = Math.min(bytes.length, 4096) >> 1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[2 * i] === 0) even++;
    if (bytes[2 * i + 1] === 0) odd++;
  }
  if (odd >= n * 0.25 && even <= n * 0.02) return 'UTF-16LE';
  if (even >= n * 0.25 && odd <= n * 0.02) return 'UTF-16BE';
  return null;
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return i;
}

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
 * is removed by the next --fix run (removeStaleTempFiles).
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array,
  expectedDigest: string,
  mode: number,
  io: WriteIo = defaultWriteIo,
): Promise<void> {
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
  try {
    handle = await io.open(tmp, 'wx', mode & 0o7777);
    created = true;
    await handle.writeFile(data);
    await handle.sync();
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
}
