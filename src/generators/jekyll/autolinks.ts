// Bare URLs Jekyll publishes as links: none. Checked against jekyll 4.3.1 with kramdown 2.4.0 and
// kramdown-parser-gfm 1.1.0 (Debian's packages) and real builds (test/generators/autolinks.test.ts): kramdown's
// only autolinks are `<https://…>` and `<user@host>` (lib/kramdown/parser/kramdown/autolink.rb), and the GFM parser
// (lib/kramdown/parser/gfm.rb) adds no autolink literal: `见 https://a.com/x` stays text.

import type { Range } from '../../types.js';

export function jekyllBareUrls(_text: string): Range[] {
  return [];
}
