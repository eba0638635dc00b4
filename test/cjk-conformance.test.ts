// Conformance of cjk-spacing and cjk-punctuation against the test suites of peer tools (fixtures/peer, see its
// README.md): every pair is run as an article through the engine's fixText with the rule(s) whose convention the
// pair exercises, and compared with the peer's expected output.
// - no_change pairs (input == expected): must stay byte-identical under each rule alone and both together.
// - pairs whose expected output differs from the input only in spaces: cjk-spacing alone.
// - every other pair (punctuation, quotes, whole files): both rules.
// autocorrect's pairs run cjk-spacing with { dates: 'spaced' }, its convention (`于 3 月 10 日`); all others
// run the defaults. Agreement per tool is asserted with a floor equal to what the rules achieve today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/engine/linter.js';
import { RuleTester } from '../src/rule-tester.js';
import punctuation from '../rules/cjk-punctuation.js';
import spacing from '../rules/cjk-spacing.js';

interface Pair {
  source: string;
  input: string;
  expected: string;
  tool: string;
  fn: string;
  options: string;
  tags: string[];
  note?: string;
}

const pairs: Pair[] = readFileSync(path.resolve(import.meta.dirname, '../fixtures/peer/cjk-pairs.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

// Floors: the agreement reached when this test was written. Raise them when the rules improve.
const FLOORS: Record<string, { all: number; spacing: number }> = {
  autocorrect: { all: 126, spacing: 59 },
  zhlint: { all: 50, spacing: 2 },
  pangu: { all: 37, spacing: 25 },
  guideline: { all: 8, spacing: 8 },
};

const filePathOf = (p: Pair) => (p.fn.includes('(html)') ? 'pair.html' : 'pair.md');
const run = (p: Pair, rules: ReturnType<typeof RuleTester.configure>[]) => fixText(p.input, { filePath: filePathOf(p), rules }).output;
const pu = RuleTester.configure(punctuation);
const sp = RuleTester.configure(spacing);
const spSpaced = RuleTester.configure(spacing, { dates: 'spaced' });
const spaceOnly = (p: Pair) => p.input.replace(/ /g, '') === p.expected.replace(/ /g, '');

describe('CJK conformance with peer tools', () => {
  it('has the 302 pairs, each with its source', () => {
    expect(pairs).toHaveLength(302);
    for (const p of pairs) expect(p.source, JSON.stringify(p.input)).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]+:|^[\w.-]+\/[\w.-]+/);
  });

  it('leaves every no_change pair byte-identical under each rule and both', () => {
    const broken: string[] = [];
    for (const p of pairs.filter((x) => x.tags.includes('no_change'))) {
      expect(p.input).toBe(p.expected);
      for (const [name, rules] of [['cjk-punctuation', [pu]], ['cjk-spacing', [sp]], ['both', [pu, sp]]] as const) {
        const out = run(p, [...rules]);
        if (out !== p.input) broken.push(`${name} ${p.source}: ${JSON.stringify(p.input)} -> ${JSON.stringify(out)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('agrees with the peers at least as often as before', () => {
    type Row = { total: number; agree: number; spacingTotal: number; spacingAgree: number; otherTotal: number; otherAgree: number; ncTotal: number; ncAgree: number };
    const rows = new Map<string, Row>();
    const misses: string[] = [];
    for (const p of pairs) {
      const row = rows.get(p.tool) ?? { total: 0, agree: 0, spacingTotal: 0, spacingAgree: 0, otherTotal: 0, otherAgree: 0, ncTotal: 0, ncAgree: 0 };
      rows.set(p.tool, row);
      const spacingRule = p.tool === 'autocorrect' ? spSpaced : sp;
      const noChange = p.input === p.expected;
      const kind = noChange ? 'nc' : spaceOnly(p) ? 'spacing' : 'other';
      const out = noChange ? run(p, [pu, sp]) : kind === 'spacing' ? run(p, [spacingRule]) : run(p, [pu, spacingRule]);
      const ok = out === p.expected;
      row.total++;
      row.agree += +ok;
      if (kind === 'nc') {
        row.ncTotal++;
        row.ncAgree += +ok;
      } else if (kind === 'spacing') {
        row.spacingTotal++;
        row.spacingAgree += +ok;
      } else {
        row.otherTotal++;
        row.otherAgree += +ok;
      }
      if (!ok) misses.push(`${p.tool} ${kind} ${JSON.stringify(p.input).slice(0, 70)} -> ${JSON.stringify(out).slice(0, 70)}`);
    }
    const pct = (a: number, b: number) => (b ? `${a}/${b} (${Math.round((100 * a) / b)}%)` : '-');
    const lines = ['tool         all              spacing pairs    punct/quote/file  no_change'];
    const sum: Row = { total: 0, agree: 0, spacingTotal: 0, spacingAgree: 0, otherTotal: 0, otherAgree: 0, ncTotal: 0, ncAgree: 0 };
    for (const [tool, r] of [...rows].sort((a, b) => b[1].total - a[1].total)) {
      lines.push(`${tool.padEnd(12)} ${pct(r.agree, r.total).padEnd(16)} ${pct(r.spacingAgree, r.spacingTotal).padEnd(16)} ${pct(r.otherAgree, r.otherTotal).padEnd(17)} ${pct(r.ncAgree, r.ncTotal)}`);
      for (const k of Object.keys(sum) as (keyof Row)[]) sum[k] += r[k];
    }
    lines.push(`${'total'.padEnd(12)} ${pct(sum.agree, sum.total).padEnd(16)} ${pct(sum.spacingAgree, sum.spacingTotal).padEnd(16)} ${pct(sum.otherAgree, sum.otherTotal).padEnd(17)} ${pct(sum.ncAgree, sum.ncTotal)}`);
    console.log(`CJK conformance (pairs agreeing / total)\n${lines.join('\n')}`);
    if (process.env.CJK_MISSES) console.log(misses.join('\n'));
    for (const [tool, floor] of Object.entries(FLOORS)) {
      const r = rows.get(tool)!;
      expect(r.agree, `${tool} agreement`).toBeGreaterThanOrEqual(floor.all);
      expect(r.spacingAgree, `${tool} spacing agreement`).toBeGreaterThanOrEqual(floor.spacing);
    }
    expect(sum.ncAgree).toBe(sum.ncTotal);
  });
});
