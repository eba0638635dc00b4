// Bare URLs Hugo publishes as links. Checked against hugo 0.111.3 (Debian's build, with goldmark 1.5.4) and real
// builds (test/generators/autolinks.test.ts):
// - Hugo turns goldmark's Linkify extension on by default (markup.goldmark.extensions.linkify = true).
// - goldmark 1.5.4 extension/linkify.go: a link starts at `http://`, `https://`, `ftp://` or `www.` (case as
//   written) and runs over ASCII URL characters only, urlRegexp's
//   `[-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]` + backtick`: the first CJK character, space or `<` ends it
//   (`见 https://a.com/abc中文` links `https://a.com/abc`). It then trims trailing `?!.,:*_~`, a trailing `.`,
//   unbalanced `)` and an entity; the reach below keeps them (a superset is what a mask needs). goldmark only
//   starts a link at a line head or after a space, `*`, `_`, `~` or `(`; the reach does not ask.
// - E-mail addresses are ASCII there: left to the rules' own e-mail masking.

import type { Range } from '../../types.js';

export function hugoBareUrls(text: string): Range[] {
  const out: Range[] = [];
  const start = /(?:ftp|https?):\/\/|www\./g;
  const url = /[-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*/y;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    url.lastIndex = from;
    const end = from + url.exec(text)![0].length;
    out.push([m.index, end]);
    start.lastIndex = end;
  }
  return out;
}
