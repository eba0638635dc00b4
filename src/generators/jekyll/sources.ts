// Which files of a Jekyll site Jekyll reads at all (jekyll 4.3.1, lib/jekyll/entry_filter.rb): an entry is
// rejected when `exclude` (the site's list plus DEFAULT_EXCLUDES) matches it and `include` does not
// (glob_include?, in ./glob.ts). Jekyll filters each folder level as it walks, so a file inside an excluded
// folder is excluded too. (Names starting with `.`, `_`, `#` are special and skipped as pages; posts under
// _posts with such names are post-file-name's business, see ./files.ts.)

import path from 'node:path';
import { globInclude } from './glob.js';
import type { Site } from '../types.js';

export function jekyllIgnores(file: string, site: Site): boolean {
  const { exclude, include, contentDir } = site.settings;
  const rel = path.relative(contentDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const parts = rel.split(path.sep);
  const excluded = exclude.filter((p) => !include.includes(p));
  for (let i = 1; i <= parts.length; i++) {
    const entry = parts.slice(0, i).join('/');
    const isDir = i < parts.length;
    if (globInclude(include, contentDir, entry, isDir) !== null || globInclude(include, contentDir, parts[i - 1], isDir) !== null) return false;
    if (globInclude(excluded, contentDir, entry, isDir) !== null) return true;
  }
  return false;
}
