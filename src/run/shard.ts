// Sharding: splitting one run's files among n CI jobs (`--shard i/n`, 1-based, as Jest and Playwright spell it).
//
// A file's shard follows from its own path alone: the SHA-1 of the path relative to the working directory,
// with `/` separators and in Unicode NFC (macOS may hand out the same name decomposed), taken modulo n. So
// every job puts a file in the same shard whatever other files it happens to see: the shards are disjoint and
// together hold every file once, on any machine, OS or Node version, and a post keeps its shard as others are
// added or removed. (Jest sorts by the hash and cuts the list in n slices: even to one file, but a file's share
// then depends on every other file a job sees.) With thousands of files each shard holds n-th of them to within
// a few per cent (test/shard/shard.test.ts measures it).

import crypto from 'node:crypto';
import path from 'node:path';
import { UsageError } from '../files/errors.js';

/** Shard `index` of `count` (1 ≤ index ≤ count). */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` as --shard takes it. Throws UsageError for anything else. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard expects i/n, shard i of n counted from 1 (e.g. 2/4), got "${text}"`);
  return checkShard({ index: Number(m[1]), count: Number(m[2]) });
}

/** Checks a shard given through the API as parseShard checks one from the command line. */
export function checkShard(shard: Shard): Shard {
  const { index, count } = shard;
  const shown = `--shard ${index}/${count}`;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count)) throw new UsageError(`${shown}: i and n must be whole numbers`);
  if (count < 1) throw new UsageError(`${shown}: there must be at least one shard`);
  if (index < 1) throw new UsageError(`${shown}: shards are counted from 1 (the first of ${count} is 1/${count})`);
  if (index > count) throw new UsageError(`${shown}: there is no shard ${index} of ${count} (i must be at most n)`);
  return { index, count };
}

/** What a file's shard is computed from: its path (absolute, normalised, as files() gives it) relative to `cwd`, `/`-separated, in NFC. */
export function shardKey(file: string, cwd: string, paths: path.PlatformPath = path): string {
  // the files named below cwd (nearly always all of them) without path.relative's resolving, which costs more than the hash
  const rel = file.startsWith(cwd + paths.sep) ? file.slice(cwd.length + 1) : paths.relative(cwd, file);
  return (paths.sep === '/' ? rel : rel.split(paths.sep).join('/')).normalize('NFC');
}

// crypto.hash (Node 20.12) hashes a short string in a third of the time of createHash
const sha1: (text: string) => Buffer = crypto.hash
  ? (text) => crypto.hash('sha1', text, 'buffer')
  : (text) => crypto.createHash('sha1').update(text, 'utf8').digest();

/**
 * The shard (1-based) of `count` that a file falls in: the first 48 bits of the key's SHA-1 (exact in a double;
 * no bias worth the name for any n a CI would use) modulo n. `paths`: Node's path module of another OS, for tests.
 */
export function shardOf(file: string, cwd: string, count: number, paths: path.PlatformPath = path): number {
  return (sha1(shardKey(file, cwd, paths)).readUIntBE(0, 6) % count) + 1;
}

/** The files, in their order, that fall in the shard. */
export function selectShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  if (shard.count === 1) return [...files];
  return files.filter((f) => shardOf(f, cwd, shard.count) === shard.index);
}
