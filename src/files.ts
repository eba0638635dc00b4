// Finding, reading and writing article files.

import { lstat, open, readFile, rename, stat, unlink, chmod } from 'node:fs/promises';
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
}

/**
 * Turns command-line inputs into a sorted list of absolute file paths. A path that exists is always taken
 * literally (post names are full of glob characters); only a path that does not exist is tried as a glob.
 */
export async function expandInputs(inputs: string[], { cwd, extensions, ignorePatterns }: ExpandOptions): Promise<string[]> {
  const exts = extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const hasExt = (f: string) => exts.includes(path.extname(f).toLowerCase());
  const ignored = picomatch([...ALWAYS_IGNORED, ...ignorePatterns], { dot: true });
  const isIgnored = (abs: string) => {
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    return ignored(rel) || ignored(`${rel}/`) || rel.split('/').some((part) => part === 'node_modules' || part === '.git');
  };
  const found = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const info = await lstat(abs).catch(() => null);
    if (info?.isDirectory()) {
      const entries = await fg('**/*', {
        cwd: abs,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ALWAYS_IGNORED,
        suppressErrors: true,
      });
      for (const f of entries) if (hasExt(f) && !isIgnored(path.normalize(f))) found.add(path.normalize(f));
    } else if (info) {
      if (!isIgnored(abs)) found.add(abs); // a file named explicitly is linted whatever its extension
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
      for (const f of matched) found.add(f);
    } else {
      throw new UsageError(`no such file or folder: "${input}"`);
    }
  }
  return [...found].sort();
}

export interface ReadArticle {
  /** Decoded text without BOM. */
  text: string;
  bom: boolean;
  /** SHA-256 of the bytes read: a write only goes ahead while the file still has them. */
  digest: string;
  mode: number;
}

/** A file that cannot be read or decoded; `line` (1-based) points at the first bad byte when known. */
export class FileError extends Error {
  constructor(message: string, readonly line = 1, readonly column = 1) {
    super(message);
    this.name = 'FileError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readArticleFile(file: string): Promise<ReadArticle> {
  let bytes: Buffer;
  let mode: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    mode = info.mode;
    bytes = await readFile(file);
  } catch (err) {
    throw new FileError(`cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { ...decodeArticle(bytes), digest: digestOf(bytes), mode };
}

/** Decodes UTF-8 (a BOM is allowed and remembered). Anything else is a FileError naming the likely encoding. */
export function decodeArticle(bytes: Uint8Array): { text: string; bom: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: utf8.decode(bom ? bytes.subarray(3) : bytes), bom };
  } catch {
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
  return guess && !/^(UTF-8|ASCII)$/i.test(guess) ? guess : null;
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

/**
 * Writes `data` to `file` atomically: a temporary file in the same folder, flushed, then renamed over the
 * original, with the original's mode. Refuses (FileError) when the file no longer holds the bytes whose
 * digest is `expectedDigest`: another process changed it since it was read.
 */
export async function writeFileAtomic(file: string, data: Uint8Array, expectedDigest: string, mode: number): Promise<void> {
  const current = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new FileError(`not written: cannot re-read the file before writing (${err.code ?? err.message})`);
  });
  if (digestOf(current) !== expectedDigest) {
    throw new FileError('not written: the file changed on disk while newslint was working on it; run again');
  }
  const tmp = path.join(path.dirname(file), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  let handle;
  try {
    handle = await open(tmp, 'wx', mode & 0o7777);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await chmod(tmp, mode & 0o7777);
    await rename(tmp, file);
  } catch (err) {
    await handle?.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw new FileError(`not written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
