#!/usr/bin/env node
// The per-rule cost table: parsing, linting and fixing the real posts in this process, and each rule alone,
// side by side in one run, repeated and interleaved so that machine noise hits every variant alike. Figures
// are quoted as ratios to parsing (Article: front matter as the generator reads it, Markdown, HTML); `floor`
// is the benchmark's floor (gray-matter and parse5 only, see bench/floor.mjs) on the same posts.
// Usage: npm run build && node bench/rules.mjs [copies=40] [rounds=5]   (bench/run.mjs runs it too)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import matter from 'gray-matter';
import { parseFragment } from 'parse5';
import { Article } from '../dist/src/parse/article.js';
import { lintText, fixText } from '../dist/src/engine/linter.js';
import { resolveRules } from '../dist/src/config.js';
import { loadBuiltinRules } from '../dist/src/rules.js';

export async function ruleCosts({ copies = 40, rounds = 5 } = {}) {
  const dir = path.resolve(import.meta.dirname, '../fixtures/real');
  const posts = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const corpus = Array.from({ length: copies }, () => posts).flat();
  const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const { enabled } = await resolveRules({ config: { filePath: null, data: {} }, rules: await loadBuiltinRules() });

  const variants = {
    floor: () => {
      for (const t of corpus) parseFragment(matter(t.replace(/^\s*\n/, ''), { excerpt: false }).content, { sourceCodeLocationInfo: true });
    },
    parse: () => { for (const t of corpus) new Article(t); },
    lint: () => { for (const t of corpus) lintText(t, { rules: enabled }); },
    fix: () => { for (const t of corpus) fixText(t, { rules: enabled }); },
  };
  for (const { rule } of enabled) {
    const one = enabled.filter((c) => c.rule === rule);
    variants[`rule:${rule.meta.id}`] = () => { for (const t of corpus) lintText(t, { rules: one }); };
  }

  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  variants.lint(); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(variants)) {
      const t0 = performance.now();
      run();
      times[name].push(performance.now() - t0);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(times.parse);
  const rows = Object.entries(times).map(([name, xs]) => {
    const ms = median(xs);
    return { name, ms, postsPerSec: (corpus.length / ms) * 1000, xParse: ms / base };
  });
  return { posts: corpus.length, bytes, rounds, rules: enabled.length, rows };
}

export function formatRuleCosts({ posts, bytes, rounds, rules, rows }) {
  const lines = [`${posts} posts, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds, ${rules} rules enabled`];
  lines.push(`${'variant'.padEnd(32)} ${'median ms'.padStart(10)} ${'posts/s'.padStart(9)} ${'x parse'.padStart(8)}`);
  for (const r of rows) {
    lines.push(`${r.name.padEnd(32)} ${r.ms.toFixed(0).padStart(10)} ${r.postsPerSec.toFixed(0).padStart(9)} ${r.xParse.toFixed(2).padStart(8)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const costs = await ruleCosts({ copies: Number(process.argv[2] ?? 40), rounds: Number(process.argv[3] ?? 5) });
  console.log(formatRuleCosts(costs));
}
