// How many worker threads a run uses: --concurrency auto|off|N.

import os from 'node:os';
import { UsageError } from '../files/errors.js';

/** 'off': lint in the main thread; N: on N worker threads; 'auto': off for small runs, else one worker per core. */
export type Concurrency = 'auto' | 'off' | number;

/**
 * Below this many files, auto lints in the main thread. A worker loads what the main thread has already loaded
 * (rules, parsers, generators, the config and its plugins): measured (30 Nov 2026, `/usr/bin/time`, one post,
 * --concurrency off vs 1) about 1.1 s of CPU, as much as the main thread's own start; a post costs about 7 ms of
 * CPU (1,000 real posts, off; 1.7 ms on the quiet machine of the 33.5 s for 20,000). Two workers on two
 * cores halve the per-post time and start side by side, so they pay off from 2 × start / per post ≈ 300 to 400
 * posts; 500 leaves a margin for the main thread's own work (walk, order, report). CPU times, not wall times:
 * the shared machine ran at load 15 to 26 throughout, where wall-clock comparisons of parallel runs say nothing.
 */
export const AUTO_MIN_FILES = 500;

export function parseConcurrency(value: string): Concurrency {
  const v = value.trim();
  if (v === 'auto' || v === 'off') return v;
  if (/^[1-9]\d{0,2}$/.test(v)) return Number(v);
  throw new UsageError(`--concurrency expects auto, off or a number of worker threads (1 to 999), got "${value}"`);
}

/**
 * The worker threads for a run over `files` files: 0 means in the main thread. auto uses one per core and
 * leaves the main thread to walk, order and report (it lints nothing, so a rule that kills its thread cannot
 * take the run with it).
 */
export function workerThreads(concurrency: Concurrency, files: number, cores = os.availableParallelism()): number {
  if (concurrency === 'off' || files === 0) return 0;
  if (concurrency === 'auto') return cores > 1 && files >= AUTO_MIN_FILES ? cores : 0;
  return Math.min(concurrency, files);
}
