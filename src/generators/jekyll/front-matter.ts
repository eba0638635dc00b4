// Front matter as Jekyll 4.3 finds it (lib/jekyll/document.rb, YAML_FRONT_MATTER_REGEXP):
//
//   %r!\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)!m
//
// The file must start with `---` (after a BOM); the block ends at the first line that is `---` or `...`
// followed only by whitespace. Ruby's `\s` is ASCII whitespace, `$` is "before \n or at the end", and `.`
// matches newlines (the `m` flag), so CRLF files work and the closing fence may take blank lines after it.

import yaml from 'js-yaml';
import { ArticleError } from '../../parse/errors.js';
import type { LoadedFrontMatter } from '../types.js';

const FRONT_MATTER = /^(---[ \t\r\n\f\v]*\n[\s\S]*?\n?)(?<=^|\n)((?:---|\.\.\.)[ \t\r\n\f\v]*?(?:(?=\n)|(?![\s\S]))\n?)/;

export function readJekyllFrontMatter(text: string): LoadedFrontMatter | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  const open = /^---[ \t\r\n\f\v]*?\n/.exec(m[1])!;
  const contentStart = open[0].length;
  const contentEnd = m[1].length;
  const fence = /^(?:---|\.\.\.)/.exec(m[2])!;
  let data: unknown;
  try {
    // Psych, Jekyll's YAML reader, lets a repeated key replace the earlier one: js-yaml does with `json`.
    data = yaml.load(text.slice(contentStart, contentEnd), { json: true });
  } catch (err) {
    const e = err as yaml.YAMLException;
    throw new ArticleError(`front matter: Jekyll cannot read it either (${e.reason ?? e.message.split('\n')[0]})`, contentStart);
  }
  return {
    block: {
      language: 'yaml',
      range: [0, contentEnd + fence[0].length],
      contentRange: [contentStart, contentEnd],
      bodyStart: m[0].length,
    },
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
  };
}
