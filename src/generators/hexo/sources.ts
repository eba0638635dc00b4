// Which files of a Hexo site Hexo reads at all (hexo 8.1.2): the source box skips paths matching the `ignore`
// globs (box/index.ts, micromatch on the absolute path), and the asset processor skips non-post files matching
// `exclude` (relative to source_dir; processor/common.ts isExcludedFile). Posts (_posts/, _drafts/) are not
// subject to `exclude`; which posts Hexo drops is post-file-name's business, not the walker's.

import path from 'node:path';
import picomatch from 'picomatch';
import type { Site } from '../types.js';

export function hexoIgnores(file: string, site: Site): boolean {
  const { ignore, exclude, contentDir } = site.settings;
  if (ignore.length && picomatch.isMatch(file.split(path.sep).join('/'), ignore, { dot: true })) return true;
  const rel = path.relative(contentDir, file).split(path.sep).join('/');
  if (rel.startsWith('..') || rel.startsWith('_posts/') || rel.startsWith('_drafts/')) return false;
  return exclude.length > 0 && picomatch.isMatch(rel, exclude, { dot: true });
}
