// How the machine-readable reports name a file: relative to the working directory, with `/` separators (what
// GitHub, GitLab and SARIF viewers resolve against the checkout), or the absolute path for a file outside it.

import path from 'node:path';

export function reportPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}
