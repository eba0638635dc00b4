#!/usr/bin/env node
// The benchmark of issue 8: `npm run bench -- --files 20000` (the npm script builds first).
// Generates a corpus (bench/corpus.mjs) in a temporary folder and times, in one run, interleaved over
// repetitions (median reported): the floor (bench/floor.mjs), `newslint check` with one worker and with the
// default concurrency, a warm `--cache` run, `--fix` on a fresh copy, markdownlint-cli2 on the same files,
// and one post against `node -e ""`. Prints the tables and writes bench/RESULTS.md: every run's wall time,
// files/s, MB/s, peak RSS and CPU time, the ratios, the targets met or missed, the machine. Flags a build does
// not have yet (--concurrency, --cache…) make their rows "n/a", so it runs on every commit.
// Peak RSS and CPU time come from GNU time (/usr/bin/time), which counts worker threads (they share the process).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, writeCorpus } from './corpus.mjs';
import { formatRuleCosts, ruleCosts } from './rules.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const FLOOR = path.join(ROOT, 'bench/floor.mjs');
const MDL = path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const GNU_TIME = '/usr/bin/time';
// What --only accepts: a row's id, or a name for several rows
const GROUPS = {
  floor: ['floor'], check: ['one', 'default'], one: ['one'], default: ['default'], cache: ['cache', 'cache-content'],
  'cache-content': ['cache-content'], fix: ['fix'], mdl: ['mdl'], file: ['node', 'startup', 'file'], rules: ['rules'],
};
const DEFAULT_RESULTS = path.join(ROOT, 'bench/RESULTS.md');
const README_START = '<!-- bench:start: written by bench/run.mjs from bench/RESULTS.md -->';
const README_END = '<!-- bench:end -->';

const USAGE = `usage: npm run bench -- [--files 20000] [--repeat 3] [--only floor,check,…] [--seed ${DEFAULT_SEED}] [--rss-files 100000]
                      [--one-file-runs 5] [--rule-copies 40] [--rule-rounds 5] [--results bench/RESULTS.md] [--bin PATH] [--keep]
  --files        posts in the generated corpus
  --repeat       repetitions of every run (the median is reported)
  --only         run only these rows (comma-separated), the others show "not run":
                 ${Object.entries(GROUPS).map(([k, v]) => (v.length > 1 || v[0] !== k ? `${k} (${v.join(', ')})` : k)).join(', ')}
  --one-file-runs  one-post runs per repetition (each takes a fraction of a second)
  --rss-files    also check a corpus of this many posts once, for its peak RSS (0: skip)
  --rule-copies  copies of the 27 real posts for the in-process per-rule table (0: skip it)
  --rule-rounds  rounds of the per-rule table (the median is reported)
  --results      where to write the results; writing bench/RESULTS.md also quotes its targets in README.md
  --bin          the newslint CLI to time (default: this checkout's bin/newslint.js), e.g. another branch's build
  --keep         keep the temporary folder (corpus, reports) and print where it is`;

const { values: opt } = parseArgs({
  options: {
    files: { type: 'string', default: '20000' },
    repeat: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'rss-files': { type: 'string', default: '0' },
    'one-file-runs': { type: 'string', default: '5' },
    'rule-copies': { type: 'string', default: '40' },
    'rule-rounds': { type: 'string', default: '5' },
    only: { type: 'string' },
    results: { type: 'string', default: DEFAULT_RESULTS },
    bin: { type: 'string', default: path.join(ROOT, 'bin/newslint.js') },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = (name, min) => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`bench: --${name} expects a whole number ≥ ${min}, got "${opt[name]}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const FILES = count('files', 1);
const REPEAT = count('repeat', 1);
const SEED = count('seed', 0);
const RSS_FILES = count('rss-files', 0);
const ONE_FILE_RUNS = count('one-file-runs', 1);
const RULE_COPIES = count('rule-copies', 0);
const RULE_ROUNDS = count('rule-rounds', 1);
const BIN = path.resolve(opt.bin);
const only = opt.only === undefined ? null : opt.only.split(',').map((w) => w.trim()).filter(Boolean);
const unknown = only?.filter((w) => !(w in GROUPS)) ?? [];
if (only?.length === 0 || unknown.length) {
  console.error(`bench: --only expects rows among ${Object.keys(GROUPS).join(', ')}, got "${opt.only}"\n${USAGE}`);
  process.exit(2);
}
/** Whether --only (if given) selects the row. */
const selected = (id) => !only || only.some((w) => GROUPS[w].includes(id));
if (!existsSync(BIN)) {
  console.error(`bench: no newslint CLI at ${BIN}`);
  process.exit(2);
}

const log = (s) => process.stderr.write(`bench: ${s}\n`);
// the checkout the timed CLI comes from (another branch's build with --bin)
const BUILD = path.resolve(path.dirname(BIN), '..');
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: BUILD, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
const commit = git('rev-parse', '--short', 'HEAD');
const uncommitted = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md');
const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit: `${commit ? `${commit}${uncommitted ? ' (with uncommitted changes)' : ''} on ${git('rev-parse', '--abbrev-ref', 'HEAD')}` : 'unknown (not a git checkout)'}${BUILD === ROOT ? '' : ` (the CLI at ${BIN})`}`,
  node: process.version,
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown CPU',
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  loadBefore: os.loadavg()[0],
};
const shellQuote = (a) => (/^[\w./=:-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
const command = process.env.npm_lifecycle_event === 'bench'
  ? `npm run bench -- ${process.argv.slice(2).map(shellQuote).join(' ')}`.trim()
  : `node bench/run.mjs ${process.argv.slice(2).map(shellQuote).join(' ')}`.trim();

// What this build's CLI supports: the scale flags are built on other branches.
const help = spawnSync(process.execPath, [BIN, 'check', '--help'], { encoding: 'utf8' }).stdout ?? '';
const supports = (flag) => new RegExp(`(^|[\\s,])${flag}(?![\\w-])`, 'm').test(help);
const has = {
  concurrency: supports('--concurrency'),
  cache: supports('--cache') && supports('--cache-location'),
  cacheStrategy: supports('--cache-strategy'),
};
const timeTool = existsSync(GNU_TIME);

// ---- the corpus -------------------------------------------------------------------------------------------
const tmp = mkdtempSync(path.join(os.tmpdir(), 'newslint-bench-'));
const corpus = path.join(tmp, 'corpus');
const reports = path.join(tmp, 'reports');
mkdirSync(reports);
log(`generating ${FILES} posts (seed ${SEED}) in ${corpus}`);
const t0 = performance.now();
const made = writeCorpus(corpus, { files: FILES, seed: SEED });
const generateMs = performance.now() - t0;
const BYTES = made.bytes;
// the post for the one-file runs: the median-sized post of the biggest feed
const feedPosts = made.posts.filter((p) => p.path.split('/')[1] === made.feeds[0].feed).sort((a, b) => a.bytes - b.bytes || (a.path < b.path ? -1 : 1));
const ONE = feedPosts[Math.floor(feedPosts.length / 2)];

// ---- running one command ------------------------------------------------------------------------------------
const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;

/** Runs node with argv in cwd; stdout and stderr go to files. Wall time, peak RSS (bytes), CPU seconds. */
function measure(argv, cwd, tag) {
  const out = path.join(reports, `${tag}.stdout`);
  const err = path.join(reports, `${tag}.stderr`);
  const usage = path.join(reports, `${tag}.time`);
  const fds = [openSync(out, 'w'), openSync(err, 'w')];
  const [cmd, args] = timeTool ? [GNU_TIME, ['-f', '%M %U %S', '-o', usage, process.execPath, ...argv]] : [process.execPath, argv];
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', ...fds] });
  const ms = performance.now() - start;
  fds.forEach(closeSync);
  let rss = null;
  let cpu = null;
  if (timeTool) {
    // GNU time writes "Command exited with non-zero status N" first when the command fails
    const last = readFileSync(usage, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
    if (last.length === 3 && last.every(Number.isFinite)) [rss, cpu] = [last[0] * 1024, last[1] + last[2]];
  }
  return { ms, rss, cpu, status: r.status, signal: r.signal, out, err };
}

/**
 * bench/PROFILE.md, written by hand (what the profiles showed, what each change bought, the next step for each
 * missed target), goes into RESULTS.md under its own heading, one level down.
 */
function profileNotes() {
  const file = path.join(ROOT, 'bench', 'PROFILE.md');
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').replace(/^(#+) /gm, '#$1 ').replace('(RESULTS.md)', '(#benchmark-results)');
  return `${text.trim()}\n\n`;
}

const firstLines = (file) => readFileSync(file, 'utf8').split('\n').slice(0, 3).join(' | ').slice(0, 300);

/** Throws unless the run exited with one of the codes. */
function expectExit(run, codes) {
  if (!codes.includes(run.status)) throw new Error(`exit ${run.status ?? run.signal}: ${firstLines(run.err) || firstLines(run.out)}`);
}
/** Checks that a JSON report lists every file; returns it. */
function readReport(run) {
  const results = JSON.parse(readFileSync(run.out, 'utf8'));
  if (results.length !== FILES) throw new Error(`the report lists ${results.length} files, not ${FILES}`);
  return results;
}

// ---- the runs -----------------------------------------------------------------------------------------------
const cacheDir = path.join(tmp, 'cache');
mkdirSync(cacheDir);
const metadataCache = path.join(cacheDir, 'metadata');
const contentCache = path.join(cacheDir, 'content');
const fixDir = path.join(tmp, 'fix');
const check = (...flags) => [BIN, 'check', '--format', 'json', ...flags, '.'];

let oneWorker = [];
let oneWorkerNote = 'this build has no --concurrency: it runs in one thread, as `--concurrency off` would';
if (has.concurrency && selected('one')) {
  // "one worker" is --concurrency 1 where the pool takes a number, off where it does not
  const probe = measure([BIN, 'check', '--format', 'json', '--concurrency', '1', ONE.path], corpus, 'probe');
  oneWorker = probe.status === 2 ? ['--concurrency', 'off'] : ['--concurrency', '1'];
  oneWorkerNote = probe.status === 2 ? 'this build refuses `--concurrency 1`: measured with `--concurrency off`' : '';
}

// Each run: argv for node, the exit codes it may end with, and a check of its output (on its first run).
const bulk = [
  { id: 'floor', name: 'floor: read + gray-matter + parse5, one process', shown: 'node bench/floor.mjs .', argv: [FLOOR, '.'], exits: [0],
    verify: (run) => {
      const { files } = JSON.parse(readFileSync(run.out, 'utf8'));
      if (files !== FILES) throw new Error(`the floor read ${files} files, not ${FILES}`);
    } },
  { id: 'one', name: 'newslint check, one worker', shown: ['newslint check --format json', ...oneWorker, '.'].join(' '), argv: check(...oneWorker), note: oneWorkerNote },
  { id: 'default', name: 'newslint check, default concurrency', shown: 'newslint check --format json .', argv: check() },
  { id: 'cache', name: 'newslint check --cache, warm', shown: 'newslint check --format json --cache --cache-location <tmp> .',
    argv: check('--cache', '--cache-location', metadataCache), na: !has.cache && 'not supported by this build', warm: metadataCache },
  { id: 'cache-content', name: 'newslint check --cache --cache-strategy content, warm', shown: 'newslint check --format json --cache --cache-strategy content --cache-location <tmp> .',
    argv: check('--cache', '--cache-strategy', 'content', '--cache-location', contentCache), na: !(has.cache && has.cacheStrategy) && 'not supported by this build', warm: contentCache },
  { id: 'fix', name: 'newslint check --fix, fresh copy', shown: 'newslint check --fix --format json .', argv: check('--fix'), cwd: fixDir,
    before: () => cpSync(corpus, fixDir, { recursive: true }), after: () => rmSync(fixDir, { recursive: true, force: true }) },
  { id: 'mdl', name: 'markdownlint-cli2, default config', shown: 'markdownlint-cli2 "**/*.md"', argv: [MDL, '**/*.md'],
    verify: (run) => {
      const linted = /Linting: (\d+) file/.exec(readFileSync(run.out, 'utf8'))?.[1];
      if (Number(linted) !== FILES) throw new Error(`markdownlint-cli2 linted ${linted} files, not ${FILES}`);
    } },
];
const single = [
  { id: 'node', name: 'node -e ""', shown: 'node -e ""', argv: ['-e', ''], exits: [0] },
  { id: 'startup', name: 'newslint --version (start-up only)', shown: 'newslint --version', argv: [BIN, '--version'], exits: [0] },
  { id: 'file', name: 'newslint check, one post', shown: `newslint check ${shellQuote(ONE.path)}`, argv: [BIN, 'check', ONE.path] },
];
// newslint exits 1 when it finds problems (it will); a report must list every file
for (const row of [...bulk, ...single]) row.exits ??= [0, 1];
for (const row of bulk) if (row.argv[0] === BIN) row.verify ??= readReport;
for (const row of [...bulk, ...single]) Object.assign(row, { runs: [], failed: null, skipped: !selected(row.id) });

function runRow(row, rep, i = 0) {
  if (row.na || row.failed || row.skipped) return;
  row.before?.();
  try {
    const run = measure(row.argv, row.cwd ?? corpus, `${row.id}-${rep}-${i}`);
    expectExit(run, row.exits);
    if (!row.runs.length) {
      const output = row.verify?.(run);
      if (row.id === 'default') row.output = output; // what newslint finds in the corpus, for the corpus section
    }
    if (!opt.keep) rmSync(run.out); // a report of 20,000 posts is ~100 MB
    row.runs.push(run);
  } catch (err) {
    row.failed = err.message;
    log(`${row.id} FAILED: ${err.message}`);
  } finally {
    row.after?.();
  }
}

for (const row of bulk.filter((r) => r.warm && !r.na && !r.skipped)) {
  log(`${row.id}: filling the cache`);
  const fill = measure(row.argv, corpus, `${row.id}-fill`);
  try {
    expectExit(fill, row.exits);
    row.verify(fill);
    // a warm run without a cache would be timed as one that has it
    if (!existsSync(row.warm)) throw new Error(`it wrote no cache at ${row.warm}`);
    row.fill = fill;
    if (!opt.keep) rmSync(fill.out);
  } catch (err) {
    row.failed = `filling the cache: ${err.message}`;
    log(`${row.id} FAILED: ${row.failed}`);
  }
}
for (let rep = 0; rep < REPEAT; rep++) {
  // interleaved, each repetition starting one row further, so that noise and caches hit every run alike
  const order = bulk.map((_, i) => bulk[(i + rep) % bulk.length]);
  for (const row of order) {
    if (row.skipped) continue;
    log(`repetition ${rep + 1}/${REPEAT}: ${row.id}${row.na ? ' (n/a)' : ''}`);
    runRow(row, rep);
  }
  if (single.some((r) => !r.skipped)) log(`repetition ${rep + 1}/${REPEAT}: one post`);
  for (let i = 0; i < ONE_FILE_RUNS; i++) for (const row of single) runRow(row, rep, i);
}

let rssRun = null;
if (RSS_FILES) {
  log(`peak RSS: ${RSS_FILES} posts`);
  const extra = RSS_FILES > FILES ? writeCorpus(corpus, { files: RSS_FILES, seed: SEED, from: FILES }) : null;
  const bytes = RSS_FILES > FILES ? BYTES + extra.bytes : BYTES;
  const files = Math.max(RSS_FILES, FILES);
  rssRun = { files, bytes, failed: null };
  try {
    const run = measure(check(), corpus, 'rss');
    expectExit(run, [0, 1]);
    rmSync(run.out); // a big report: not kept
    rssRun.run = run;
  } catch (err) {
    rssRun.failed = err.message;
  }
}

let rules = null;
if (RULE_COPIES && selected('rules')) {
  log('per-rule costs, in process');
  rules = await ruleCosts({ copies: RULE_COPIES, rounds: RULE_ROUNDS });
}
machine.loadAfter = os.loadavg()[0];

// ---- results ------------------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const row of [...bulk, ...single]) {
  if (!row.runs.length) continue;
  const ms = row.runs.map((r) => r.ms);
  row.ms = median(ms);
  row.min = Math.min(...ms);
  row.max = Math.max(...ms);
  row.rss = timeTool ? Math.max(...row.runs.map((r) => r.rss ?? 0)) : null;
  row.cpu = timeTool ? median(row.runs.map((r) => r.cpu ?? 0)) : null;
}
const byId = Object.fromEntries([...bulk, ...single].map((r) => [r.id, r]));
const ratio = (a, b) => (byId[a]?.ms && byId[b]?.ms ? byId[a].ms / byId[b].ms : null);

const s = (ms) => (ms / 1000).toFixed(2);
const mb = (bytes) => (bytes / 1e6).toFixed(bytes < 1e6 ? 2 : bytes < 1e8 ? 1 : 0);
const x = (v) => (v === null ? '—' : `${v.toFixed(v < 10 ? 2 : 1)}×`);
const unavailable = (row) => (row.skipped ? 'not run (--only)' : row.na ? `n/a (${row.na})` : `failed: ${row.failed}`);

const bulkTable = [
  ['run', 'median s', 'range s', 'files/s', 'MB/s', 'peak RSS MB', 'CPU s', '× floor', 'markdownlint-cli2 ÷ run'],
  ...bulk.map((r) => r.ms === undefined
    ? [r.name, unavailable(r), '', '', '', '', '', '', '']
    : [r.name, s(r.ms), `${s(r.min)}–${s(r.max)}`, (FILES / (r.ms / 1000)).toFixed(0), (BYTES / 1e6 / (r.ms / 1000)).toFixed(1),
      r.rss === null ? 'n/a' : mb(r.rss), r.cpu === null ? 'n/a' : r.cpu.toFixed(2), x(ratio(r.id, 'floor')), x(ratio('mdl', r.id))]),
];
for (const r of bulk.filter((r) => r.fill)) {
  bulkTable.push([`(${r.name.replace(', warm', '')}: the run that filled the cache, once)`, s(r.fill.ms), '', (FILES / (r.fill.ms / 1000)).toFixed(0),
    (BYTES / 1e6 / (r.fill.ms / 1000)).toFixed(1), r.fill.rss === null ? 'n/a' : mb(r.fill.rss), r.fill.cpu?.toFixed(2) ?? 'n/a', x(byId.floor.ms ? r.fill.ms / byId.floor.ms : null), '']);
}
const singleTable = [
  ['run', 'median ms', 'range ms', 'peak RSS MB', 'CPU ms', '× node -e ""'],
  ...single.map((r) => r.ms === undefined
    ? [r.name, unavailable(r), '', '', '', '']
    : [r.name, r.ms.toFixed(0), `${r.min.toFixed(0)}–${r.max.toFixed(0)}`, r.rss === null ? 'n/a' : mb(r.rss), r.cpu === null ? 'n/a' : (r.cpu * 1000).toFixed(0), x(ratio(r.id, 'node'))]),
];

// where the time goes, in numbers this run measured
const perPost = (id, startup) => (byId[id]?.ms && byId[startup]?.ms ? (byId[id].ms - byId[startup].ms) / FILES : null);
const inProcess = rules && Object.fromEntries(rules.rows.map((r) => [r.name, r.ms]));
const cores = (id) => (byId[id]?.cpu && byId[id].ms ? byId[id].cpu / (byId[id].ms / 1000) : null);
const pool = has.concurrency ? '' : 'This build has no worker pool: one thread on one of the ' + machine.cores + ' cores. ';
const busy = (id) => (cores(id) === null ? '' : `CPU ${byId[id].cpu.toFixed(1)} s in ${s(byId[id].ms)} s (${cores(id).toFixed(2)} cores' worth). `);
const lintVsFloor = inProcess ? `In process, on the real posts: newslint's parse is ${(inProcess.parse / inProcess.floor).toFixed(1)}× the floor's work, lint ${(inProcess.lint / inProcess.floor).toFixed(1)}×, fix ${(inProcess.fix / inProcess.floor).toFixed(1)}× (per-rule table). ` : '';
const postCost = perPost('default', 'startup') !== null && perPost('floor', 'node') !== null
  ? `Per post after start-up: ${perPost('default', 'startup').toFixed(2)} ms against the floor's ${perPost('floor', 'node').toFixed(2)} ms. ` : '';

const TARGETS = [
  { what: 'default concurrency ≤ 1.2× the floor', value: ratio('default', 'floor'), limit: 1.2, rows: ['default', 'floor'], why: () => pool + busy('default') + postCost + lintVsFloor },
  { what: 'one worker ≤ 2.5× the floor', value: ratio('one', 'floor'), limit: 2.5, rows: ['one', 'floor'], why: () => busy('one') + lintVsFloor },
  { what: '≥ 10× faster than markdownlint-cli2', value: ratio('mdl', 'default'), limit: 10, atLeast: true, rows: ['mdl', 'default'],
    why: () => `markdownlint-cli2 ${s(byId.mdl.ms)} s, newslint ${s(byId.default.ms)} s: newslint parses front matter, Markdown and HTML with locations and runs ${rules?.rules ?? 'its'} rules; markdownlint-cli2 tokenizes Markdown only. ${pool}` },
  { what: '`--fix` on a fresh copy ≤ 2× `check`', value: ratio('fix', 'default'), limit: 2, rows: ['fix', 'default'],
    why: () => `${inProcess ? `In process, fix is ${(inProcess.fix / inProcess.lint).toFixed(2)}× lint (it lints, applies the fixes and lints again until stable). ` : ''}CPU ${byId.fix.cpu?.toFixed(1)} s against check's ${byId.default.cpu?.toFixed(1)} s.` },
  { what: 'warm `--cache` run ≤ 0.3× the floor', value: ratio('cache', 'floor'), limit: 0.3, rows: ['cache', 'floor'], why: () => busy('cache') },
  { what: 'one file ≤ 2× `node -e ""`', value: ratio('file', 'node'), limit: 2, rows: ['file', 'node'],
    why: () => `start-up alone (\`newslint --version\`: loading the modules) takes ${byId.startup?.ms?.toFixed(0)} ms of the ${byId.file.ms.toFixed(0)} ms; node alone ${byId.node.ms.toFixed(0)} ms.` },
];
const rssTarget = { what: 'peak RSS on 100,000 posts < 500 MB', limit: 500e6, rows: [] };
if (rssRun?.run?.rss && rssRun.files >= 100_000) rssTarget.value = rssRun.run.rss;

function targetRow(t) {
  if (t === rssTarget) {
    if (!rssRun || rssRun.files < 100_000) return [t.what, 'not measured', 'not run', `pass \`--rss-files 100000\`; at ${FILES} posts the default run's peak was ${byId.default.rss ? mb(byId.default.rss) + ' MB' : 'n/a'}`];
    if (rssRun.failed || !t.value) return [t.what, 'not measured', rssRun.failed ? `failed: ${rssRun.failed}` : 'n/a (no GNU time)', ''];
    const met = t.value < t.limit;
    return [t.what, `${mb(t.value)} MB`, met ? 'met' : `missed by ${(t.value / t.limit).toFixed(2)}×`, met ? '' : 'the report streams; see what is kept per file'];
  }
  const missing = t.rows.map((id) => byId[id]).find((r) => r.ms === undefined);
  if (missing?.skipped) return [t.what, 'not measured', 'not run', `\`--only\` left out ${missing.name}`];
  if (missing) return [t.what, 'not measured', unavailable(missing), ''];
  const met = t.atLeast ? t.value >= t.limit : t.value <= t.limit;
  const by = t.atLeast ? t.limit / t.value : t.value / t.limit;
  const shownValue = t.atLeast ? `${x(t.value)} faster` : x(t.value);
  return [t.what, shownValue, met ? 'met' : `missed by ${by.toFixed(1)}×`, met ? '' : t.why().trim()];
}
const targetTable = [['target (20,000 posts, 2 cores)', 'measured', 'status', 'why, from this run'], ...[...TARGETS, rssTarget].map(targetRow)];

// the corpus: feeds, sizes, names, and what newslint finds in it
const sizes = made.posts.map((p) => p.bytes).sort((a, b) => a - b);
const q = (f) => sizes[Math.min(sizes.length - 1, Math.floor(f * sizes.length))];
const feedTable = [['feed', 'posts', 'share', 'MB'], ...made.feeds.map((f) => [f.feed, String(f.posts), `${((100 * f.posts) / FILES).toFixed(1)} %`, mb(f.bytes)])];
const nameMarks = { '( )': /[()]/, '[ ]': /[[\]]/, '!': /!/, '+': /\+/, '%': /%/, '&': /&/, '"': /"/, "'": /'/, 'double space': / {2}/, CJK: /[\u3400-\u9fff]/ };
const names = made.posts.map((p) => p.path.split('/').pop());
const nameLine = Object.entries(nameMarks).map(([k, re]) => `${k} ${names.filter((n) => re.test(n)).length}`).join(', ');
let problemTable = null;
if (byId.default.output) {
  const perRule = new Map();
  for (const result of byId.default.output) {
    const seen = new Set();
    for (const m of result.messages) {
      const id = m.ruleId ?? (m.fatal ? '(fatal: cannot be read)' : '(file)');
      const e = perRule.get(id) ?? { posts: 0, problems: 0 };
      e.problems++;
      if (!seen.has(id)) e.posts++;
      seen.add(id);
      perRule.set(id, e);
    }
  }
  problemTable = [['rule', 'posts with a problem', 'share', 'problems'],
    ...[...perRule].sort((a, b) => b[1].posts - a[1].posts).map(([id, e]) => [id, String(e.posts), `${((100 * e.posts) / FILES).toFixed(1)} %`, String(e.problems)])];
  const clean = byId.default.output.filter((r) => !r.messages.length).length;
  problemTable.push(['(no problem at all)', String(clean), `${((100 * clean) / FILES).toFixed(1)} %`, '']);
}

/** A markdown table, its columns aligned as a terminal shows them (CJK characters take two columns). */
function table(rows) {
  const width = (v) => String(v).length + (String(v).match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g)?.length ?? 0);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  const line = (r) => `| ${r.map((v, c) => String(v) + ' '.repeat(widths[c] - width(v))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

// a one-thread run that got much less CPU than wall time was waiting for a core: other work on the machine
const floorShare = cores('floor');
const contention = floorShare !== null && floorShare < 0.8
  ? `\n**Busy machine:** the floor (one thread) was on a CPU ${Math.round(floorShare * 100)} % of its wall time; the rest it waited for a core.`
  : '';
const notes = [...bulk, ...single].filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}.`);
const failed = [...bulk, ...single].filter((r) => r.failed).concat(rssRun?.failed ? [{ name: 'RSS run', failed: rssRun.failed }] : []);
const md = `# Benchmark results

Written by \`${command}\` (bench/run.mjs) on ${machine.date}.
Machine: ${machine.cores} cores (os.availableParallelism), ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node};
newslint ${machine.commit}. Load average ${machine.loadBefore.toFixed(2)} at the start, ${machine.loadAfter.toFixed(2)} at the end:
the machine is shared, so compare the ratios (measured side by side, interleaved) rather than the seconds.${contention}

Corpus: ${FILES} posts, ${mb(BYTES)} MB, generated by bench/corpus.mjs (seed ${SEED}, ${s(generateMs)} s) from
fixtures/real/_posts and fixtures/rules; every post distinct. Each timing is the median of ${REPEAT} repetition${REPEAT > 1 ? 's' : ''}
(one-post runs: ${REPEAT * ONE_FILE_RUNS}); the runs of a repetition are interleaved. Peak RSS and CPU time (user + system) from GNU time${timeTool ? '' : ' (not installed here: n/a)'},
which counts worker threads; MB = 10⁶ bytes.

## Targets (issue 8)

${table(targetTable)}

## Every run, ${FILES} posts

${table(bulkTable)}

${bulk.map((r) => `- ${r.name}: \`${r.shown}\``).join('\n')}
${notes.join('\n')}

## One post

${table(singleTable)}

The post: \`${ONE.path}\` (${ONE.bytes} bytes, the median size of the biggest feed's posts).
${rssRun ? `
## Peak RSS at ${rssRun.files} posts

${rssRun.failed ? `failed: ${rssRun.failed}` : `\`newslint check --format json .\`, default concurrency, ${mb(rssRun.bytes)} MB of posts: ${s(rssRun.run.ms)} s (${(rssRun.files / (rssRun.run.ms / 1000)).toFixed(0)} files/s), peak RSS ${rssRun.run.rss ? mb(rssRun.run.rss) + ' MB' : 'n/a'}.`}
` : ''}
## The corpus

Modelled on the blog the real posts come from: each feed's share of its posts, folders
\`<category>/<feed>/<sub-feed>/<title>.md\`, front matter, sizes and defects. Post sizes: 10 % under ${q(0.1)} bytes,
median ${q(0.5)}, 90 % under ${q(0.9)}, largest ${sizes[sizes.length - 1]}.
File names with ${nameLine}.

${table(feedTable)}
${problemTable ? `
What newslint (default config) reports in it:

${table(problemTable)}
` : ''}${rules ? `
## Per-rule cost, in process

\`node bench/rules.mjs ${RULE_COPIES} ${RULE_ROUNDS}\`: the 27 real posts × ${RULE_COPIES}, linted in this process by each rule alone;
"x parse" is the time relative to parsing them (newslint's Article), \`floor\` is the floor's work on the same posts${BUILD === ROOT ? '' : " (this checkout's dist/, not --bin's)"}.

\`\`\`
${formatRuleCosts(rules)}
\`\`\`
` : ''}${failed.length ? `
## Failed

${failed.map((r) => `- ${r.name}: ${r.failed}`).join('\n')}
` : ''}
${profileNotes()}Rerun: \`npm ci && npm run bench -- --files 20000\` (add \`--rss-files 100000\` for the RSS target; \`--help\` for the rest).
`;

console.log(md);
writeFileSync(path.resolve(opt.results), md);
log(`wrote ${path.relative(process.cwd(), path.resolve(opt.results)) || opt.results}`);
if (path.resolve(opt.results) === DEFAULT_RESULTS) quoteInReadme();

/** The README quotes the targets of the last bench/RESULTS.md, between its bench markers. */
function quoteInReadme() {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start === -1 || end < start) return log('README.md has no bench markers: not quoted');
  const quote = `${README_START}\nFrom [bench/RESULTS.md](bench/RESULTS.md) (\`${command}\`, ${machine.date.slice(0, 10)}, ${machine.cores} cores, newslint ${commit ?? 'unknown'}):\n\n${table(targetTable.map((r) => r.slice(0, 3)))}\n`;
  writeFileSync(readme, text.slice(0, start) + quote + text.slice(end));
  log('quoted the targets in README.md');
}
if (opt.keep) log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
process.exitCode = failed.length ? 1 : 0;
