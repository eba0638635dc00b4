// Front matter as Hexo 8 finds and loads it (hexo-front-matter 4.2.1, lib/front_matter.ts), on the text as
// hexo-fs reads it (BOM removed, CRLF turned into LF):
//
//   rFrontMatter    = /^(-{3,}|;{3,})\n([\s\S]+?)\n\1\n?([\s\S]*)/   fenced: the closing fence repeats the opening one
//   rPrefixSep      = /^(-{3,}|;{3,})/                                  a fence that is not closed: no front matter
//   rFrontMatterNew = /^([\s\S]+?)\n(-{3,}|;{3,})\n?([\s\S]*)/        fence-less: everything up to the first fence line
//
// `;` fences hold JSON without its outer braces (`JSON.parse('{' + data + '}')`; unreadable JSON: no front
// matter, the whole file is the body). `-` fences hold YAML read by js-yaml's load() after tabs that start a
// line became two spaces each (escapeYAML); a YAML error makes Hexo drop the post ("Process failed"); a value
// that is not an object (prose before a Markdown `---` line, an empty block) means no front matter.
// One blank line before a `---` fence still works (the fence-less form, whose data starts with YAML's own
// `---` document marker); two blank lines, or a line of spaces, do not.

import yaml from 'js-yaml';
import { ArticleError } from '../../parse/errors.js';
import { lfView } from '../eol.js';
import type { LoadedFrontMatter } from '../types.js';

const rFrontMatter = /^(-{3,}|;{3,})\n([\s\S]+?)\n\1\n?/;
const rPrefixSep = /^(-{3,}|;{3,})/;
const rFrontMatterNew = /^([\s\S]+?)\n(-{3,}|;{3,})\n?/;

/** Front matter where Hexo finds it and the data it loads; null when Hexo finds none. Throws ArticleError when Hexo cannot read the post. */
export function readHexoFrontMatter(original: string): LoadedFrontMatter | null {
  const lf = lfView(original);
  const text = lf.text;
  let dataStart: number;
  let dataEnd: number;
  let separator: string;
  let end: number;
  let fenced: boolean;
  const old = rFrontMatter.exec(text);
  if (old) {
    separator = old[1];
    dataStart = separator.length + 1;
    dataEnd = dataStart + old[2].length;
    end = old[0].length;
    fenced = true;
  } else {
    if (rPrefixSep.test(text)) return null;
    const m = rFrontMatterNew.exec(text);
    if (!m) return null;
    separator = m[2];
    dataStart = 0;
    dataEnd = m[1].length;
    end = m[0].length;
    fenced = false;
  }
  const raw = text.slice(dataStart, dataEnd);
  const json = separator.startsWith(';');
  let data: unknown;
  if (json) {
    try {
      data = JSON.parse(`{${raw}}`);
    } catch {
      return null;
    }
  } else {
    try {
      data = yaml.load(escapeYAML(raw));
    } catch (err) {
      throw hexoCannotRead(err as yaml.YAMLException, dataStart, raw, lf.toOriginal);
    }
  }
  // hexo-front-matter: `if (typeof result !== 'object') return;` then `if (!data) return { _content: str }`
  if (!data || typeof data !== 'object') return null;
  // The data of the fence-less form after one blank line starts with YAML's `---` marker: the block is
  // reported from that fence, as people see it.
  let blockStart = 0;
  let contentStart = dataStart;
  if (!fenced && !json) {
    const lead = /^\n(-{3,})\n/.exec(raw);
    if (lead) {
      blockStart = 1;
      contentStart = lead[0].length;
    }
  }
  const bodyStart = lf.toOriginal(end);
  return {
    block: {
      language: json ? 'json' : 'yaml',
      range: [lf.toOriginal(blockStart), closingFenceEnd(original, lf.toOriginal(dataEnd), bodyStart)],
      contentRange: [lf.toOriginal(contentStart), lf.toOriginal(dataEnd)],
      bracesAdded: json || undefined,
      bodyStart,
    },
    data: data as Record<string, unknown>,
  };
}

/** hexo-front-matter's escapeYAML: every run of tabs that starts a line becomes two spaces per tab. */
function escapeYAML(str: string): string {
  return str.replace(/\n(\t+)/g, (_m, tabs: string) => `\n${'  '.repeat(tabs.length)}`);
}

/** The end of the fence line that closes the block: after the line break before the fence, the fence itself. */
function closingFenceEnd(text: string, dataEnd: number, bodyStart: number): number {
  let i = dataEnd;
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  while (i < bodyStart && (text[i] === '-' || text[i] === ';')) i++;
  return i;
}

function hexoCannotRead(err: yaml.YAMLException, dataStart: number, raw: string, toOriginal: (o: number) => number): ArticleError {
  const reason = (err.reason || err.message.split('\n')[0]).replace(/\s+\(\d+:\d+\)$/, '');
  // js-yaml's mark counts lines of the data; escapeYAML changes tabs at line starts only, so lines match.
  let lineStart = 0;
  for (let k = 0; k < (err.mark?.line ?? 0); k++) {
    const nl = raw.indexOf('\n', lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  const nl = raw.indexOf('\n', lineStart);
  const at = Math.min(lineStart + (err.mark?.column ?? 0), nl === -1 ? raw.length : nl);
  return new ArticleError(`front matter: Hexo cannot read it either (js-yaml: ${reason}), so Hexo drops this post`, toOriginal(dataStart + at));
}
