// Front matter as Debian's jekyll 4.3.1 finds and loads it (lib/jekyll/document.rb, Document#read_content):
//
//   YAML_FRONT_MATTER_REGEXP = %r!\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)!m
//   self.content = $~.post_match; data = Jekyll::Utils.safe_load_yaml($1)
//
// The file (read with its BOM removed, CRLF kept) must start with `---` and nothing but whitespace up to the
// line end; the block ends at the first line that starts with `---` or `...` followed only by whitespace.
// Ruby's `\s` is ASCII whitespace and `$` is "before a \n or at the end", so CRLF works and `\s*$` takes the
// blank lines after the closing fence too: the body starts after the last of them. Psych parses group 1,
// opening `---` included (src/generators/libyaml.ts: how its parser differs from js-yaml; psych.ts: its
// scalars). This is that expression as a linear scan (the expression itself backtracks on a long run of
// blank lines under `---`).
//
// What Jekyll does when Psych fails (a syntax error, a Symbol, a value that is not a mapping): it logs
// "Error: YAML Exception reading …" or "could not read file …" and publishes the body without any front
// matter data (no layout, no title, the build date instead of the file name's). Unless the site sets
// `strict_front_matter`, which makes the build fail. Checked with real `jekyll build` runs in
// test/generators/jekyll-front-matter.test.ts.

import yaml from 'js-yaml';
import { ArticleError } from '../../parse/errors.js';
import type { LoadedFrontMatter, SiteSettings } from '../types.js';
import { loadLikeLibyaml } from '../libyaml.js';
import { PSYCH_SCHEMA } from './psych.js';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

export function readJekyllFrontMatter(text: string, settings?: Readonly<SiteSettings>): LoadedFrontMatter | null {
  if (!text.startsWith('---')) return null;
  // `---\s*\n`: the whitespace after the fence must hold a line break; `.*?` starts after the last one
  let i = 3;
  let firstBreak = -1;
  let lastBreak = -1;
  for (; isSpace(text[i]); i++) {
    if (text[i] === '\n') {
      if (firstBreak === -1) firstBreak = i;
      lastBreak = i;
    }
  }
  if (lastBreak === -1) return null;
  const close = closingFence(text, lastBreak + 1);
  if (!close) return null;
  const { fenceStart, bodyStart } = close;
  const contentStart = firstBreak + 1;
  const block = {
    language: 'yaml' as const,
    range: [0, fenceStart + 3] as [number, number],
    contentRange: [contentStart, fenceStart] as [number, number],
    bodyStart,
  };
  try {
    const data = loadLikeLibyaml(text.slice(0, fenceStart), PSYCH_SCHEMA);
    if (data === null || data === undefined) return { block, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      throw new Error(`front matter must be a mapping of keys to values, not ${Array.isArray(data) ? 'a list' : `the ${typeof data} ${JSON.stringify(String(data).slice(0, 40))}`}`);
    }
    return { block, data: data as Record<string, unknown> };
  } catch (err) {
    const reason = err instanceof yaml.YAMLException ? (err.reason || err.message.split('\n')[0]).replace(/\s+\(\d+:\d+\)$/, '') : (err as Error).message;
    let offset = err instanceof yaml.YAMLException && err.mark ? Math.max(contentStart, Math.min(err.mark.position, fenceStart)) : contentStart;
    // js-yaml notices some errors only at the end of the data: point at its last line, not at the fence
    if (offset === fenceStart && fenceStart > contentStart) offset = text.lastIndexOf('\n', fenceStart - 2) + 1;
    if (settings?.raw.strict_front_matter === true) {
      throw new ArticleError(`front matter: Jekyll cannot read it either (${reason}); with strict_front_matter the build fails`, offset);
    }
    return { block, data: {}, unreadable: { reason, offset } };
  }
}

/** `^((---|\.\.\.)\s*$\n?)` from `from` on: the first line that is a fence followed by whitespace up to a line end. */
function closingFence(text: string, from: number): { fenceStart: number; bodyStart: number } | null {
  for (let at = from; at <= text.length - 3; ) {
    if (text.startsWith('---', at) || text.startsWith('...', at)) {
      let j = at + 3;
      let lastBreak = -1;
      for (; isSpace(text[j]); j++) if (text[j] === '\n') lastBreak = j;
      if (j === text.length) return { fenceStart: at, bodyStart: j };
      if (lastBreak !== -1) return { fenceStart: at, bodyStart: lastBreak + 1 };
    }
    const nl = text.indexOf('\n', at);
    if (nl === -1) break;
    at = nl + 1;
  }
  return null;
}
