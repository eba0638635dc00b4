// Jekyll's `exclude` and `include` (lib/jekyll/entry_filter.rb glob_include?, jekyll 4.3.1): a pattern
// joined to the source folder matches a path joined to it when Ruby's File.fnmatch? (no flags) matches, when
// the path starts with the pattern, or when the path is a folder and the pattern is that folder with a `/`.

/**
 * Ruby's File.fnmatch?(pattern, string) without flags: `*` matches any run of characters, `/` included
 * (`**` is two of them), `?` any one character, `[a-z]`/`[!a]`/`[^a]` a set, `\` escapes; `{a,b}` is
 * literal. Matched by the two-pointer method (one resume point for the last `*`): O(pattern × path).
 */
export function fnmatch(pattern: string, str: string): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < str.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = ++p;
      starS = s;
      continue;
    }
    const step = p < pattern.length ? matchOne(pattern, p, str[s]) : null;
    if (step?.matched) {
      p = step.next;
      s++;
    } else if (starP !== -1) {
      p = starP;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether the pattern element at `p` (not `*`) matches `c`, and where the next element starts. */
function matchOne(pattern: string, p: number, c: string): { matched: boolean; next: number } {
  const t = pattern[p];
  if (t === '?') return { matched: true, next: p + 1 };
  if (t === '\\' && p + 1 < pattern.length) return { matched: pattern[p + 1] === c, next: p + 2 };
  if (t === '[') {
    const set = parseSet(pattern, p);
    if (set) return { matched: set.test(c), next: set.next };
  }
  return { matched: t === c, next: p + 1 };
}

/** A bracket set starting at `p`, or null when it is not closed (then `[` is literal). */
function parseSet(pattern: string, p: number): { test: (c: string) => boolean; next: number } | null {
  let i = p + 1;
  const negate = pattern[i] === '!' || pattern[i] === '^';
  if (negate) i++;
  const ranges: [string, string][] = [];
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    let lo = pattern[i];
    if (lo === '\\' && i + 1 < pattern.length) lo = pattern[++i];
    let hi = lo;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      hi = pattern[i + 2] === '\\' && i + 3 < pattern.length ? pattern[i + 3] : pattern[i + 2];
      i += pattern[i + 2] === '\\' ? 3 : 2;
    }
    ranges.push([lo, hi]);
    i++;
  }
  if (i >= pattern.length) return null;
  return { test: (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negate, next: i + 1 };
}

/** glob_include?: whether any pattern (joined to `source`) covers `entry` (joined to `source`). */
export function globInclude(patterns: readonly string[], source: string, entry: string, isDir = false): string | null {
  const target = joinPath(source, entry);
  for (const pattern of patterns) {
    const joined = joinPath(source, pattern);
    if (fnmatch(joined, target) || target.startsWith(joined) || (isDir && joined === `${target}/`)) return pattern;
  }
  return null;
}

/** Ruby's File.join of two parts: one `/` between them. */
export function joinPath(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}
