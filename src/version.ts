// newslint's own version, from its package.json: found upward from this module, so that it is the same from
// src/ (tests), dist/src/ (the build) or a bundle.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg?.name === 'newslint' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here, or not ours: look further up
    }
    if (path.dirname(dir) === dir) throw new Error('newslint: cannot find its own package.json');
  }
}

export const VERSION = findVersion();
