// How reports name files and count things, the same in every format and in the CLI's own messages.

import path from 'node:path';

/** A path as reports show it: relative to the working directory when below it, else as given. */
export function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** "1 error", "2 errors". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
