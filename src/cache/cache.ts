// The lint cache (--cache): a file's messages are replayed, without reading or parsing it, when it is the file
// they were computed from, under the same run key (key.ts) and site key, as ESLint's --cache does.
//
// "The same file": its size and modification time (strategy `metadata`, one stat), or its SHA-256 (`content`,
// one read); and, when the rules read the file's times (a missing date falls back to them), the same mtime and
// birthtime too. An entry whose mtime was less than RACY_MS old when it was seen is checked by content even
// under `metadata`: a later edit within the file system's time resolution may have left the mtime as it was.
// With --fix, an entry whose messages offer fixes is not replayed (the file must be fixed). The messages inline
// directives suppressed are stored among the messages, marked by their `suppressions`, and replayed with them.
//
// The run keeps the old file open and reads each replayed entry's messages from it; what it writes is a new
// file (file.ts), only when something changed: new entries as they come, then the old entries still valid
// (replayed, or for files this run did not reach that still exist), then the index; renamed over the old one.

import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CacheFileProblem, CacheFileReader, CacheFileWriter, type Entry } from './file.js';
import { sha256, siteKey } from './key.js';
import type { Basis } from './basis.js';
import type { Site } from '../generators/index.js';
import type { LintMessage, SuppressedMessage } from '../types.js';
import { MAX_FILE_BYTES } from '../files/read.js';
import { pidAlive } from '../files/write.js';

export const CACHE_STRATEGIES = ['metadata', 'content'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];
export const DEFAULT_CACHE_LOCATION = '.newslintcache';

/** An mtime this close to the moment its bytes were seen does not prove that they are still the same. */
export const RACY_MS = 2000;

const DEBUG = /\bcache\b/.test(process.env.NEWSLINT_DEBUG ?? '');

export interface LintCacheOptions {
  /** The cache file (see cacheFileFor). */
  file: string;
  strategy: CacheStrategy;
  /** The run key (key.ts). Entries of another key are not used. */
  key: string;
  /** Where warnings go: a damaged or foreign cache, a cache that cannot be written. */
  warn: (message: string) => void;
}

/**
 * The cache file for --cache-location, as ESLint reads it: a path ending in a separator, or an existing
 * folder, gets a file named after the working directory inside it.
 */
export function cacheFileFor(location: string, cwd: string): string {
  const abs = path.resolve(cwd, location);
  const folder = /[\\/]$/.test(location) || Boolean(statSync(abs, { throwIfNoEntry: false })?.isDirectory());
  const file = folder ? path.join(abs, `.cache_${sha256(cwd).slice(0, 16)}`) : abs;
  try {
    return realpathSync(file); // a symbolic link is written through, as the file it points to
  } catch {
    return file;
  }
}

/** A file's messages as recorded and replayed: those reported, and those suppressed. */
export interface Recorded {
  messages: LintMessage[];
  suppressedMessages?: SuppressedMessage[];
}

export class LintCache {
  /** What this run replayed and what it linted (for NEWSLINT_DEBUG=cache and tests). */
  readonly counts = { replayed: 0, linted: 0 };
  private writer: CacheFileWriter | null = null;
  /** The old entries to drop (damaged, or of a file renamed away) and those seen again at a later time. */
  private readonly dropped = new Set<string>();
  private readonly refreshed = new Map<string, Entry>();
  private readonly visited = new Set<string>();
  /** Paths with an entry in the new file already. */
  private readonly added = new Set<string>();
  private changed = false;
  private writable = true;

  private constructor(
    private readonly options: LintCacheOptions,
    private old: CacheFileReader | null,
  ) {}

  /** Opens the cache (a missing, damaged or foreign one is an empty cache, with a warning for the last two). */
  static open(options: LintCacheOptions): LintCache {
    let old: CacheFileReader | null = null;
    let writable = true;
    try {
      old = CacheFileReader.open(options.file);
    } catch (err) {
      if (!(err instanceof CacheFileProblem)) throw err;
      options.warn(`the cache ${options.file} cannot be used: ${err.message}; every file is linted`);
      writable = err.replaceable;
    }
    if (old && old.key !== options.key) {
      debug(`the cache ${options.file} is of another config, rule set or time zone: not used`);
      old.close();
      old = null;
    }
    const cache = new LintCache(options, old);
    cache.writable = writable;
    cache.changed = !old; // a new or replaced cache is written even when no file is linted
    return cache;
  }

  /**
   * The messages recorded for a file, when they can be replayed: it is the file they were computed from, in
   * the same site. Otherwise null, and the file must be linted (and then recorded).
   */
  replay(file: string, site: Site, fixing: boolean): Recorded | null {
    this.visited.add(file);
    const entry = this.old?.entries.get(file);
    const why = !entry ? 'not in the cache' : entry.site !== siteKey(site) ? 'its site changed' : this.differs(file, entry);
    if (why) return this.miss(file, why);
    let stored: (LintMessage | SuppressedMessage)[];
    try {
      stored = this.old!.messages(entry!);
    } catch (err) {
      if (!(err instanceof CacheFileProblem)) throw err;
      this.options.warn(`the cache ${this.options.file} cannot be used for ${file}: ${err.message}; the file is linted`);
      this.dropped.add(file);
      this.changed = true;
      return this.miss(file, 'damaged entry');
    }
    const messages = stored.filter((m) => !('suppressions' in m));
    if (fixing && messages.some((m) => m.fix || m.rename)) return this.miss(file, 'fixes to apply');
    this.counts.replayed++;
    return messages.length === stored.length ? { messages } : { messages, suppressedMessages: stored.filter((m) => 'suppressions' in m) };
  }

  /** Records a linted file's messages, when its result says what they were computed from. */
  record(file: string, result: Recorded, basis: Basis | undefined): void {
    this.counts.linted++;
    if (!basis || !this.writable) return;
    const target = basis.moved?.path ?? file;
    if (basis.moved) this.dropped.add(file);
    try {
      this.writer ??= CacheFileWriter.create(this.options.file);
      const { messages, suppressedMessages = [] } = basis.moved ?? result;
      this.writer.add(target, basis, Buffer.from(JSON.stringify([...messages, ...suppressedMessages]), 'utf8'));
      this.added.add(target);
      this.changed = true;
    } catch (err) {
      this.cannotWrite(err);
    }
  }

  /** Writes the new cache file, when anything changed. Never throws: a cache that cannot be written is a warning. */
  save(): void {
    try {
      if (!this.changed || !this.writable) return;
      this.writer ??= CacheFileWriter.create(this.options.file);
      if (this.old) this.carry(this.old, this.writer);
      this.writer.finish(this.options.key);
      this.writer = null;
      removeStaleTemps(this.options.file);
    } catch (err) {
      this.cannotWrite(err);
    } finally {
      this.old?.close();
      this.old = null;
      debug(`${this.counts.replayed} replayed, ${this.counts.linted} linted`);
    }
  }

  /** Why the file is not the one the entry describes, or null when it is. */
  private differs(file: string, e: Entry): string | null {
    const byContent = this.options.strategy === 'content' || e.seenAt - e.mtime < RACY_MS;
    const now = byContent ? readNow(file) : statNow(file);
    if (!now) return 'not a readable regular file';
    if (now.size !== e.size) return 'changed';
    if (byContent ? now.digest !== e.digest : now.mtime !== e.mtime) return 'changed';
    if (e.timesUsed && (now.mtime !== e.mtime || now.birthtime !== e.birthtime)) return 'its times changed, which its messages show';
    const seenAt = Date.now();
    if (byContent && (now.mtime !== e.mtime || now.birthtime !== e.birthtime || (e.seenAt - e.mtime < RACY_MS && seenAt - e.mtime >= RACY_MS))) {
      // the same bytes with other times, or no longer racy: the entry takes the file's times as they are now
      this.refreshed.set(file, { ...e, mtime: now.mtime, birthtime: now.birthtime, seenAt });
      this.changed = true;
    }
    return null;
  }

  private miss(file: string, why: string): null {
    debug(`lint ${JSON.stringify(file)}: ${why}`);
    return null;
  }

  /** Copies the old entries that stay valid into the new file, reading the old one in order. */
  private carry(old: CacheFileReader, writer: CacheFileWriter): void {
    const keep: [string, Entry][] = [];
    for (const [file, entry] of old.entries) {
      if (this.added.has(file) || this.dropped.has(file)) continue;
      if (!this.visited.has(file) && !lstatSync(file, { throwIfNoEntry: false })) continue; // deleted since
      keep.push([file, this.refreshed.get(file) ?? entry]);
    }
    keep.sort((a, b) => a[1].offset - b[1].offset);
    const CHUNK = 4 * 1024 * 1024;
    for (let i = 0; i < keep.length; ) {
      // one read for a run of neighbouring entries, up to CHUNK bytes
      const start = keep[i][1].offset;
      let j = i + 1;
      let end = start + keep[i][1].length;
      while (j < keep.length && keep[j][1].offset === end && end - start + keep[j][1].length <= CHUNK) end += keep[j++][1].length;
      const bytes = old.read(start, end - start);
      for (; i < j; i++) {
        const [file, e] = keep[i];
        writer.add(file, e, bytes.subarray(e.offset - start, e.offset - start + e.length), e.crc);
      }
    }
  }

  private cannotWrite(err: unknown): void {
    if (!this.writable) return;
    this.writable = false;
    this.writer?.abort();
    this.writer = null;
    const code = (err as NodeJS.ErrnoException).code;
    this.options.warn(`cannot write the cache ${this.options.file} (${code ?? (err as Error).message}); it is left as it was`);
  }
}

function debug(line: string): void {
  if (DEBUG) process.stderr.write(`newslint:cache ${line}\n`);
}

interface FileNow {
  size: number;
  mtime: number;
  birthtime: number | null;
  digest?: string;
}

const timesOf = (st: Stats) => ({ size: st.size, mtime: st.mtime.getTime(), birthtime: st.birthtimeMs > 0 ? st.birthtime.getTime() : null });

function statNow(file: string): FileNow | null {
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    return st?.isFile() ? timesOf(st) : null;
  } catch {
    return null;
  }
}

/** The file's bytes' digest and its times, from one open file (never blocking on a FIFO). */
function readNow(file: string): FileNow | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return null;
    return { ...timesOf(st), digest: sha256(readFileSync(fd)) };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes temporary cache files (`<name>.tmp-<pid>-<hex>`) that a killed newslint left beside the cache. */
function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{1,10})-[0-9a-f]{12}$/.exec(name.slice(prefix.length));
    if (!m || pidAlive(Number(m[1]))) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}
