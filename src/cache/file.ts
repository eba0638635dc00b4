// The cache file on disk. One file, written whole beside its final name and renamed into place, so that a
// reader (another newslint sharing it) sees an old file or a new one, never half of one. Laid out for a run
// over 100,000 posts: only the index is loaded; each entry's messages are read from the file when replayed.
//
//   newslint-cache <format>\n                 what it is, and its layout's number
//   <messages><messages>…                     each entry's messages as a JSON array, found by offset and length
//   <index>                                   JSON: { newslint, key, sites: [siteKey…], entries: [[…], …] }
//   \nnewslint-cache-index <off> <len> <crc>\n  the footer: where the index is, and its CRC-32
//
// Every part is checked before it is used: the footer, the index's CRC and shape, each entry's messages' CRC
// when they are read. A file that fails a check is damaged: it is never replayed from.

import { closeSync, constants as fsConstants, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import path from 'node:path';
import { CACHE_FORMAT } from './key.js';
import { VERSION } from '../version.js';
import type { LintMessage } from '../types.js';

const MAGIC = `newslint-cache ${CACHE_FORMAT}\n`;
const MAGIC_PREFIX = 'newslint-cache ';
const FOOTER = /^\nnewslint-cache-index ([0-9a-f]{12}) ([0-9a-f]{12}) ([0-9a-f]{8})\n$/;
const FOOTER_LENGTH = 57;
const READ_AHEAD = 256 * 1024;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** CRC-32 (zlib's, Node ≥ 20.15; before that, the first 32 bits of SHA-1 do the same job). */
const crc32: (data: Uint8Array) => number = zlib.crc32 ?? ((data) => createHash('sha1').update(data).digest().readUInt32BE(0));

/** One file's entry: the bytes, site and times its messages were computed from, and where the messages are. */
export interface Entry {
  site: string;
  size: number;
  mtime: number;
  birthtime: number | null;
  digest: string;
  timesUsed: boolean;
  seenAt: number;
  offset: number;
  length: number;
  crc: number;
}

/** What a file at the cache's location turned out to be, when it cannot be used. */
export class CacheFileProblem extends Error {
  /** Whether the file is a newslint cache (damaged, or of another version) that a new one may replace. */
  constructor(message: string, readonly replaceable: boolean) {
    super(message);
  }
}

/** An open cache file of this layout and version: its run key and index, and its entries' messages on demand. */
export class CacheFileReader {
  /** The bytes read last for messages(), and where the entry read last ended. */
  private window: { at: number; bytes: Buffer } | null = null;
  private next = -1;

  private constructor(
    private fd: number | null,
    readonly key: string,
    readonly entries: Map<string, Entry>,
    /** Where the messages end (the index starts). */
    private readonly end: number,
  ) {}

  /** Opens the cache file, or returns null when there is none. Throws CacheFileProblem when it cannot be used. */
  static open(file: string): CacheFileReader | null {
    let fd: number;
    try {
      // O_NONBLOCK: a FIFO at the cache's place must not hang the run; fstat then refuses it
      fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new CacheFileProblem(`cannot read it (${code ?? (err as Error).message})`, false);
    }
    try {
      const reader = new CacheFileReader(fd, ...readIndex(fd));
      return reader;
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  /** The messages stored for an entry. Throws CacheFileProblem when they are not what was written. */
  messages(entry: Entry): LintMessage[] {
    const bytes = this.messageBytes(entry.offset, entry.length);
    if (crc32(bytes) !== entry.crc) throw new CacheFileProblem('an entry does not match its checksum', true);
    return JSON.parse(bytes.toString('utf8')) as LintMessage[];
  }

  /**
   * An entry's bytes. A run replays in path order, which is mostly the order entries were written in: an entry
   * that starts where the last one ended is read with the next READ_AHEAD bytes, in one read for many entries.
   */
  private messageBytes(offset: number, length: number): Buffer {
    const w = this.window;
    const sequential = offset === this.next;
    this.next = offset + length;
    if (w && offset >= w.at && offset + length <= w.at + w.bytes.length) return w.bytes.subarray(offset - w.at, offset - w.at + length);
    if (!sequential) return this.read(offset, length);
    this.window = { at: offset, bytes: this.read(offset, Math.max(length, Math.min(READ_AHEAD, this.end - offset))) };
    return this.window.bytes.subarray(0, length);
  }

  /** Bytes of the file; short reads are a damaged (truncated while open) file. */
  read(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd!, buf, done, length - done, offset + done);
      if (n === 0) throw new CacheFileProblem('it ends early', true);
      done += n;
    }
    return buf;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

function readIndex(fd: number): [key: string, entries: Map<string, Entry>, end: number] {
  const damaged = (why: string) => new CacheFileProblem(`it is damaged (${why})`, true);
  const info = fstatSync(fd);
  if (!info.isFile()) throw new CacheFileProblem(`it is not a regular file`, false);
  const head = Buffer.alloc(Math.min(info.size, MAGIC.length));
  readSync(fd, head, 0, head.length, 0);
  const start = head.toString('latin1');
  if (!start.startsWith(MAGIC_PREFIX)) {
    // an empty file, or one cut inside the first line, is a cache that never got written: replace it
    if (MAGIC.startsWith(start)) throw damaged('it ends early');
    throw new CacheFileProblem('it is not a newslint cache file; it is left as it is', false);
  }
  if (start !== MAGIC) throw new CacheFileProblem('it was written by another version of newslint', true);
  if (info.size < MAGIC.length + FOOTER_LENGTH) throw damaged('it ends early');
  const footer = Buffer.alloc(FOOTER_LENGTH);
  readSync(fd, footer, 0, FOOTER_LENGTH, info.size - FOOTER_LENGTH);
  const m = FOOTER.exec(footer.toString('latin1'));
  if (!m) throw damaged('it ends early, or its end was overwritten');
  const [offset, length, crc] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
  if (offset < MAGIC.length || offset + length !== info.size - FOOTER_LENGTH) throw damaged('its index is out of place');
  const bytes = Buffer.alloc(length);
  if (readSync(fd, bytes, 0, length, offset) !== length) throw damaged('it ends early');
  if (crc32(bytes) !== crc) throw damaged('its index does not match its checksum');
  let index: unknown;
  try {
    index = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('its index is not JSON');
  }
  return parseIndex(index, offset, damaged);
}

/** Checks the index's every field (a CRC catches accidents, not a file someone wrote by hand). */
function parseIndex(index: any, end: number, damaged: (why: string) => Error): [string, Map<string, Entry>, number] {
  if (typeof index?.newslint !== 'string' || typeof index.key !== 'string' || !Array.isArray(index.sites) || !Array.isArray(index.entries)) {
    throw damaged('its index has the wrong shape');
  }
  if (index.newslint !== VERSION) throw new CacheFileProblem(`it was written by newslint ${index.newslint}`, true);
  const sites: unknown[] = index.sites;
  if (!sites.every((s) => typeof s === 'string')) throw damaged('its index has the wrong shape');
  const isInt = (n: unknown, min = 0) => Number.isSafeInteger(n) && (n as number) >= min;
  const entries = new Map<string, Entry>();
  for (const e of index.entries as unknown[]) {
    if (!Array.isArray(e) || e.length !== 11) throw damaged('an entry has the wrong shape');
    const [file, site, size, mtime, birthtime, digest, timesUsed, seenAt, offset, length, crc] = e;
    const ok =
      typeof file === 'string' && isInt(site) && site < sites.length && isInt(size) && typeof mtime === 'number' &&
      (birthtime === null || typeof birthtime === 'number') && typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest) &&
      (timesUsed === 0 || timesUsed === 1) && typeof seenAt === 'number' && isInt(offset, MAGIC.length) && isInt(length) &&
      offset + length <= end && isInt(crc) && crc <= 0xffffffff;
    if (!ok) throw damaged('an entry has the wrong shape');
    entries.set(file, { site: sites[site] as string, size, mtime, birthtime, digest, timesUsed: timesUsed === 1, seenAt, offset, length, crc });
  }
  return [index.key, entries, end];
}

/**
 * A new cache file being written: a temporary file beside the target (`<name>.tmp-<pid>-<hex>`), renamed over
 * it by finish(). Messages are appended as they come; the index, which only holds offsets, comes last.
 */
export class CacheFileWriter {
  private offset = 0;
  private readonly sites = new Map<string, number>();
  /** The index's entries so far, as UTF-8 JSON (one array each, comma-separated): 100,000 entries as objects would weigh several times more. */
  private readonly index: Buffer[] = [];
  private pending = '';

  private constructor(
    private fd: number | null,
    private readonly tmp: string,
    readonly target: string,
  ) {}

  static create(target: string): CacheFileWriter {
    const tmp = path.join(path.dirname(target), `${path.basename(target)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    const fd = openSync(tmp, 'wx');
    const writer = new CacheFileWriter(fd, tmp, target);
    try {
      writer.write(Buffer.from(MAGIC, 'latin1'));
    } catch (err) {
      writer.abort();
      throw err;
    }
    return writer;
  }

  /** Adds an entry with its messages (as JSON bytes: new, or copied from the old file with their CRC). */
  add(file: string, entry: Omit<Entry, 'offset' | 'length' | 'crc'>, messages: Uint8Array, crc = crc32(messages)): void {
    let site = this.sites.get(entry.site);
    if (site === undefined) this.sites.set(entry.site, (site = this.sites.size));
    const { size, mtime, birthtime, digest, timesUsed, seenAt } = entry;
    const json = JSON.stringify([file, site, size, mtime, birthtime, digest, timesUsed ? 1 : 0, seenAt, this.offset, messages.length, crc]);
    this.pending += this.pending || this.index.length ? `,${json}` : json;
    if (this.pending.length > 64 * 1024) this.flushIndex();
    this.write(messages);
  }

  /** Writes the index and the footer, flushes, and renames the file into place. */
  finish(key: string): void {
    this.flushIndex();
    const head = JSON.stringify({ newslint: VERSION, key, sites: [...this.sites.keys()] }).slice(0, -1);
    const index = Buffer.concat([Buffer.from(`${head},"entries":[`, 'utf8'), ...this.index, Buffer.from(']}', 'latin1')]);
    this.index.length = 0;
    const at = this.offset;
    this.write(index);
    this.write(Buffer.from(`\nnewslint-cache-index ${hex(at, 12)} ${hex(index.length, 12)} ${hex(crc32(index), 8)}\n`, 'latin1'));
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = null;
    renameSync(this.tmp, this.target);
  }

  private flushIndex(): void {
    if (this.pending) this.index.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }

  /** Gives up: the temporary file is removed. */
  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    try {
      unlinkSync(this.tmp);
    } catch {
      // already gone
    }
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.offset + done);
    this.offset += bytes.length;
  }
}
