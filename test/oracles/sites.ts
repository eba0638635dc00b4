// The fixture sites (fixtures/sites/<generator>/), copied into a folder to be built and fixed there. The Hexo
// site gets the real posts (fixtures/real/_posts) beside its hand-written cases, and this repository's
// node_modules (hexo, hexo-renderer-marked) through a symbolic link, as a site's own install would have them.

import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { copyWritable, REAL_POSTS, ROOT } from '../safety/helpers.js';
import type { OracleName } from './build.js';

export const SITES = path.join(ROOT, 'fixtures/sites');

/** Copies the fixture site of `name` into `dir` (an empty folder), writable for --fix, and returns `dir`. */
export function copySite(name: OracleName, dir: string): string {
  copyWritable(path.join(SITES, name), dir);
  if (name === 'hexo') {
    copyWritable(REAL_POSTS, path.join(dir, 'source/_posts'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  }
  return dir;
}
