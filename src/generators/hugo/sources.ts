// Which files of a Hugo site Hugo reads at all (hugo 0.111.3): `ignoreFiles` holds regular expressions; a
// content file whose path matches one is skipped. Both the absolute path and the path relative to contentDir
// are tried (the documentation is not precise about which), so newslint never lints what Hugo might skip.

import path from 'node:path';
import type { Site } from '../types.js';

export function hugoIgnores(file: string, site: Site): boolean {
  const rel = path.relative(site.settings.contentDir, file).split(path.sep).join('/');
  const abs = file.split(path.sep).join('/');
  return site.settings.exclude.some((source) => {
    try {
      const re = new RegExp(source);
      return re.test(abs) || re.test(rel);
    } catch {
      return false;
    }
  });
}
