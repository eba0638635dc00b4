// The command line: parses arguments, runs NewsLint, prints a report, returns the exit code
// (0 clean, 1 problems at error level or too many warnings, 2 usage, config or internal errors).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { NewsLint, ConfigError, UsageError, renameTargets, type FileResult } from './api.js';
import { formatters } from './formatters/index.js';
import { escapeControl, escapeMultiline } from './formatters/escape.js';
import { DEFAULT_EXTENSIONS } from './files/walk.js';
import { parseConcurrency, type Concurrency } from './pool/concurrency.js';
import type { RuleSetting } from './config.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});

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

const EXAMPLES = `
Examples:
  $ newslint check                            in a Hexo, Jekyll or Hugo site: check the site's content folder
  $ newslint check source/_posts              report problems in every post under a folder
  $ newslint check --fix source/_posts        fix what can be fixed, in place (atomic writes)
  $ newslint check --fix-dry-run post.md      show the diff --fix would write, write nothing
  $ newslint check --format json . > out.json machine-readable report (ESLint's JSON shape)
  $ newslint check --rule date-format:off .   turn a rule off for this run
  $ newslint rules                            list rules, whether they fix, what they check

Posts are read as their site generator reads them (found from _config.yml, Gemfile, hugo.toml upward;
"generator" in newslint.config.json says it outright). Generated output and themes are never walked
unless named.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 usage, config or
internal error. Paths that exist are read literally, whatever characters they contain.`;

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('newslint')
    .description('Lint and safely fix scraped articles: Markdown posts with YAML front matter and HTML bodies.')
    .version(pkg.version, '-v, --version', 'print the version')
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
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('--rule <id:severity>', 'set a rule\'s severity, e.g. --rule image-alt:warn (repeatable)', parseRuleOption)
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--ext <list>', `file extensions to check in folders (default ${DEFAULT_EXTENSIONS.join(',')})`)
    .option('--ignore-pattern <glob>', 'skip files matching this glob, relative to the working directory (repeatable)', collect)
    .option('--concurrency <auto|off|N>', 'lint on N worker threads, or off (this thread); auto: one per core for large runs', parseConcurrency)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], opts) => {
      exitCode = await runCheck(paths, opts, io);
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
    if (err instanceof UsageError || err instanceof ConfigError) {
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

interface CheckOptions {
  fix?: boolean;
  fixDryRun?: boolean;
  format: string;
  rule?: Record<string, RuleSetting>;
  config?: string;
  quiet?: boolean;
  maxWarnings?: number;
  ext?: string;
  ignorePattern?: string[];
  concurrency?: Concurrency;
  color?: boolean;
}

async function runCheck(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const linter = await NewsLint.create({
    cwd: io.cwd,
    configFile: opts.config,
    ruleOverrides: opts.rule,
    fix: Boolean(opts.fix || opts.fixDryRun),
    write: Boolean(opts.fix),
    extensions: opts.ext?.split(',').map((e) => e.trim()).filter(Boolean),
    ignorePatterns: opts.ignorePattern,
    concurrency: opts.concurrency,
  });
  const color = opts.color ?? (io.isTTY && !process.env.NO_COLOR);
  const rulesMeta = Object.fromEntries(linter.rules.map((r) => [r.meta.id, { docs: r.meta.docs, fixable: r.meta.fixable }]));
  const writer = formatters[opts.format]({ cwd: io.cwd, color, rulesMeta });
  const stylish = opts.format === 'stylish';
  // Results stream through: each is printed and let go. With --fix-dry-run the diffs come first, as one block,
  // so the (small) report waits for them.
  let held = '';
  const report = (text: string) => {
    if (opts.fixDryRun && stylish) held += text;
    else if (text) io.stdout(text);
  };
  let files = 0;
  let fixed = 0;
  let internal = false;
  let errors = 0;
  let warnings = 0;
  for await (const result of linter.lintFilesStream(paths ?? [])) {
    files++;
    internal ||= result.messages.some((m) => m.internal);
    if (opts.fixDryRun && stylish) io.stdout(diff(result, io.cwd));
    if (opts.fix && stylish && result.renamedTo) {
      io.stderr(`newslint: renamed ${escapeControl(shown(result.filePath, io.cwd))} to ${escapeControl(shown(result.renamedTo, io.cwd))}\n`);
    }
    if (result.written || result.renamedTo) fixed++;
    const r = opts.quiet ? onlyErrors(result) : result;
    errors += r.errorCount;
    warnings += r.warningCount;
    report(writer.file(r));
  }
  report(writer.end() + (opts.format === 'json' ? '\n' : ''));
  if (held) io.stdout(held);
  if (opts.fix && stylish) io.stderr(`newslint: fixed ${fixed} of ${files} file${files === 1 ? '' : 's'}\n`);
  if (internal) return 2;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    if (stylish) io.stdout(`newslint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return 1;
  }
  return 0;
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

/** A path as the report shows it: relative to the working directory when below it. */
function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

async function runRules(opts: { format: string; config?: string }, io: Io): Promise<number> {
  const linter = await NewsLint.create({ cwd: io.cwd, configFile: opts.config });
  const rules = [...linter.rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(rules.map((r) => r.meta), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  io.stdout('rule'.padEnd(width) + '  default  fixable  description\n');
  for (const { meta } of rules) {
    io.stdout(`${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${(meta.fixable ? 'yes' : 'no').padEnd(7)}  ${meta.description}\n`);
  }
  return 0;
}
