// Which files of a Jekyll site Jekyll reads at all (jekyll 4.3.1, lib/jekyll/entry_filter.rb): an entry is
// rejected when `exclude` (the site's list plus DEFAULT_EXCLUDES) matches it and `include` does not.
// glob_include? joins each pattern to the source folder and accepts File.fnmatch?(pattern, path) (no flags:
// `*` also crosses `/`), a path that merely starts with the pattern, or a folder the pattern names with a
// trailing slash. Jekyll filters each folder level as it walks, so a file inside an excluded folder is
// excluded too. (Names starting with `.`, `_`, `#` are special and skipped as pages; posts under _posts with
// such names are post-file-name's business.)

import path from 'node:path';
import type { Site } from '../types.js';

export function jekyllIgnores(file: string, site: Site): boolean {
  const { exclude, include, contentDir } = site.settings;
  const rel = path.relative(contentDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const parts = rel.split(path.sep);
  const excluded = exclude.filter((p) => !include.includes(p));
  for (let i = 1; i <= parts.length; i++) {
    const entry = parts.slice(0, i).join('/');
    if (globInclude(include, entry, contentDir) || globInclude(include, parts[i - 1], contentDir)) return false;
    if (globInclude(excluded, entry, contentDir)) return true;
  }
  return false;
}

function globInclude(patterns: readonly string[], entry: string, source: string): boolean {
  const full = `${source}/${entry}`;
  return patterns.some((p) => {
    const pattern = `${source}/${p}`;
    return fnmatch(pattern, full) || full.startsWith(pattern) || pattern === `${full}/`;
  });
}

/** Ruby's File.fnmatch? without flags: `*` and `?` match any character, `/` included; `[…]` is a class. */
function fnmatch(pattern: string, text: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      re += '[\\s\\S]*';
    } else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) re += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\').replace(/^!/, '^');
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else re += escapeRe(c);
  }
  try {
    return new RegExp(`^${re}$`).test(text);
  } catch {
    return false;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
