// The worker pool: piscina threads, each running worker.ts with its own NewsLint; one task is one file,
// and what comes back is its result.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/**
 * Files in flight per worker: one running, the next ones queued so that a worker never waits for the main
 * thread, and a few more so that one slow file at the head of the path order does not idle the others.
 * Results are small (a file's text stays in its worker), so memory stays flat.
 */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * The compiled worker script. The built CLI runs dist/src/pool/pool.js, and the worker is beside it. Under
 * vitest this module is src/pool/pool.ts, and Node 20 cannot start a worker thread from TypeScript: the API
 * then uses the built copy in dist/ (`npm test` builds first).
 */
export function workerScript(moduleUrl = import.meta.url): string {
  const built = moduleUrl.endsWith('.ts') ? new URL('../../dist/src/pool/worker.js', moduleUrl) : new URL('./worker.js', moduleUrl);
  return fileURLToPath(built);
}

/**
 * Lints files on `threads` worker threads, each building its NewsLint from `options` (NewsLintOptions): their
 * plain data is copied to each worker; callbacks cannot cross threads and stay with the main thread's NewsLint.
 * `run` rejects when its file's worker dies; piscina starts another for the files after it.
 */
export function workerPool<R>(options: object, threads: number): { width: number; run(file: string): Promise<R>; close(): Promise<void> } {
  const filename = workerScript();
  if (!existsSync(filename)) throw new Error(`the worker script ${filename} is missing: run \`npm run build\``);
  const pool = new Piscina<string, R>({
    filename,
    workerData: Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function')),
    minThreads: threads,
    maxThreads: threads,
    maxQueue: Infinity, // the caller bounds what is in flight (width)
  });
  // A worker that dies between tasks takes no file with it; piscina replaces it.
  pool.on('error', () => {});
  return {
    width: threads * IN_FLIGHT_PER_WORKER,
    run: (file) => pool.run(file),
    close: () => pool.destroy(),
  };
}
