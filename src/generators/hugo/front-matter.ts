// Front matter as Hugo 0.111 finds it (parser/pageparser/pagelexer_intro.go): after any leading whitespace,
// `---` opens YAML and `+++` opens TOML, each closed by the next line that starts with the same three
// characters; `{` opens a JSON object that ends at its matching brace. A block that is never closed fails the
// build.

import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { ArticleError } from '../../parse/errors.js';
import type { LoadedFrontMatter } from '../types.js';

export function readHugoFrontMatter(text: string): LoadedFrontMatter | null {
  let start = 0;
  while (start < text.length && /[ \t\r\n]/.test(text[start])) start++;
  const c = text[start];
  if (c === '{') return json(text, start);
  if (c !== '-' && c !== '+') return null;
  const delim = c.repeat(3);
  if (!text.startsWith(delim, start)) return null;
  let contentStart = start + 3;
  if (text[contentStart] === '\r') contentStart++;
  if (text[contentStart] === '\n') contentStart++;
  let close = -1;
  for (let i = text.indexOf(delim, contentStart); i !== -1; i = text.indexOf(delim, i + 1)) {
    if (i === contentStart || text[i - 1] === '\n' || text[i - 1] === '\r') {
      close = i;
      break;
    }
  }
  const language = c === '+' ? 'toml' : 'yaml';
  if (close === -1) {
    throw new ArticleError(`front matter: Hugo cannot read it either (no closing ${delim}); the build fails`, start);
  }
  const source = text.slice(contentStart, close);
  let data: unknown;
  try {
    data = language === 'toml' ? parseToml(source) : yaml.load(source);
  } catch (err) {
    throw new ArticleError(`front matter: Hugo cannot read it either (${(err as Error).message.split('\n')[0]}); the build fails`, contentStart);
  }
  let bodyStart = close + 3;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  return {
    block: { language, range: [start, close + 3], contentRange: [contentStart, close], bodyStart },
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
  };
}

function json(text: string, start: number): LoadedFrontMatter | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      let data: unknown;
      try {
        data = JSON.parse(text.slice(start, i + 1));
      } catch (err) {
        throw new ArticleError(`front matter: Hugo cannot read it either (${(err as Error).message}); the build fails`, start);
      }
      let bodyStart = i + 1;
      if (text[bodyStart] === '\r') bodyStart++;
      if (text[bodyStart] === '\n') bodyStart++;
      return {
        block: { language: 'json', range: [start, i + 1], contentRange: [start, i + 1], bodyStart },
        data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
      };
    }
  }
  throw new ArticleError('front matter: Hugo cannot read it either (the JSON object is never closed); the build fails', start);
}
