// The programmatic API. The CLI is one of its users: everything the CLI does goes through NewsLint.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, resolveRules, type LoadedConfig, type RuleSetting } from './config.js';
import { loadBuiltinRules } from './rules.js';
import { DEFAULT_EXTENSIONS, expandInputs, isInside } from './files/walk.js';
import { ordered } from './run/ordered.js';
import { workerThreads, type Concurrency } from './pool/concurrency.js';
import { workerPool } from './pool/pool.js';
import { checkShard, selectShard, type Shard } from './run/shard.js';
import { FileError, UsageError } from './files/errors.js';
import { decodeArticle, digestOf, readArticleFile } from './files/read.js';
import { renameNoClobber, TargetExistsError, writeFileAtomic } from './files/write.js';
import { quote } from './util/quote.js';
import { fixText, lintTextOutcome, RuleError, type ConfiguredRule } from './engine/linter.js';
import { unusedSetting, type UnusedSetting } from './engine/directives.js';
import type { RuleSets } from './config/rule-sets.js';
import { IgnoreRules } from './config/ignores.js';
import { siteWithoutRoot, type Site } from './generators/index.js';
import { SiteFinder } from './generators/site.js';
import { CACHE_STRATEGIES, DEFAULT_CACHE_LOCATION, LintCache, cacheFileFor, type CacheStrategy } from './cache/cache.js';
import { basisOf, watchFacts, type Basis } from './cache/basis.js';
import { runKey } from './cache/key.js';
import { Baseline, type SuppressionsOptions, type SuppressionsOutcome } from './suppressions/baseline.js';
import { SuppressionsError } from './suppressions/file.js';
import { inputsCover } from './suppressions/scope.js';
import type { FileFacts, LintMessage, LintResult, Rule, RuleMeta, SuppressedMessage } from './types.js';
import type { FormatterContext, ReportWriter } from './formatters/index.js';

export type { LintMessage, LintResult, Rule, RuleContext, RuleMeta, Fix, Range, SuppressedMessage, Suppression } from './types.js';
export type { Shard } from './run/shard.js';
export { ConfigError } from './config.js';
export { UsageError } from './files/errors.js';
export { SuppressionsError } from './suppressions/file.js';
export type { StaleSuppression, SuppressionsOptions, SuppressionsOutcome } from './suppressions/baseline.js';
// the rest of what the public signatures name (docs/api.md)
export type { FileFacts, ReportDescriptor, Severity, SeverityName } from './types.js';
export type { Formatter, FormatterContext, FormatterRule, ReportWriter } from './formatters/index.js';
export type { RuleSetting } from './config.js';
export type { Site, GeneratorName } from './generators/index.js';
export type { Concurrency } from './pool/concurrency.js';
export type { CacheStrategy } from './cache/cache.js';
export type { UnusedSetting } from './engine/directives.js';

export interface NewsLintOptions {
  cwd?: string;
  /** A config file to use instead of searching upward from cwd. */
  configFile?: string;
  /** Rule settings applied over the config (as --rule does). */
  ruleOverrides?: Record<string, RuleSetting>;
  /** Compute fixes. */
  fix?: boolean;
  /** With fix: write fixed files (atomically). Without: results carry `output` for the caller. */
  write?: boolean;
  extensions?: string[];
  ignorePatterns?: string[];
  /** Replay the results of files unchanged since an earlier run from a cache file, as ESLint's --cache does. */
  cache?: boolean;
  /** The cache file, or a folder to put it in (default `.newslintcache`, relative to cwd). */
  cacheLocation?: string;
  /** How an unchanged file is recognised: `metadata` (size and mtime, the default) or `content` (SHA-256). */
  cacheStrategy?: CacheStrategy;
  /** Where warnings go (a damaged cache, a cache that cannot be written); process.emitWarning by default. */
  onWarning?: (message: string) => void;
  /** Check only this share of the files (as --shard i/n): see src/run/shard.ts. */
  shard?: Shard;
  /**
   * Where files are linted: 'off' in this thread, N on N worker threads, 'auto' (the default) in this thread
   * for small runs and on one worker per core for large ones (see src/pool/concurrency.ts).
   */
  concurrency?: Concurrency;
  /**
   * Apply a baseline of accepted problems (newslint-suppressions.json, ESLint's bulk suppressions), and with
   * `suppress` or `prune` update it at the end of the run: see src/suppressions/baseline.ts.
   */
  suppressions?: SuppressionsOptions;
  /**
   * Report inline directives (`<!-- newslint-disable … -->`) that suppress nothing, at this severity, with a
   * fix that removes them; over the config's `reportUnusedDisableDirectives` (default "off").
   */
  reportUnusedDisableDirectives?: UnusedSetting;
}

export interface StreamOptions {
  /**
   * Called once the files are known, before the first result: `files` results will come; `found` is how many
   * files the inputs name before sharding takes its share.
   */
  onStart?(counts: { files: number; found: number }): void;
  /**
   * With `suppressions`: called after the last result with the stale entries and whether the file was written.
   * Without this callback, a suppressions file that cannot be written throws SuppressionsError.
   */
  onSuppressions?(outcome: SuppressionsOutcome): void;
}

/** Lints one file at a time (`run`), up to `width` at once; `close` frees what it holds. */
export interface Runner {
  readonly width: number;
  run(file: string): Promise<FileResult>;
  close(): Promise<void>;
}

export interface FileResult extends LintResult {
  /** The text as read (BOM included), kept only when `output` is set, for diffs. */
  source?: string;
  /** True when the fixed output was written to disk. */
  written?: boolean;
  /** For the cache, with `cache` on: what the messages describe. Plain data; lintFilesStream removes it. */
  basis?: Basis;
}

/** A report format, loaded by NewsLint#loadFormatter. */
export interface LoadedFormatter {
  /** The whole report of these results. */
  format(results: Iterable<FileResult>): string;
  /** The same report written as the results come: writer.file(result) for each, then writer.end(). */
  writer(): ReportWriter;
}

/** A text whose messages are exactly what linting it gives, and the file that holds it. */
interface Linted {
  text: string;
  digest: string;
  facts: FileFacts;
}

/** The new paths a result's rename fixes ask for (one, or none; several cannot all be done). */
export function renameTargets(result: LintResult): string[] {
  return [...new Set(result.messages.flatMap((m) => (m.rename ? [m.rename.to] : [])))];
}

export class NewsLint {
  private constructor(
    private readonly options: Required<Pick<NewsLintOptions, 'cwd' | 'fix' | 'write'>> & NewsLintOptions,
    readonly config: LoadedConfig,
    readonly rules: Rule[],
    private readonly ruleSets: RuleSets,
    private readonly ignores: IgnoreRules,
    private readonly sites: SiteFinder,
    /** What inline directives need: every rule id that exists, and whether unused ones are reported. */
    private readonly directives: { knownRuleIds: ReadonlySet<string>; reportUnusedDisableDirectives: UnusedSetting },
  ) {}

  /** Loads the config and the rules. Throws ConfigError for a bad config, UsageError for a bad shard. */
  static async create(options: NewsLintOptions = {}): Promise<NewsLint> {
    if (options.shard) checkShard(options.shard);
    const cwd = path.resolve(options.cwd ?? process.cwd());
    const config = await loadConfig(cwd, options.configFile);
    const { all, ruleSets } = await resolveRules({ config, rules: await loadBuiltinRules(), overrides: options.ruleOverrides });
    const ignores = IgnoreRules.load({ cwd, configDir: config.filePath && path.dirname(config.filePath), ignores: config.data.ignores });
    const sites = new SiteFinder({ generator: config.data.generator, overrides: config.data.site });
    const unknown = (Array.isArray(options.suppressions?.suppress) ? options.suppressions.suppress : []).filter((id) => !all.some((r) => r.meta.id === id));
    if (unknown.length) throw new UsageError(`cannot suppress rule "${unknown[0]}": there is no rule of that id (see newslint rules)`);
    if (options.cacheStrategy !== undefined && !CACHE_STRATEGIES.includes(options.cacheStrategy)) {
      throw new UsageError(`the cache strategy must be ${CACHE_STRATEGIES.join(' or ')}, not "${options.cacheStrategy}"`);
    }
    if (options.reportUnusedDisableDirectives !== undefined && !['off', 'warn', 'error'].includes(options.reportUnusedDisableDirectives)) {
      throw new UsageError(`reportUnusedDisableDirectives must be "off", "warn" or "error", not ${JSON.stringify(options.reportUnusedDisableDirectives)}`);
    }
    const directives = {
      knownRuleIds: new Set(all.map((r) => r.meta.id)),
      reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? unusedSetting(config.data.reportUnusedDisableDirectives),
    };
    return new NewsLint({ fix: false, write: false, ...options, cwd }, config, all, ruleSets, ignores, sites, directives);
  }

  /** Every loaded rule (bundled, then the config's plugins), by id, in load order: its meta. */
  getRules(): Map<string, RuleMeta> {
    return new Map(this.rules.map((r) => [r.meta.id, r.meta]));
  }

  /**
   * A report format by name (`stylish`, `json`, `sarif`, `github`, `junit`, `compact`, `html`), over this
   * NewsLint's cwd and rules; without colour unless asked. An unknown name throws UsageError.
   */
  async loadFormatter(name = 'stylish', { color = false }: { color?: boolean } = {}): Promise<LoadedFormatter> {
    // loaded here, not at the top: a worker thread, which imports this module, never formats
    const { formatters, formatResults, rulesMetaOf } = await import('./formatters/index.js');
    if (!Object.hasOwn(formatters, name)) throw new UsageError(`unknown format "${name}" (choose from ${Object.keys(formatters).join(', ')})`);
    const context: FormatterContext = { cwd: this.options.cwd, color, rulesMeta: rulesMetaOf(this.rules) };
    return { format: (results) => formatResults(name, results, context), writer: () => formatters[name](context) };
  }

  /**
   * Writes the fixes that results of a run with `fix` and without `write` carry (`output`, and rename fixes),
   * as `write` would have: each file atomically, and only while it still holds the text that was linted
   * (`source`); then its rename. Returns the results as a `write` run gives them: `written`, `renamedTo`,
   * and a fatal internal message (exit 2) for a file that could not be written. The given results are not
   * changed; files are written one at a time, and a failure never stops the others.
   */
  static async outputFixes(results: Iterable<FileResult>): Promise<FileResult[]> {
    const out: FileResult[] = [];
    for (const r of results) out.push(await outputFix({ ...r, messages: [...r.messages] }));
    return out;
  }

  /** The rules in force for a file (the config's overrides that match it applied), with severities and options. */
  rulesFor(file: string): ConfiguredRule[] {
    return this.ruleSets.for(path.resolve(this.options.cwd, file));
  }

  /** The indexes of the config's `overrides` entries that apply to a file, in order. */
  overridesFor(file: string): number[] {
    return this.ruleSets.matching(path.resolve(this.options.cwd, file));
  }

  /** Why a file is ignored (the config's `ignores` or .newslintignore, and the pattern), or null. */
  ignoredBy(file: string): string | null {
    return this.ignores.ignoredBy(path.resolve(this.options.cwd, file));
  }

  /** The site (generator, root, settings) a file or folder belongs to. */
  siteFor(fileOrDir: string, { isDir = false } = {}): Promise<Site> {
    const abs = path.resolve(this.options.cwd, fileOrDir);
    return isDir ? this.sites.forDir(abs) : this.sites.forFile(abs);
  }

  /**
   * Lints (and with `fix`, fixes) a text. Nothing is written. Without `site`, the text is read as the
   * configured generator (Hexo by default) reads a post, with its default settings.
   */
  lintText(text: string, { filePath = '<text>', site }: { filePath?: string; site?: Site } = {}): FileResult {
    const bom = text.charCodeAt(0) === 0xfeff;
    const { generator, site: overrides } = this.config.data;
    return this.lintDecoded(filePath, bom ? text.slice(1) : text, bom, site ?? siteWithoutRoot(generator, overrides), null).result;
  }

  /**
   * What `newslint check` checks when no path is given: inside a site, its content folder (Hexo's
   * source_dir, Jekyll's source, Hugo's contentDir); elsewhere the working directory.
   */
  async defaultInputs(): Promise<string[]> {
    const site = await this.sites.forDir(this.options.cwd);
    return [site.root ? site.settings.contentDir : '.'];
  }

  /** The files the inputs (files, folders, globs) name, or the default inputs when there are none: sorted, absolute. */
  async files(inputs: string[]): Promise<string[]> {
    return expandInputs(inputs.length ? inputs : await this.defaultInputs(), {
      cwd: this.options.cwd,
      extensions: this.options.extensions ?? DEFAULT_EXTENSIONS,
      ignorePatterns: [...(this.config.data.ignorePatterns ?? []), ...(this.options.ignorePatterns ?? [])],
      removeStaleTemps: this.options.write,
      ignoredBy: (file) => this.ignores.ignoredBy(file),
      onIgnoredFile: (file, why) => this.warn(`${path.relative(this.options.cwd, file) || file}: file ignored because of a matching ignore pattern (${why})`),
      skipDirsFor: async (dir) => (await this.sites.forDir(dir)).settings.skipDirs,
      skipFile: async (file, folder) => {
        const site = await this.sites.forFile(file);
        // a site's output or themes, unless the walk started inside them; files the generator never reads
        return site.settings.skipDirs.some((d) => isInside(file, d) && !isInside(folder, d)) || site.generator.ignores(file, site);
      },
    });
  }

  /**
   * Lints the files that the inputs name (see files()); with fix and write, fixes them on disk. Results come
   * one by one, in path order, as they are ready: a caller that writes each out and lets it go holds no more
   * than a few at a time, however many files there are.
   */
  async *lintFilesStream(inputs: string[], { onStart, onSuppressions }: StreamOptions = {}): AsyncGenerator<FileResult> {
    const baseline = this.options.suppressions ? Baseline.open(this.options.suppressions, this.options.cwd) : null;
    const roots = inputs.length ? inputs : await this.defaultInputs();
    const found = await this.files(roots);
    const files = this.select(found);
    onStart?.({ files: files.length, found: found.length });
    const cache = this.openCache();
    const runner = await this.runner(files.length);
    try {
      const results = ordered(files, runner.width, cache ? (file) => this.lintCached(cache, runner, file) : (file) => runner.run(file));
      for await (const result of results) yield baseline ? suppress(baseline, result) : result;
    } finally {
      await runner.close();
      cache?.save();
    }
    // only a run that saw every result judges and writes the baseline (a reader that stopped early did not)
    if (!baseline) return;
    const outcome = await baseline.finish(inputsCover(roots, this.options.cwd, this.options.shard));
    if (onSuppressions) onSuppressions(outcome);
    else if (outcome.error) throw new SuppressionsError(outcome.error);
  }

  /**
   * Lints bytes that are not a file (standard input) as if they were the file `filePath` (which need not
   * exist): its site, generator and rules. With `fix`, the result carries the fixed text (`output`); nothing
   * is ever written, and rename fixes are refused. Decoded as files are (src/files/read.ts); the baseline
   * applies, but is neither judged nor written.
   */
  async lintBytes(bytes: Uint8Array, { filePath }: { filePath?: string } = {}): Promise<FileResult> {
    const file = filePath === undefined ? '<stdin>' : path.resolve(this.options.cwd, filePath);
    const baseline = this.options.suppressions ? Baseline.open(this.options.suppressions, this.options.cwd) : null;
    let decoded;
    try {
      decoded = decodeArticle(bytes);
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      return summarize(file, [fileMessage(err)]);
    }
    const { generator, site: overrides } = this.config.data;
    const site = filePath === undefined ? siteWithoutRoot(generator, overrides) : await this.sites.forFile(file);
    const { result } = this.lintDecoded(file, decoded.text, decoded.bom, site, null);
    if (renameTargets(result).length) Object.assign(result, summarize(file, refuseRenames(result.messages, 'standard input has no file to rename')));
    return baseline ? suppress(baseline, result) : result;
  }

  /** The cache, with `cache` on (src/cache/). */
  private openCache(): LintCache | null {
    if (!this.options.cache) return null;
    const warn = this.options.onWarning ?? ((message: string) => process.emitWarning(message, 'NewsLintCacheWarning'));
    return LintCache.open({
      file: cacheFileFor(this.options.cacheLocation ?? DEFAULT_CACHE_LOCATION, this.options.cwd),
      strategy: this.options.cacheStrategy ?? 'metadata',
      key: runKey(this.ruleSets.base, this.ruleSets.scope(), { ...this.directives, knownRuleIds: [...this.directives.knownRuleIds].sort() }),
      warn,
    });
  }

  /** Tells the caller (onWarning), or the process, of something the run did not do. */
  private warn(message: string): void {
    if (this.options.onWarning) this.options.onWarning(message);
    else process.emitWarning(message, 'NewsLintWarning');
  }

  /** A file's result replayed from the cache when it holds one for the file as it is; else linted, and recorded. */
  private async lintCached(cache: LintCache, runner: Runner, file: string): Promise<FileResult> {
    const replayed = cache.replay(file, await this.sites.forFile(file), this.options.fix);
    if (replayed) return summarize(file, replayed.messages, replayed.suppressedMessages);
    const { basis, ...result } = await runner.run(file);
    cache.record(file, result, basis);
    return result;
  }

  /** The share of the files this run checks: all of them, or with `shard`, that shard's. */
  private select(files: string[]): string[] {
    return this.options.shard ? selectShard(files, this.options.shard, this.options.cwd) : files;
  }

  /**
   * Where files are linted: in this thread, one at a time, or on a pool of worker threads, each with its own
   * NewsLint built from these options. Either way a file whose linting fails unexpectedly (its worker died)
   * gets an internal error and the run goes on.
   */
  private async runner(count: number): Promise<Runner> {
    const threads = workerThreads(this.options.concurrency ?? 'auto', count);
    const runner: Runner = threads
      ? workerPool<FileResult>(this.options, threads)
      : { width: 1, run: (file) => turn().then(() => this.lintFile(file)), close: async () => {} };
    return { ...runner, run: (file) => runner.run(file).catch((err) => failed(file, err)) };
  }

  /** Lints the files that the inputs name, as lintFilesStream does, and returns every result. */
  async lintFiles(inputs: string[]): Promise<FileResult[]> {
    const results: FileResult[] = [];
    for await (const r of this.lintFilesStream(inputs)) results.push(r);
    return results;
  }

  /** Lints (with fix and write, fixes on disk) one file: read, checked, written atomically, renamed if asked. */
  async lintFile(file: string): Promise<FileResult> {
    let read;
    try {
      read = await readArticleFile(file);
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      return summarize(file, [fileMessage(err)]);
    }
    const site = await this.sites.forFile(file);
    let watched = this.options.cache ? watchFacts(read.facts) : null;
    const { result, exact } = this.lintDecoded(file, read.text, read.bom, site, watched?.facts ?? read.facts);
    let linted: Linted | null = exact && result.output === undefined ? read : null;
    if (!this.options.write) return this.withBasis(result, linted, site, watched);
    if (result.output !== undefined) {
      const fixed = result.output;
      const output = Buffer.from(fixed, 'utf8');
      delete result.output;
      delete result.source;
      try {
        const facts = await writeFileAtomic(file, output, read.digest, read.mode);
        result.written = true;
        // the messages after fixing describe the new file; when they read the old file's times, only if its own give them too
        const text = read.bom ? fixed.slice(1) : fixed;
        if (exact && watched?.used()) watched = this.sameWithFacts(file, text, site, facts, result);
        if (exact && watched) linted = { text, digest: digestOf(output), facts };
      } catch (err) {
        if (!(err instanceof FileError)) throw err;
        result.messages.unshift({ ...fileMessage(err), internal: true });
        return Object.assign(result, summarize(file, result.messages)); // not renamed either: the file is not as fixed
      }
    }
    const renaming = renameTargets(result).length > 0;
    await renameFile(file, result);
    // a rename attempt changes the messages: done, the entry moves with the file; refused, they say why
    return this.withBasis(result, renaming && !result.renamedTo ? null : linted, site, watched);
  }

  /**
   * With the cache on, adds to a result what its messages describe (`linted`: null when they are not exactly
   * what linting a file's bytes gives) and whether the rules read the file's times. A renamed file's entry
   * moves to its new name, linted there: rules read names.
   */
  private withBasis(result: FileResult, linted: Linted | null, site: Site, watched: { used: () => boolean } | null): FileResult {
    if (!watched || !linted) return result;
    if (!result.renamedTo) {
      result.basis = basisOf(linted.digest, linted.facts, site, watched.used());
      return result;
    }
    const there = watchFacts(linted.facts);
    const { result: again, exact } = this.lintDecoded(result.renamedTo, linted.text, false, site, there.facts, { fix: false });
    if (exact) {
      const moved = { path: result.renamedTo, messages: again.messages, suppressedMessages: again.suppressedMessages ?? [] };
      result.basis = { ...basisOf(linted.digest, linted.facts, site, watched.used() || there.used()), moved };
    }
    return result;
  }

  /**
   * A fixed file's messages were computed with the old file's times (a missing date falls back to them): they
   * describe the new file when linting its text with its own times gives them again. Returns the facts'
   * watcher of that lint, or null when they do not.
   */
  private sameWithFacts(file: string, text: string, site: Site, facts: FileFacts, fixed: FileResult) {
    const watched = watchFacts(facts);
    const { result, exact } = this.lintDecoded(file, text, false, site, watched.facts, { fix: false });
    const same = (r: FileResult) => JSON.stringify([r.messages, r.suppressedMessages ?? []]);
    return exact && same(result) === same(fixed) ? watched : null;
  }

  /**
   * Lints (with `fix`, fixes) a decoded text. `exact`: the messages are what linting the final text gives (not
   * notes about the fixing, not an internal error).
   */
  private lintDecoded(filePath: string, text: string, bom: boolean, site: Site, file: FileFacts | null, { fix = this.options.fix } = {}): { result: FileResult; exact: boolean } {
    const opts = { filePath, rules: this.rulesFor(filePath), site, file, ...this.directives };
    try {
      if (!fix) {
        const linted = lintTextOutcome(text, opts);
        return { result: summarize(filePath, linted.messages, linted.suppressedMessages), exact: true };
      }
      const fixed = fixText(text, opts);
      const result = summarize(filePath, fixed.messages, fixed.suppressedMessages);
      if (fixed.output !== text) {
        result.output = (bom ? '\uFEFF' : '') + fixed.output;
        result.source = (bom ? '\uFEFF' : '') + text;
      }
      return { result, exact: fixed.notes === 0 };
    } catch (err) {
      if (!(err instanceof RuleError)) throw err;
      const message = `internal error: ${err.message}`;
      return { result: summarize(filePath, [{ ruleId: err.ruleId, severity: 2, fatal: true, internal: true, message, line: 1, column: 1 }]), exact: false };
    }
  }
}

/**
 * Applies a rename fix after the text fixes are written: the problems it fixes leave the result, which says
 * where the file went (`renamedTo`). When it cannot be done, those problems stay, no longer fixable, saying
 * why; a failure other than a taken name is also an internal error (exit 2), as a failed write is.
 */
async function renameFile(file: string, result: FileResult): Promise<FileResult> {
  const targets = renameTargets(result);
  if (!targets.length) return result;
  let failure: FileError;
  if (targets.length > 1) {
    failure = new FileError(`not renamed: the fixes ask for different names (${targets.map((t) => quote(path.basename(t))).join(', ')})`);
  } else {
    try {
      await renameNoClobber(file, targets[0]);
      result.renamedTo = targets[0];
      return Object.assign(result, summarize(file, result.messages.filter((m) => !m.rename)));
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      failure = err;
    }
  }
  const messages = refuseRenames(result.messages, failure.message);
  if (!(failure instanceof TargetExistsError) && targets.length === 1) messages.unshift({ ...fileMessage(failure), internal: true });
  return Object.assign(result, summarize(file, messages));
}

/** NewsLint.outputFixes for one result (a copy, changed in place): its text fix, then its rename fix. */
async function outputFix(result: FileResult): Promise<FileResult> {
  const file = path.resolve(result.filePath);
  const { output, source } = result;
  if (output !== undefined) {
    delete result.output;
    delete result.source;
    try {
      if (source === undefined) throw new FileError('not written: the result does not hold the text that was linted (source)');
      const { mode } = await stat(file).catch((err: NodeJS.ErrnoException) => {
        throw new FileError(`not written: cannot find the file (${err.code ?? err.message})`);
      });
      await writeFileAtomic(file, Buffer.from(output, 'utf8'), digestOf(Buffer.from(source, 'utf8')), mode);
      result.written = true;
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      result.messages.unshift({ ...fileMessage(err), internal: true });
      return Object.assign(result, summarize(result.filePath, result.messages)); // not renamed either, as in lintFile
    }
  }
  return renameFile(file, result);
}

/** The messages with their rename fixes refused: no longer fixable, saying why. */
function refuseRenames(messages: LintMessage[], why: string): LintMessage[] {
  return messages.map((m) => {
    if (!m.rename) return m;
    const { rename: _rename, ...rest } = m;
    return { ...rest, message: `${m.message} (${why})` };
  });
}

/** A result with the problems the baseline accepts moved to `suppressedMessages` (after any already there). */
function suppress(baseline: Baseline, result: FileResult): FileResult {
  const { messages, suppressed } = baseline.apply(result);
  if (!suppressed.length) return result;
  return Object.assign(result, summarize(result.filePath, messages, [...(result.suppressedMessages ?? []), ...suppressed]));
}

/**
 * A turn of the event loop. Reading and linting a file in this thread never waits on I/O (reads are
 * synchronous), so without it a run would starve timers: the progress bar's, and anything else the caller
 * schedules, until the last file is done.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The result of a file whose linting failed unexpectedly: an internal error (exit 2), nothing written. */
function failed(file: string, err: unknown): FileResult {
  const message = `internal error: ${err instanceof Error ? err.message : String(err)}`;
  return summarize(file, [{ ruleId: null, severity: 2, fatal: true, internal: true, message, line: 1, column: 1 }]);
}

function fileMessage(err: FileError): LintMessage {
  if (err.severity === 1) return { ruleId: null, severity: 1, message: err.message, line: err.line, column: err.column };
  return { ruleId: null, severity: 2, fatal: true, message: err.message, line: err.line, column: err.column };
}

/**
 * Builds a result with ESLint's counts from its messages; suppressed ones (inline directives, the baseline) are
 * kept beside them when there are any, and count in none of the counts.
 */
export function summarize(filePath: string, messages: LintMessage[], suppressed?: SuppressedMessage[]): FileResult {
  const r: FileResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const m of messages) {
    if (m.severity === 2) {
      r.errorCount++;
      if (m.fatal) r.fatalErrorCount++;
      if (m.fix || m.rename) r.fixableErrorCount++;
    } else {
      r.warningCount++;
      if (m.fix || m.rename) r.fixableWarningCount++;
    }
  }
  if (suppressed?.length) r.suppressedMessages = suppressed;
  return r;
}
