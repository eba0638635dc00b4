// In-process access to the bundled rules under the default (recommended) config, and an instrumented fix
// loop that checks every pass: each applied fix stays within the lines of the problem it fixes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { resolveRules } from '../../src/config.js';
import { loadBuiltinRules } from '../../src/rules.js';
import { applyFixes } from '../../src/engine/source-fixer.js';
import { lintText, type ConfiguredRule } from '../../src/engine/linter.js';
import { LineIndex } from '../../src/parse/lines.js';
import type { LintMessage } from '../../src/types.js';

export async function recommendedRules(): Promise<ConfiguredRule[]> {
  const { enabled } = await resolveRules({ config: { filePath: null, data: {} }, rules: await loadBuiltinRules() });
  return enabled;
}

/** Fixes like fixText, asserting after every pass that each fix edits only the lines its problem spans. */
export function checkedFix(text: string, rules: ConfiguredRule[], filePath?: string): { output: string; first: LintMessage[]; last: LintMessage[] } {
  let current = text;
  const first = lintText(current, { rules, filePath });
  let messages = first;
  for (let pass = 0; pass < 10; pass++) {
    if (messages.some((m) => m.fatal)) break;
    const lines = new LineIndex(current);
    for (const m of messages) {
      if (!m.fix) continue;
      const from = lines.lineStart(m.line);
      const to = m.endLine! < lines.lineCount ? lines.lineStart(m.endLine! + 1) : current.length;
      if (m.fix.range[0] < from || m.fix.range[1] > to) {
        throw new Error(`fix of ${m.ruleId} at ${m.line}:${m.column} edits [${m.fix.range}] outside its lines [${from}, ${to}): ${JSON.stringify(current.slice(m.fix.range[0], m.fix.range[1]).slice(0, 200))}`);
      }
    }
    const { output, applied } = applyFixes(current, messages);
    if (!applied.length) break;
    const next = lintText(output, { rules, filePath });
    if (next.some((m) => m.fatal)) break;
    current = output;
    messages = next;
  }
  return { output: current, first, last: messages };
}

type Node = DefaultTreeAdapterMap['node'];

/** The text a reader sees: text nodes outside script/style/template, whitespace removed. */
export function visibleText(html: string): string {
  const out: string[] = [];
  const stack: Node[] = [parseFragment(html) as Node];
  while (stack.length) {
    const n = stack.pop()! as any;
    if (n.nodeName === '#text') out.push(n.value);
    if (['script', 'style', 'template', 'noscript'].includes(n.nodeName)) continue;
    const kids = n.childNodes ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out.join('').replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** Problems per real post (fixtures/real/_posts, relative names), leaving out posts with none. */
export function problemCountsPerRealPost(rules: ConfiguredRule[]): Record<string, number> {
  const dir = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const counts: Record<string, number> = {};
  for (const f of (readdirSync(dir, { recursive: true, encoding: 'utf8' })).filter((n) => n.endsWith('.md')).sort()) {
    const n = lintText(readFileSync(path.join(dir, f), 'utf8'), { filePath: f, rules }).length;
    if (n) counts[f] = n;
  }
  return counts;
}
