// Which content files Hugo 0.111.3 (Debian's package) does not publish as pages, and why: checked against
// its source and real builds in test/generators/hugo-files.test.ts.
//
// - source/sourceSpec.go IgnoreFile, asked for every folder and file walked below the content folder: a
//   name starting with "." or "#" or ending with "~" (editors' temporary and backup files) is skipped, and
//   so is a path matching one of the site's `ignoreFiles` regular expressions (tested against the absolute
//   path). A name starting with "_" is not special (`_index.md` is a section's page).
// - hugofs/files/classifier.go IsContentFile: only the extensions html, htm, mdown, markdown, md, asciidoc,
//   adoc, ad, rest, rst, org, pandoc, pdc, looked up as written (`.MD` is none), make pages; any other file
//   is copied as it is.
// Not reported: drafts, future and expired posts (front-matter choices, shown with --buildDrafts, …).

import path from 'node:path';
import { quote } from '../../util/quote.js';
import { publishableName, segmentsBelow, type Problem } from '../post-files.js';
import type { PostFile, Site, SiteSettings, Unpublished } from '../types.js';

const CONTENT = new Set(['html', 'htm', 'mdown', 'markdown', 'md', 'asciidoc', 'adoc', 'ad', 'rest', 'rst', 'org', 'pandoc', 'pdc']);

export function hugoUnpublished(file: PostFile, site: Site): Unpublished | null {
  const { contentDir } = site.settings;
  // without a site, only the name itself is known to be below the content folder
  let base = contentDir;
  let segments = segmentsBelow(contentDir, file.path);
  if (!segments) {
    if (site.root !== null) return null;
    base = path.dirname(file.path);
    segments = [path.basename(file.path)];
  }
  const problem = problemOf(base, segments, site.settings);
  if (!problem) return null;
  const folder = segments.slice(0, -1);
  const rename = publishableName(segments[segments.length - 1], problem, (name) => problemOf(base, [...folder, name], site.settings));
  return { effect: 'dropped', reason: problem.reason, rename, advice: problem.advice };
}

function problemOf(base: string, segments: string[], settings: SiteSettings): Problem | null {
  const last = segments.length - 1;
  const ignored = segments.findIndex((s) => s.startsWith('.') || s.startsWith('#') || s.endsWith('~'));
  if (ignored !== -1) {
    const part = segments[ignored];
    const isName = ignored === last;
    const why = part.startsWith('.') || part.startsWith('#') ? `starts with "${part[0]}"` : 'ends with "~"';
    return {
      reason: `${isName ? 'the name' : 'the folder'} ${quote(part)} ${why}: Hugo ignores files and folders whose names start with "." or "#" or end with "~"`,
      fix: isName ? (n) => n.replace(/^[.#]+/, '').replace(/~+$/, '') : undefined,
      advice: isName ? 'rename it' : `rename the folder ${quote(part)}`,
    };
  }
  for (let i = 0; i < segments.length; i++) {
    const full = path.join(base, ...segments.slice(0, i + 1));
    const pattern = settings.exclude.find((p) => goRegExp(p)?.test(full));
    if (pattern) return { reason: `${i === last ? 'it' : `its folder ${quote(segments[i])}`} matches ignoreFiles ${quote(pattern)}`, advice: 'change ignoreFiles in the site config' };
  }
  const name = segments[last];
  const ext = path.extname(name).slice(1);
  if (!CONTENT.has(ext)) {
    const lower = ext.toLowerCase();
    const caseOnly = CONTENT.has(lower);
    return {
      reason: `Hugo makes pages only of content files, and ${quote(`.${ext}`)} is no content extension${caseOnly ? ` (they are case-sensitive: ${quote(`.${lower}`)} is one)` : ''}: it copies the file as it is`,
      fix: caseOnly ? (n) => n.slice(0, n.length - ext.length) + lower : undefined,
      advice: 'give it a content extension (.md)',
    };
  }
  return null;
}

/**
 * An ignoreFiles pattern (Go's RE2 syntax) as a JavaScript RegExp: the common syntax is shared, a leading
 * `(?i)`/`(?s)`/`(?m)` becomes a flag. A pattern JavaScript cannot compile is left out, as Hugo leaves out
 * one it cannot compile. A site's own config is trusted; file paths are short.
 */
function goRegExp(pattern: string): RegExp | null {
  const m = /^\(\?([ism]+)\)/.exec(pattern);
  try {
    return new RegExp(m ? pattern.slice(m[0].length) : pattern, m ? [...new Set(m[1])].join('') : '');
  } catch {
    return null;
  }
}
