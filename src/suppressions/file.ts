// The suppressions file (newslint-suppressions.json, ESLint 9's bulk suppressions): how many problems of each
// rule each file is allowed to keep. `{ "<path relative to cwd, / separators>": { "<rule id>": { "count": n } } }`,
// keys sorted, two-space indented, so that the file diffs well in git. Read whole and checked before the run
// starts (a damaged file stops the run, naming it); written once, at the end, atomically.

import { lstatSync, readFileSync, statSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { FileError } from '../files/errors.js';
import { digestOf, MAX_FILE_BYTES } from '../files/read.js';
import { writeFileAtomic } from '../files/write.js';

export const DEFAULT_SUPPRESSIONS_LOCATION = 'newslint-suppressions.json';

/** Allowed counts: file key → rule id → count (at least 1). */
export type Counts = Map<string, Map<string, number>>;

/** The suppressions file cannot be read, is not a suppressions file, or cannot be written: exit 2. */
export class SuppressionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionsError';
  }
}

export interface SuppressionsFile {
  counts: Counts;
  /** SHA-256 of the bytes read, or null when there was no file: a write goes ahead only while it is so. */
  digest: string | null;
  /** The text read ('' when there was none): a write that would not change it is skipped. */
  text: string;
}

/** Reads and checks a suppressions file; a file that does not exist holds no suppressions. */
export function readSuppressions(file: string, shown: string): SuppressionsFile {
  let bytes: Buffer;
  try {
    if (lstatSync(file).size > MAX_FILE_BYTES) throw new SuppressionsError(`${shown}: the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof SuppressionsError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { counts: new Map(), digest: null, text: '' };
    throw new SuppressionsError(`cannot read the suppressions file ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new SuppressionsError(`${shown} is not a valid suppressions file: ${(err as Error).message}`);
  }
  return { counts: parseCounts(data, shown), digest: digestOf(bytes), text };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The counts a parsed file holds; anything but the format above is a SuppressionsError naming the place. */
export function parseCounts(data: unknown, shown: string): Counts {
  const bad = (where: string, what: string): never => {
    throw new SuppressionsError(`${shown} is not a valid suppressions file: ${where} ${what}`);
  };
  if (!isObject(data)) return bad('the file', 'must hold a JSON object of files');
  const counts: Counts = new Map();
  for (const [file, rules] of Object.entries(data)) {
    if (!isObject(rules)) bad(JSON.stringify(file), 'must be an object of rules');
    const byRule = new Map<string, number>();
    for (const [rule, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
        bad(`${JSON.stringify(file)} › ${JSON.stringify(rule)}`, 'must be { "count": n } with n a whole number from 1');
      }
      byRule.set(rule, count as number);
    }
    if (byRule.size) counts.set(file, byRule);
  }
  return counts;
}

/** The file's text: keys sorted (by code unit, the same on every machine), rules with a count of 0 left out. */
export function formatCounts(counts: Counts): string {
  const data: Record<string, Record<string, { count: number }>> = {};
  for (const file of [...counts.keys()].sort()) {
    const rules = counts.get(file)!;
    const entry: Record<string, { count: number }> = {};
    for (const rule of [...rules.keys()].sort()) if (rules.get(rule)! > 0) entry[rule] = { count: rules.get(rule)! };
    if (Object.keys(entry).length) data[file] = entry;
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Writes the file atomically (src/files/write.ts: temporary file and rename), and only while it still holds
 * what was read: another run that changed it meanwhile is not overwritten. A file that did not exist is
 * first created empty, exclusively (never over one made meanwhile), then replaced the same way.
 */
export async function writeSuppressions(file: string, shown: string, text: string, read: SuppressionsFile): Promise<void> {
  let digest = read.digest;
  let mode = 0o644;
  let created = false;
  try {
    if (digest === null) {
      const handle = await open(file, 'wx', 0o666);
      created = true;
      mode = (await handle.stat()).mode;
      await handle.close();
      digest = digestOf(new Uint8Array());
    } else {
      mode = statSync(file).mode;
    }
    await writeFileAtomic(file, Buffer.from(text, 'utf8'), digest, mode);
  } catch (err) {
    if (created) await unlink(file).catch(() => {});
    const why = err instanceof FileError ? err.message : ((err as NodeJS.ErrnoException).code ?? (err as Error).message);
    throw new SuppressionsError(`the suppressions file ${shown} was not written: ${why}`);
  }
}
