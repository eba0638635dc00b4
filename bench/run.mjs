#!/usr/bin/env node
// Benchmark: parsing, linting and fixing the real posts, side by side in one run, repeated and interleaved so
// that machine noise hits every variant alike. Figures are quoted as ratios to the parse-only baseline.
// Usage: npm run build && node bench/run.mjs [copies=40] [rounds=5]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Article } from '../dist/src/parse/article.js';
import { lintText, fixText } from '../dist/src/engine/linter.js';
import { resolveRules } from '../dist/src/config.js';
import { loadBuiltinRules } from '../dist/src/rules.js';

const copies = Number(process.argv[2] ?? 40);
const rounds = Number(process.argv[3] ?? 5);
const dir = path.resolve(import.meta.dirname, '../fixtures/real');
const posts = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const corpus = Array.from({ length: copies }, () => posts).flat();
const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);
const { enabled } = await resolveRules({ config: { filePath: null, data: {} }, rules: await loadBuiltinRules() });

const variants = {
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
console.log(`${corpus.length} posts, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds, ${enabled.length} rules enabled`);
console.log('variant'.padEnd(32), 'median ms'.padStart(10), 'posts/s'.padStart(9), 'x parse'.padStart(8));
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(name.padEnd(32), m.toFixed(0).padStart(10), ((corpus.length / m) * 1000).toFixed(0).padStart(9), (m / base).toFixed(2).padStart(8));
}
