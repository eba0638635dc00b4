// What the generators' file rules (hexo/files.ts, jekyll/files.ts, hugo/files.ts) share: a post's path as
// folder segments below a folder, a name split as Node's path.extname splits it, and the %-signs that
// decodeURI refuses.

import path from 'node:path';
import type { Unpublished } from './types.js';

/** The path segments of `file` below `dir` (folders, then the file's name), or null when it is not below it. */
export function segmentsBelow(dir: string, file: string): string[] | null {
  const rel = path.relative(dir, file);
  if (rel === '' || rel.startsWith(`..${path.sep}`) || rel === '..' || path.isAbsolute(rel)) return null;
  return rel.split(path.sep);
}

/** A file name split as path.extname does: ".md" has no extension, "a.b.md" has ".md". */
export function splitName(name: string): { stem: string; ext: string } {
  const ext = path.extname(name);
  return { stem: name.slice(0, name.length - ext.length), ext };
}

/** A %-sign that does not start a well-formed %-escape of UTF-8, with what follows it. */
export interface StrayPercent {
  index: number;
  /** The malformed sequence as written: "%se", "%e4%b8", "%" at the end. */
  text: string;
}

const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * Where decodeURI throws "URI malformed" in `s` (ECMA-262 Decode): a `%` not followed by two hex digits, a
 * byte that cannot start UTF-8, or a lead byte whose continuation bytes are missing or wrong (overlong forms,
 * surrogates). Each failing sequence is reported once, at its first `%`; scanning goes on after that `%`.
 */
export function strayPercents(s: string): StrayPercent[] {
  const out: StrayPercent[] = [];
  const byteAt = (i: number) => (s[i] === '%' && HEX.test(s.slice(i + 1, i + 3)) ? parseInt(s.slice(i + 1, i + 3), 16) : -1);
  let i = s.indexOf('%');
  while (i !== -1) {
    const lead = byteAt(i);
    const n = lead < 0 ? 0 : lead < 0x80 ? 1 : lead >= 0xc0 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf8 ? 4 : 0;
    let end = i + 3 * n;
    let ok = n > 0;
    if (n > 1) {
      for (let k = 1; k < n && ok; k++) ok = byteAt(i + 3 * k) >= 0;
      if (ok) {
        try {
          decodeURIComponent(s.slice(i, end));
        } catch {
          ok = false;
        }
      }
    }
    if (ok) {
      i = s.indexOf('%', end);
      continue;
    }
    // the malformed sequence: the triplets that were read, or the `%` and the two characters after it
    end = i + 3;
    while (n > 1 && end < i + 3 * n && byteAt(end) >= 0) end += 3;
    out.push({ index: i, text: s.slice(i, Math.min(end, s.length)) });
    i = s.indexOf('%', i + 1);
  }
  return out;
}

/**
 * `s` with each stray %-sign replaced by the full-width ％ (U+FF05): the name reads the same, and a URL built
 * from it is valid (％ is percent-encoded like any other non-ASCII character). `%25` would be a valid escape
 * too, but it decodes to `%`, so a web server would look for the old, malformed name on disk.
 */
export function replaceStrayPercents(s: string): string {
  const stray = strayPercents(s);
  if (!stray.length) return s;
  let out = '';
  let pos = 0;
  for (const { index } of stray) {
    out += `${s.slice(pos, index)}％`;
    pos = index + 1;
  }
  return out + s.slice(pos);
}

/** A fault in a file's name (or elsewhere, then without `fix`): `fix` gives the name without it, or null. */
export interface NameFault {
  fix?: (name: string) => string | null;
}

/** Why a generator drops a post, and what to do, with the name fault behind it when there is one. */
export interface Problem extends NameFault {
  reason: string;
  advice: string;
}

/** A Problem that may stop the whole build rather than drop the post alone (Hexo, Jekyll). */
export interface DropProblem extends Problem {
  effect: Unpublished['effect'];
}

/**
 * The name a file can be renamed to, in its own folder, for the generator to publish it: each fault's `fix`
 * applied in turn, and the new name checked again (`check`), until none is left. Null when a fault cannot be
 * fixed by renaming the file, or when the name would lose its stem or its extension.
 */
export function publishableName<F extends NameFault>(name: string, first: F, check: (name: string) => F | null, maxSteps = 6): string | null {
  let current = name;
  let fault: F | null = first;
  for (let step = 0; fault && step < maxSteps; step++) {
    const next = fault.fix?.(current);
    if (!next || next === current) return null;
    const { stem, ext } = splitName(next);
    if (!stem || !ext) return null;
    current = next;
    fault = check(current);
  }
  return fault ? null : current;
}
