// The command line: parses arguments, runs NewsLint, prints a report, returns the exit code
// (0 clean, 1 problems at error level or too many warnings, 2 usage, config or internal errors).

import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { NewsLint, ConfigError, SuppressionsError, UsageError, renameTargets, type FileResult, type Rule, type SuppressionsOutcome } from './api.js';
import { formatters, rulesMetaOf } from './formatters/index.js';
import { escapeControl, escapeMultiline } from './formatters/escape.js';
import { plural, shown } from './formatters/words.js';
import { DEFAULT_EXTENSIONS } from './files/walk.js';
import { parseShard, type Shard } from './run/shard.js';
import { mergeReports } from './reports/merge.js';
import { ReportError } from './reports/read.js';
import { ReportOutputs, parseFormatOption, planOutputs, type OutputTarget } from './reports/outputs.js';
import { loadBuiltinRules } from './rules.js';
import { noProgress, progressBar, progressWanted } from './progress.js';
import { CACHE_STRATEGIES, DEFAULT_CACHE_LOCATION, type CacheStrategy } from './cache/cache.js';
import { parseConcurrency, type Concurrency } from './pool/concurrency.js';
import type { RuleSetting } from './config.js';
import type { UnusedSetting } from './engine/directives.js';
import { VERSION } from './version.js';
import { DEFAULT_SUPPRESSIONS_LOCATION } from './suppressions/file.js';
import { baselineReport } from './suppressions/report.js';
import { FileError } from './files/errors.js';
import { readStream } from './files/read.js';
import { effectiveConfig } from './config/print.js';
import { initConfig } from './config/init.js';

interface Io {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string | Uint8Array) => void;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** stderr, when it is a terminal (a progress bar may be drawn on it). */
  stderrTTY: NodeJS.WriteStream | null;
  cwd: string;
  /** Whether the reader of the output went away (`newslint check … | head`): nothing more can be shown. */
  closed?: () => boolean;
  /** All of standard input, as bytes (--stdin). */
  stdin?: () => Promise<Buffer>;
}

function defaultIo(): Io {
  // A closed pipe (EPIPE) is the reader saying it has read enough, not an error: stop writing, as grep does.
  let closed = false;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
  return {
    stdout: (s) => closed || process.stdout.write(s),
    stderr: (s) => closed || process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    stderrTTY: process.stderr.isTTY ? process.stderr : null,
    cwd: process.cwd(),
    closed: () => closed,
    stdin: () => readStream(process.stdin),
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseRuleOption(value: string, previous: Record<string, RuleSetting> = {}): Record<string, RuleSetting> {
  const m = /^([^:\s]+):(off|warn|error|0|1|2)$/.exec(value.trim());
  if (!m) throw new UsageError(`--rule expects id:severity (severity off, warn or error), got "${value}"`);
  const sev = /^\d$/.test(m[2]) ? (Number(m[2]) as 0 | 1 | 2) : (m[2] as RuleSetting);
  return { ...previous, [m[1]]: sev };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number, got "${value}"`);
  return Number(value);
}

const UNUSED_SEVERITIES = new Map<string, UnusedSetting>([['off', 'off'], ['warn', 'warn'], ['error', 'error'], ['0', 'off'], ['1', 'warn'], ['2', 'error']]);

function parseUnusedSeverity(value: string): UnusedSetting {
  const severity = UNUSED_SEVERITIES.get(value.trim());
  if (!severity) throw new UsageError(`--report-unused-disable-directives-severity expects off, warn or error, got "${value}"`);
  return severity;
}

const EXAMPLES = `
Examples:
  $ newslint check                            in a Hexo, Jekyll or Hugo site: check the site's content folder
  $ newslint check source/_posts              report problems in every post under a folder
  $ newslint check --fix source/_posts        fix what can be fixed, in place (atomic writes)
  $ newslint check --fix-dry-run post.md      show the diff --fix would write, write nothing
  $ newslint check --format json . > out.json machine-readable report (ESLint's JSON shape)
  $ newslint check -f sarif -o newslint.sarif .
                                              SARIF for GitHub code scanning; a one-line summary on the terminal
  $ newslint check -f stylish -f junit:newslint-junit.xml -f sarif:newslint.sarif .
                                              several reports in one run: text on the terminal, files for CI
  $ newslint check -f github .                annotations on a GitHub Actions run (errors first)
  $ newslint check -f html:report.html .      one self-contained page: charts, filters, source excerpts
  $ newslint check --suppress-all .           accept today's problems (newslint-suppressions.json); later
                                              runs fail only on new ones
  $ newslint check --stdin --stdin-filename source/_posts/a.md --fix < a.md > fixed.md
                                              lint standard input as that file; --fix prints the fixed text
  $ newslint check --print-config source/_posts/a.md
                                              the rules, generator and settings in force for one file
  $ newslint init                             write a starter newslint.config.json (with $schema)
  $ newslint check --rule date-format:off .   turn a rule off for this run
  $ newslint rules                            list rules, whether they fix, what they check
  $ newslint check --shard 2/4 --format json > shard-2.json
                                              in CI job 2 of 4: check a quarter of the files
  $ newslint merge-reports shard-*.json       one report and exit code from the shards' reports

Rules can be turned off in a post with <!-- newslint-disable[-line|-next-line] [ids] -- reason -->.
Posts are read as their site generator reads them (found from _config.yml, Gemfile, hugo.toml upward;
"generator" in newslint.config.json says it outright). Generated output and themes are never walked
unless named.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 usage, config or
internal error. Paths that exist are read literally, whatever characters they contain.`;

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('newslint')
    .description('Lint and safely fix scraped articles: Markdown posts with YAML front matter and HTML bodies.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .addHelpText('after', EXAMPLES);

  program
    .command('check')
    .description('check articles and report problems; with --fix, repair them in place')
    .argument('[paths...]', 'files, folders (searched recursively) or glob patterns; default: the site\'s content folder, or .')
    .option('--fix', 'apply fixes and write the fixed files')
    .option('--fix-dry-run', 'print a unified diff of what --fix would write; write nothing')
    .option(...formatOption())
    .option(...outputFileOption)
    .option('--rule <id:severity>', 'set a rule\'s severity, e.g. --rule image-alt:warn (repeatable)', parseRuleOption)
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--ext <list>', `file extensions to check in folders (default ${DEFAULT_EXTENSIONS.join(',')})`)
    .option('--ignore-pattern <glob>', 'skip files matching this glob, relative to the working directory (repeatable)', collect)
    .option('--shard <i/n>', 'check only shard i of n (1-based): n CI jobs check disjoint shares of the files', parseShard)
    .option('--cache', 'replay the results of files unchanged since the last --cache run; lint only the others')
    .option('--cache-location <path>', `the cache file, or a folder to put it in (default ${DEFAULT_CACHE_LOCATION})`)
    .addOption(
      new Option('--cache-strategy <strategy>', 'how an unchanged file is recognised: by size and mtime, or by content')
        .choices(CACHE_STRATEGIES)
        .default('metadata'),
    )
    .option('--concurrency <auto|off|N>', 'lint on N worker threads, or off (this thread); auto: one per core for large runs', parseConcurrency)
    .option('--suppress-all', `accept every problem that remains (after --fix): record their counts in ${DEFAULT_SUPPRESSIONS_LOCATION}`)
    .option('--suppress-rule <id>', 'accept the problems of this rule that remain (repeatable)', collect)
    .option('--suppressions-location <path>', `the suppressions file (default ${DEFAULT_SUPPRESSIONS_LOCATION})`)
    .option('--prune-suppressions', 'lower the suppressions file\'s counts to the problems that remain')
    .option('--pass-on-unpruned-suppressions', 'do not fail (exit 2) on suppressions that no longer occur')
    .option('--stdin', 'lint standard input; with --fix, print the fixed text to stdout and the report to stderr')
    .option('--stdin-filename <path>', 'with --stdin: lint the input as if it were this file (its site, generator and rules)')
    .option('--print-config <file>', 'print the config in force for this file (rules, generator, site settings) as JSON; check nothing')
    .option('--report-unused-disable-directives', 'report <!-- newslint-disable --> directives that suppress nothing, as errors (fixable)')
    .option('--report-unused-disable-directives-severity <severity>', 'the same, at this severity: off, warn or error', parseUnusedSeverity)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], opts) => {
      exitCode = opts.printConfig === undefined ? await runCheck(paths, opts, io) : await runPrintConfig(paths, opts, io);
    });

  program
    .command('init')
    .description('write a starter newslint.config.json here (the generator found, the recommended preset); never overwrites a config')
    .action(async () => {
      exitCode = await runInit(io);
    });

  program
    .command('merge-reports')
    .description('merge the JSON reports of the shards of a run (check --shard i/n --format json) into one report and exit code')
    .argument('<reports...>', 'JSON report files, as check --format json writes them')
    .option(...formatOption())
    .option(...outputFileOption)
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (reports: string[], opts) => {
      exitCode = await runMerge(reports, opts, io);
    });

  program
    .command('rules')
    .description('list every rule: id, default severity, whether it is fixable, and what it checks')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'use this config file (its plugins add rules)')
    .action(async (opts) => {
      exitCode = await runRules(opts, io);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'commander.executeSubCommandAsync') return 2;
      return 2; // commander already printed the usage error
    }
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof ReportError || err instanceof SuppressionsError) {
      io.stderr(`newslint: ${escapeControl(err.message)}\n`);
      return 2;
    }
    throw err;
  }
  if (argv.length <= 2) {
    io.stdout(program.helpInformation());
    return 0;
  }
  return exitCode;
}

/** The options check and merge-reports share: how the report is printed and what makes it fail. */
interface ReportOptions {
  format?: OutputTarget[];
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: number;
  color?: boolean;
}

interface CheckOptions extends ReportOptions {
  fix?: boolean;
  fixDryRun?: boolean;
  rule?: Record<string, RuleSetting>;
  config?: string;
  ext?: string;
  ignorePattern?: string[];
  shard?: Shard;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy: CacheStrategy;
  concurrency?: Concurrency;
  suppressAll?: boolean;
  suppressRule?: string[];
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
  passOnUnprunedSuppressions?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: UnusedSetting;
}

/** What is wrong with the check options as given together, or null. */
function optionsProblem(paths: string[], opts: CheckOptions): string | null {
  if (opts.fix && opts.fixDryRun) return '--fix and --fix-dry-run cannot be used together';
  if (opts.reportUnusedDisableDirectives && opts.reportUnusedDisableDirectivesSeverity) {
    return '--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together';
  }
  if (opts.suppressAll && opts.suppressRule) return '--suppress-all and --suppress-rule cannot be used together';
  const updating = opts.suppressAll ? '--suppress-all' : opts.suppressRule ? '--suppress-rule' : opts.pruneSuppressions ? '--prune-suppressions' : null;
  if (updating && opts.fixDryRun) return `${updating} cannot be used with --fix-dry-run (it records what remains after fixes are written)`;
  if (opts.stdinFilename !== undefined && !opts.stdin) return '--stdin-filename needs --stdin';
  if (!opts.stdin) return null;
  if (paths.length) return '--stdin lints standard input: give no paths with it (name the file with --stdin-filename)';
  if (updating) return `${updating} cannot be used with --stdin (it records the files on disk)`;
  return null;
}

async function runCheck(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const problem = optionsProblem(paths ?? [], opts);
  if (problem) throw new UsageError(problem);
  // --stdin --fix: stdout gets the text; the report meant for stdout goes to stderr, as stylish
  const textOut = Boolean(opts.stdin && opts.fix);
  const targets = planOutputs(opts.format, opts.outputFile, io.cwd).map((t) => (textOut && t.file === undefined ? { format: 'stylish' } : t));
  const linter = await NewsLint.create({
    cwd: io.cwd,
    configFile: opts.config,
    ruleOverrides: opts.rule,
    fix: Boolean(opts.fix || opts.fixDryRun),
    write: Boolean(opts.fix && !opts.stdin), // --stdin --fix prints the fixed text
    extensions: opts.ext?.split(',').map((e) => e.trim()).filter(Boolean),
    ignorePatterns: opts.ignorePattern,
    shard: opts.shard,
    cache: opts.cache,
    cacheLocation: opts.cacheLocation,
    cacheStrategy: opts.cacheStrategy,
    onWarning: (message) => io.stderr(`newslint: warning: ${escapeControl(message)}\n`),
    concurrency: opts.concurrency,
    suppressions: { file: opts.suppressionsLocation, suppress: opts.suppressAll ? 'all' : opts.suppressRule, prune: opts.pruneSuppressions },
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectivesSeverity ?? (opts.reportUnusedDisableDirectives ? 'error' : undefined),
  });
  const stylish = humanStdout(targets);
  // On a terminal, a long run shows a progress bar on stderr; whatever else goes to the terminal is written
  // through it, so that the bar never mixes with the report.
  const terminal = io.stderrTTY;
  const wanted = terminal !== null && !opts.stdin && progressWanted({ stderrIsTTY: true, env: process.env, quiet: Boolean(opts.quiet) });
  const progress = wanted ? progressBar(terminal) : noProgress;
  const stdout = (text: string) => progress.print(text, textOut ? io.stderr : io.stdout, io.isTTY);
  const stderr = (text: string) => progress.print(text, io.stderr, true);
  // Results stream through: each is printed and let go. With --fix-dry-run the diffs come first, as one block,
  // so the (small) report waits for them.
  let held = '';
  const report = (text: string) => {
    if (opts.fixDryRun && stylish) held += text;
    else stdout(text);
  };
  const onStart = ({ files, found }: { files: number; found: number }) => {
    progress.start(files);
    // A shard may get no file at all (more shards than files): not an error, as a folder without files is.
    if (opts.shard && !files && found) {
      const others = found === 1 ? 'the one file found is in another shard' : `the ${found} files found are in other shards`;
      stderr(`newslint: shard ${opts.shard.index}/${opts.shard.count} has no files to check (${others})\n`);
    }
  };
  const outputs = openOutputs(targets, opts, linter.rules, io, report);
  const totals = new Totals();
  let fixed = 0;
  let baseline: SuppressionsOutcome | undefined;
  const results = opts.stdin
    ? fromStdin(linter, opts, io)
    : linter.lintFilesStream(paths ?? [], { onStart, onSuppressions: (outcome) => (baseline = outcome) });
  try {
    for await (const result of results) {
      progress.tick();
      if (opts.fixDryRun && stylish) stdout(diff(result, io.cwd));
      if (opts.fix && stylish && result.renamedTo) {
        stderr(`newslint: renamed ${escapeControl(shown(result.filePath, io.cwd))} to ${escapeControl(shown(result.renamedTo, io.cwd))}\n`);
      }
      if (result.written || result.renamedTo) fixed++;
      outputs.file(totals.add(result, opts));
      // Nobody reads the report any more: a check stops here (unless a report goes to a file); a fix run still
      // finishes writing its files.
      if (io.closed?.() && !opts.fix && !outputs.hasFiles) break;
    }
  } finally {
    progress.stop();
  }
  outputs.end();
  if (held) io.stdout(held);
  if (opts.fix && stylish && !opts.stdin) io.stderr(`newslint: fixed ${fixed} of ${plural(totals.files, 'file')}\n`);
  const exitCode = totals.exitCode(opts, textOut ? { ...io, stdout: io.stderr } : io, stylish);
  if (!baseline) return exitCode;
  if (baseline.written) io.stderr(`newslint: wrote ${escapeControl(shown(baseline.file, io.cwd))}\n`);
  const { text, exitCode: baselineCode } = baselineReport(baseline, shown(baseline.file, io.cwd), { passOnUnpruned: opts.passOnUnprunedSuppressions });
  io.stderr(text);
  return Math.max(exitCode, baselineCode);
}

/**
 * The one result of --stdin, linted as the file --stdin-filename names. With --fix, stdout first gets the
 * text to keep: the fixed bytes, or the input unchanged when nothing was fixed (or it could not be decoded),
 * so that `newslint check --stdin --fix < a > b` never leaves b empty. Nothing is written.
 */
async function* fromStdin(linter: NewsLint, opts: CheckOptions, io: Io): AsyncGenerator<FileResult> {
  let bytes: Buffer;
  try {
    bytes = await (io.stdin ?? (() => readStream(process.stdin)))();
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    throw new UsageError(`standard input: ${err.message}`);
  }
  // as a file named on the command line: an ignored name is not checked, and a warning says so
  const ignored = opts.stdinFilename === undefined ? null : linter.ignoredBy(opts.stdinFilename);
  if (ignored) {
    io.stderr(`newslint: warning: ${escapeControl(opts.stdinFilename!)}: file ignored because of a matching ignore pattern (${escapeControl(ignored)})\n`);
    if (opts.fix) io.stdout(bytes);
    return;
  }
  const result = await linter.lintBytes(bytes, { filePath: opts.stdinFilename });
  if (opts.fix) io.stdout(result.output !== undefined ? Buffer.from(result.output, 'utf8') : bytes);
  yield result;
}

/**
 * Prints the merged report of a sharded run, and exits as check over all the files would have. Every report is
 * read through once first: a bad one stops the merge (exit 2, naming it) before anything is printed.
 */
async function runMerge(reports: string[], opts: ReportOptions, io: Io): Promise<number> {
  const targets = planOutputs(opts.format, opts.outputFile, io.cwd);
  for await (const _ of mergeReports(reports));
  const outputs = openOutputs(targets, opts, await loadBuiltinRules(), io, io.stdout);
  const totals = new Totals();
  for await (const result of mergeReports(reports)) {
    outputs.file(totals.add(result, opts));
    if (io.closed?.() && !outputs.hasFiles) break;
  }
  outputs.end();
  return totals.exitCode(opts, io, humanStdout(targets));
}

/** `-f name[:file]` (repeatable): which reports, each to stdout or a file. */
function formatOption(): [string, string, typeof parseFormatOption] {
  const names = Object.keys(formatters).join(', ');
  return ['-f, --format <name[:file]>', `output format: ${names} (default stylish); name:file writes that report to a file, as the results come; repeatable, at most one without a file`, parseFormatOption];
}

const outputFileOption: [string, string] = ['-o, --output-file <path>', 'write the report to this file (its folder is created); stdout then gets a one-line summary'];

function openOutputs(targets: OutputTarget[], opts: ReportOptions, rules: Rule[], io: Io, stdout: (text: string) => void): ReportOutputs {
  const color = opts.color ?? (io.isTTY && !process.env.NO_COLOR);
  return ReportOutputs.open(targets, { cwd: io.cwd, color, rulesMeta: rulesMetaOf(rules) }, stdout);
}

/**
 * Whether stdout is for a person (stylish, or only the summary line when every report goes to a file): then
 * the --fix-dry-run diffs, the renames and the too-many-warnings line are printed too.
 */
function humanStdout(targets: OutputTarget[]): boolean {
  const format = targets.find((t) => t.file === undefined)?.format;
  return format === undefined || format === 'stylish';
}

/** What the reported results add up to, and the exit code they make. */
class Totals {
  files = 0;
  private errors = 0;
  private warnings = 0;
  private internal = false;

  /** Counts a result; returns it as the report shows it (errors only with --quiet). */
  add(result: FileResult, { quiet }: ReportOptions): FileResult {
    this.files++;
    this.internal ||= result.messages.some((m) => m.internal);
    const r = quiet ? onlyErrors(result) : result;
    this.errors += r.errorCount;
    this.warnings += r.warningCount;
    return r;
  }

  /** 2 for an internal error, 1 for errors or too many warnings (saying so in the stylish report), else 0. */
  exitCode({ maxWarnings }: ReportOptions, io: Io, human: boolean): number {
    if (this.internal) return 2;
    if (this.errors > 0) return 1;
    if (maxWarnings !== undefined && this.warnings > maxWarnings) {
      if (human) io.stdout(`newslint found too many warnings (maximum: ${maxWarnings}).\n`);
      return 1;
    }
    return 0;
  }
}

function onlyErrors(r: FileResult): FileResult {
  const messages = r.messages.filter((m) => m.severity === 2);
  return { ...r, messages, warningCount: 0, fixableWarningCount: 0 };
}

/** What --fix would do to one file, as git shows it: `rename from`/`rename to` lines, then the text's unified diff. */
function diff(r: FileResult, cwd: string): string {
  const targets = renameTargets(r);
  const rename = targets.length === 1 ? targets[0] : undefined;
  if ((r.output === undefined || r.source === undefined) && !rename) return '';
  // a file name is content too: escaped on its own, or a newline in it would forge diff lines
  const name = escapeControl(path.relative(cwd, r.filePath) || r.filePath);
  const to = rename ? escapeControl(path.relative(cwd, rename) || rename) : name;
  let out = rename ? `rename from ${name}\nrename to ${to}\n` : '';
  if (r.output !== undefined && r.source !== undefined) {
    out += escapeMultiline(createTwoFilesPatch(`a/${name}`, `b/${to}`, r.source, r.output, undefined, undefined, { context: 3 }));
  }
  return out;
}

async function runPrintConfig(paths: string[], opts: CheckOptions & { printConfig: string }, io: Io): Promise<number> {
  if (paths.length) throw new UsageError('--print-config takes one file and checks nothing: give no other paths');
  const linter = await NewsLint.create({ cwd: io.cwd, configFile: opts.config, ruleOverrides: opts.rule });
  io.stdout(`${JSON.stringify(await effectiveConfig(linter, path.resolve(io.cwd, opts.printConfig)), null, 2)}\n`);
  return 0;
}

async function runInit(io: Io): Promise<number> {
  const { file, data, reason } = await initConfig(io.cwd);
  const generator = data.generator ? `generator ${data.generator}: ${reason}` : `no generator set (${reason}): each post's site decides`;
  io.stdout(`newslint: wrote ${path.basename(file)} (${escapeControl(generator)})\n`);
  return 0;
}

async function runRules(opts: { format: string; config?: string }, io: Io): Promise<number> {
  const linter = await NewsLint.create({ cwd: io.cwd, configFile: opts.config });
  const rules = [...linter.rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(rules.map((r) => r.meta), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  io.stdout('rule'.padEnd(width) + '  default  fixable  description (docs)\n');
  for (const { meta } of rules) {
    io.stdout(`${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${(meta.fixable ? 'yes' : 'no').padEnd(7)}  ${meta.description} (${meta.docs})\n`);
  }
  return 0;
}
