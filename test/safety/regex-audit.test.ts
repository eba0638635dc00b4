// A static audit of every regular-expression literal in src/ and rules/: no nested unbounded quantifier
// (`(a+)+`) and no two adjacent unbounded quantifiers over classes that can overlap (`\s*.*`), the shapes that
// backtrack. The few that have such a shape but cannot backtrack are listed with the reason. hostile.test.ts
// then runs long runs of spaces, quotes and `?http://` through every rule to catch what a static look misses.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const REVIEWED: Record<string, string> = {
  // [a-z-]* stops at the `;` or space that must precede every start: each character is scanned once
  '(?:^|[;\\s])(?:background|border|padding|(?:min-)?(?:height|width))[a-z-]*\\s*:': 'separators bound each scan',
  // anchored; every repetition starts with `;`, which [^;,]* cannot match: one way to split the input
  '^data:image\\/(gif|png)((?:;[^;,]*)*);base64,': 'unambiguous repetition, anchored',
};

function literals(): { where: string; source: string }[] {
  const files = [
    ...(readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }) as string[]).map((f) => path.join(ROOT, 'src', f)),
    ...readdirSync(path.join(ROOT, 'rules')).map((f) => path.join(ROOT, 'rules', f)),
  ].filter((f) => f.endsWith('.ts'));
  const out: { where: string; source: string }[] = [];
  const re = /(?<=[=(,:[!&|?{;]\s*|return\s+)\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuvy]*)/g;
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(re)) {
      try {
        new RegExp(m[1], m[2]);
      } catch {
        continue; // not a regular expression (a comment or a division)
      }
      out.push({ where: `${path.relative(ROOT, f)}:${src.slice(0, m.index).split('\n').length}`, source: m[1] });
    }
  }
  return out;
}

describe('regular expressions in src/ and rules/', () => {
  it('have no shape that backtracks, or are reviewed', () => {
    const all = literals();
    expect(all.length).toBeGreaterThan(50);
    const nested = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;
    const adjacent = /(\\s|\[[^\]]*\]|\.)[+*]\??(\\s|\[[^\]]*\]|\.)[+*]/;
    const risky = all.filter(({ source }) => (nested.test(source) || adjacent.test(source)) && !(source in REVIEWED));
    expect(risky.map((r) => `${r.where} /${r.source}/`)).toEqual([]);
  });
});
