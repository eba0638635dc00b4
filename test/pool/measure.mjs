#!/usr/bin/env node
// Measures `newslint check --format json` on generated posts with each --concurrency, side by side: the runs
// are interleaved round by round so that machine noise hits every variant alike, and each is quoted as a
// ratio to the floor (one process reading each file, splitting its front matter with gray-matter and parsing
// the body with parse5 with locations, as the issue defines it). Not a test: run it by hand after a build.
//   node test/pool/measure.mjs [--files 4000] [--rounds 3] [--variants off,1,2,auto] [--fix]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
    variants: { type: 'string', default: 'off,1,2,auto' },
    fix: { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/newslint.js');
const REAL = path.join(ROOT, 'fixtures/real/_posts');
const count = Number(args.files);

/** `count` posts: the real posts over and over, each copy under its own name, 100 to a folder. */
function generate(dir) {
  const posts = readdirSync(REAL, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  const texts = posts.map((f) => readFileSync(path.join(REAL, f)));
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `feed-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${i} ${path.basename(posts[i % posts.length])}`), texts[i % texts.length]);
  }
}

const FLOOR = `
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parseFragment } from 'parse5';
const dir = process.argv[1];
for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
  if (!f.endsWith('.md')) continue;
  const { content } = matter(readFileSync(path.join(dir, f), 'utf8'), { cache: false });
  parseFragment(content, { sourceCodeLocationInfo: true });
}`;

function timed(argv, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { ms, out: r.stdout };
}

const base = args.keep ?? mkdtempSync(path.join(os.tmpdir(), 'newslint-measure-'));
const original = path.join(base, 'posts');
generate(original);
const variants = args.variants.split(',');
const times = Object.fromEntries(['floor', ...variants].map((v) => [v, []]));
let reference;
for (let round = 0; round < Number(args.rounds); round++) {
  times.floor.push(timed(['--input-type=module', '-e', FLOOR, original], ROOT).ms);
  for (const v of variants) {
    let cwd = original;
    if (args.fix) {
      cwd = path.join(base, `fix-${v}`);
      rmSync(cwd, { recursive: true, force: true });
      cpSync(original, cwd, { recursive: true });
    }
    const { ms, out } = timed([BIN, 'check', '--format', 'json', '--concurrency', v, ...(args.fix ? ['--fix'] : []), '.'], cwd);
    times[v].push(ms);
    const report = out.replaceAll(JSON.stringify(cwd).slice(1, -1), '<dir>');
    reference ??= report;
    if (report !== reference) throw new Error(`--concurrency ${v}: the report differs from the first variant's`);
  }
}
if (!args.keep) rmSync(base, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = median(times.floor);
console.log(`${count} posts, ${args.rounds} rounds, ${os.availableParallelism()} cores${args.fix ? ', --fix on fresh copies' : ''}`);
console.log('variant'.padEnd(12), 'median ms'.padStart(10), 'x floor'.padStart(8), '  all (ms)');
for (const [v, xs] of Object.entries(times)) {
  console.log(v.padEnd(12), median(xs).toFixed(0).padStart(10), (median(xs) / floor).toFixed(2).padStart(8), '  ' + xs.map((x) => x.toFixed(0)).join(' '));
}
