// Which files a run would have checked had they existed: the files and folders its inputs name, the files
// its glob inputs match, and with --shard only that shard's. An entry of the suppressions file whose file is
// gone is only judged (stale, or pruned) when this run covers it: a run on one folder, or one shard of a CI
// run, says nothing about the others' files.

import { statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { isInside } from '../files/walk.js';
import { shardKey, shardOf, type Shard } from '../run/shard.js';
import type { Covers } from './baseline.js';

export function inputsCover(inputs: readonly string[], cwd: string, shard?: Shard): Covers {
  const folders: string[] = [];
  const files = new Set<string>();
  const globs: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const info = statSync(abs, { throwIfNoEntry: false });
    if (info?.isDirectory()) folders.push(abs);
    else if (info) files.add(abs);
    else if (fg.isDynamicPattern(input)) globs.push(input.split(path.sep).join('/'));
  }
  const matches = globs.length ? picomatch(globs) : () => false;
  return (file) =>
    (files.has(file) || folders.some((dir) => isInside(file, dir)) || matches(shardKey(file, cwd))) &&
    (!shard || shardOf(file, cwd, shard.count) === shard.index);
}
