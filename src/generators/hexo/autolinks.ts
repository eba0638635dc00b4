// Bare URLs Hexo publishes as links. Checked against hexo-renderer-marked 7.0.1 (marked 15.0.12) and real renders
// (test/generators/autolinks.test.ts):
// - hexo-renderer-marked's defaults set `gfm: true` and `autolink: true` (index.js); its `url` tokenizer then
//   defers to marked's own (lib/renderer.js).
// - marked's GFM inline `text` rule stops before `https?://`, `ftp://` and `www.` anywhere in a word, and its
//   `url` rule, `^((?:ftp|https?):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*` (case-insensitive), takes all up to
//   the next whitespace or `<`: CJK, full-width punctuation, quotes and unbalanced `)` included
//   (`见https://a.com/中文，然后abc` links all of `https://a.com/中文，然后abc`). `_backpedal` then trims
//   trailing `?!.,:;*_'"~)` and an entity; the reach below keeps them (a superset is what a mask needs).
// - E-mail addresses are ASCII there (`[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(\.…)+`): left to the rules' own
//   e-mail masking.

import type { Range } from '../../types.js';

export function hexoBareUrls(text: string): Range[] {
  const out: Range[] = [];
  const start = /(?:ftp|https?):\/\/|www\./gi;
  const stop = /[\s<]/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const host = m.index + m[0].length;
    if (host >= text.length || !/[A-Za-z0-9-]/.test(text[host])) continue;
    stop.lastIndex = host;
    const end = stop.exec(text)?.index ?? text.length;
    out.push([m.index, end]);
    start.lastIndex = end;
  }
  return out;
}
