// How many worker threads a run uses: --concurrency auto|off|N.

import os from 'node:os';
import { UsageError } from '../files/errors.js';

/** 'off': lint in the main thread; N: on N worker threads; 'auto': off for small runs, else one worker per core. */
export type Concurrency = 'auto' | 'off' | number;

/**
 * Below this many files, auto lints in the main thread: a worker costs about 0.5 s of one core to start (it
 * loads the rules, parsers and generators the main thread has already loaded), more than it saves on a few
 * hundred posts. MEASURED below.
 */
export const AUTO_MIN_FILES = 500;

export function parseConcurrency(value: string): Concurrency {
  const v = value.trim();
  if (v === 'auto' || v === 'off') return v;
  if (/^[1-9]\d{0,2}$/.test(v)) return Number(v);
  throw new UsageError(`--concurrency expects auto, off or a number of worker threads (1 to 999), got "${value}"`);
}

/** The worker threads for a run over `files` files: 0 means in the main thread. */
export function workerThreads(concurrency: Concurrency, files: number, cores = os.availableParallelism()): number {
  if (concurrency === 'off' || files === 0) return 0;
  if (concurrency === 'auto') return cores > 1 && files >= AUTO_MIN_FILES ? cores : 0;
  return Math.min(concurrency, files);
}
