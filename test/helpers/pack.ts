// Packing folders as npm publishes them, for the tests that install newslint (and the packages beside it: the
// Hexo plugin, the example rule plugin) into temp projects as a user does.

import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface Packed {
  /** The tarball's path. */
  tarball: string;
  /** The files in it, as `npm pack --dry-run --json` lists them. */
  files: string[];
}

/**
 * `npm pack` of a folder into `dest`. Without the prepare script: `npm test` has built dist/ already, and a
 * second build while other test files run the CLI would rewrite the modules they import.
 */
export function pack(folder: string, dest: string): Packed {
  const json = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', dest], { cwd: folder, encoding: 'utf8' });
  const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path) };
}
