// The programmatic API. The CLI is one of its users: everything the CLI does goes through NewsLint.

import path from 'node:path';
import { loadConfig, resolveRules, type LoadedConfig, type RuleSetting } from './config.js';
import { loadBuiltinRules } from './rules.js';
import { DEFAULT_EXTENSIONS, expandInputs, isInside } from './files/walk.js';
import { ordered } from './run/ordered.js';
import { workerThreads, type Concurrency } from './pool/concurrency.js';
import { workerPool } from './pool/pool.js';
import { FileError } from './files/errors.js';
import { readArticleFile } from './files/read.js';
import { renameNoClobber, TargetExistsError, writeFileAtomic } from './files/write.js';
import { quote } from './util/quote.js';
import { fixText, lintText, RuleError, type ConfiguredRule } from './engine/linter.js';
import { siteWithoutRoot, type Site } from './generators/index.js';
import { SiteFinder } from './generators/site.js';
import type { FileFacts } from './parse/article.js';
import type { LintMessage, LintResult, Rule } from './types.js';

export type { LintMessage, LintResult, Rule, RuleContext, RuleMeta, Fix, Range } from './types.js';
export { ConfigError } from './config.js';
export { UsageError } from './files/errors.js';

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
  /**
   * Where files are linted: 'off' in this thread, N on N worker threads, 'auto' (the default) in this thread
   * for small runs and on one worker per core for large ones (see src/pool/concurrency.ts).
   */
  concurrency?: Concurrency;
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
    private readonly enabled: ConfiguredRule[],
    private readonly sites: SiteFinder,
  ) {}

  /** Loads the config and the rules. Throws ConfigError for a bad config. */
  static async create(options: NewsLintOptions = {}): Promise<NewsLint> {
    const cwd = path.resolve(options.cwd ?? process.cwd());
    const config = await loadConfig(cwd, options.configFile);
    const { all, enabled } = await resolveRules({ config, rules: await loadBuiltinRules(), overrides: options.ruleOverrides });
    const sites = new SiteFinder({ generator: config.data.generator, overrides: config.data.site });
    return new NewsLint({ fix: false, write: false, ...options, cwd }, config, all, enabled, sites);
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
    return this.lintDecoded(filePath, bom ? text.slice(1) : text, bom, site ?? siteWithoutRoot(generator, overrides), null);
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
  async *lintFilesStream(inputs: string[]): AsyncGenerator<FileResult> {
    const files = this.select(await this.files(inputs));
    const runner = await this.runner(files.length);
    try {
      yield* ordered(files, runner.width, (file) => runner.run(file));
    } finally {
      await runner.close();
    }
  }

  /** The share of the files this run checks (all of them: sharding selects a share). */
  private select(files: string[]): string[] {
    return files;
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
      : { width: 1, run: (file) => this.lintFile(file), close: async () => {} };
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
    const result = this.lintDecoded(file, read.text, read.bom, await this.sites.forFile(file), read.facts);
    if (!this.options.write) return result;
    if (result.output !== undefined) {
      const output = result.output;
      delete result.output;
      delete result.source;
      try {
        await writeFileAtomic(file, Buffer.from(output, 'utf8'), read.digest, read.mode);
        result.written = true;
      } catch (err) {
        if (!(err instanceof FileError)) throw err;
        result.messages.unshift({ ...fileMessage(err), internal: true });
        return Object.assign(result, summarize(file, result.messages)); // not renamed either: the file is not as fixed
      }
    }
    return renameFile(file, result);
  }

  private lintDecoded(filePath: string, text: string, bom: boolean, site: Site, file: FileFacts | null): FileResult {
    const opts = { filePath, rules: this.enabled, site, file };
    try {
      if (!this.options.fix) return summarize(filePath, lintText(text, opts));
      const fixed = fixText(text, opts);
      const result = summarize(filePath, fixed.messages);
      if (fixed.output !== text) {
        result.output = (bom ? '\uFEFF' : '') + fixed.output;
        result.source = (bom ? '\uFEFF' : '') + text;
      }
      return result;
    } catch (err) {
      if (!(err instanceof RuleError)) throw err;
      const message = `internal error: ${err.message}`;
      return summarize(filePath, [{ ruleId: err.ruleId, severity: 2, fatal: true, internal: true, message, line: 1, column: 1 }]);
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
  const messages = result.messages.map((m) => {
    if (!m.rename) return m;
    const { rename: _rename, ...rest } = m;
    return { ...rest, message: `${m.message} (${failure.message})` };
  });
  if (!(failure instanceof TargetExistsError) && targets.length === 1) messages.unshift({ ...fileMessage(failure), internal: true });
  return Object.assign(result, summarize(file, messages));
}

/** The result of a file whose linting failed unexpectedly: an internal error (exit 2), nothing written. */
function failed(file: string, err: unknown): FileResult {
  const message = `internal error: ${err instanceof Error ? err.message : String(err)}`;
  return summarize(file, [{ ruleId: null, severity: 2, fatal: true, internal: true, message, line: 1, column: 1 }]);
}

function fileMessage(err: FileError): LintMessage {
  if (err.severity === 1) return { ruleId: null, severity: 1, message: err.message, line: err.line, column: err.column };
  return { ruleId: null, severity: 2, fatal: true, message: err.message, line: err.line, column: err.column };
}

/** Builds a result with ESLint's counts from its messages. */
export function summarize(filePath: string, messages: LintMessage[]): FileResult {
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
  return r;
}
