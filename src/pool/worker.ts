// A pool worker: builds its own NewsLint from the main thread's options (config, plugins and rules loaded
// here, once per worker), then lints each file it is given. Reading, fixing and the atomic write happen in
// this thread: only the result, plain data, goes back; a file's text never crosses threads.

import { workerData } from 'node:worker_threads';
import { NewsLint, type FileResult, type NewsLintOptions } from '../api.js';

const linter = NewsLint.create({ ...(workerData as NewsLintOptions), concurrency: 'off' });
linter.catch(() => {}); // a failure is reported through each task, with the file it failed

export default async function lintInWorker(file: string): Promise<FileResult> {
  return (await linter).lintFile(file);
}
