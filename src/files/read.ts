// Reading: a file's bytes, decoded as UTF-8 (a BOM is allowed and remembered), with the digest a later write
// checks and the facts rules may know (size, times). Anything else is a FileError naming the cause.

import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import chardet from 'chardet';
import { FileError, kindOf } from './errors.js';
import type { FileFacts } from '../types.js';

export interface ReadArticle {
  /** Decoded text without BOM. */
  text: string;
  bom: boolean;
  /** SHA-256 of the bytes read: a write only goes ahead while the file still has them. */
  digest: string;
  mode: number;
  /** Size and times, from the same open file. */
  facts: FileFacts;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The facts rules may know about a file, from its stat. */
export function factsOf(info: Stats): FileFacts {
  // A file system that does not record creation times gives 0 (or, on some, the ctime: indistinguishable).
  return Object.freeze({ size: info.size, mtime: info.mtime, birthtime: info.birthtimeMs > 0 ? info.birthtime : null });
}

/** Larger files are not read: they could not be decoded into one string, let alone parsed in time. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

/**
 * Reads and decodes a file. The calls are synchronous: a post is a few kB, and each await on a FileHandle
 * (open, stat, read, close: four trips through libuv's thread pool) cost ten times the read itself; linting
 * runs one file at a time per thread anyway. Async, so that a failure is a rejection like any other.
 */
export async function readArticleFile(file: string): Promise<ReadArticle> {
  let bytes: Buffer;
  let mode: number;
  let facts: FileFacts;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below then skips it.
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) throw new FileError(`skipped: ${kindOf(info)}, not a regular file`, 1, 1, 1);
    if (info.size > MAX_FILE_BYTES) {
      throw new FileError(`skipped: the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, 1, 1, 1);
    }
    mode = info.mode;
    facts = factsOf(info);
    bytes = readAll(fd, info.size);
  } catch (err) {
    if (err instanceof FileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && file.includes('\uFFFD')) {
      throw new FileError('cannot read file: its name is not valid UTF-8; rename it to a UTF-8 name');
    }
    throw new FileError(`cannot read file: ${code ?? (err as Error).message}`);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // nothing was written through it
      }
    }
  }
  return { ...decodeArticle(bytes), digest: digestOf(bytes), mode, facts };
}

/**
 * The file's bytes, as FileHandle.readFile reads them: `size` bytes (fewer if it shrank meanwhile), or, when
 * fstat says 0 (some virtual files), up to end of file, never more than MAX_FILE_BYTES.
 */
function readAll(fd: number, size: number): Buffer {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buffer, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    return got === size ? buffer : buffer.subarray(0, got);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    total += n;
    if (total > MAX_FILE_BYTES) throw new FileError(`skipped: the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, 1, 1, 1);
    chunks.push(chunk.subarray(0, n));
  }
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

/** All the bytes of a stream (standard input), up to MAX_FILE_BYTES: more is a FileError, as for a file. */
export async function readStream(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > MAX_FILE_BYTES) throw new FileError(`skipped: the input is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, 1, 1, 1);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
