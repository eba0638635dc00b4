// How reports name files and count things, the same in every format and in the CLI's own messages.

import path from 'node:path';

/** A path as people read it: relative to the working directory when below it, else as given. */
export function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return !rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? file : rel;
}

/**
 * A path as machine-readable reports name it: as shown(), with `/` separators (what GitHub, GitLab and SARIF
 * viewers resolve against the checkout).
 */
export function reportPath(cwd: string, file: string): string {
  const rel = shown(file, cwd);
  return rel === file ? file : rel.split(path.sep).join('/');
}

/** "1 error", "2 errors". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
