// The programmatic API. The CLI is one of its users: everything the CLI does goes through NewsLint.

import path from 'node:path';
import { loadConfig, resolveRules, type LoadedConfig, type RuleSetting } from './config.js';
import { loadBuiltinRules } from './rules.js';
import { DEFAULT_EXTENSIONS, expandInputs, isInside } from './files/walk.js';
import { ordered } from './run/ordered.js';
import { checkShard, selectShard, type Shard } from './run/shard.js';
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
export type { Shard } from './run/shard.js';
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
  /** Check only this share of the files (as --shard i/n): see src/run/shard.ts. */
  shard?: Shard;
}

export interface StreamOptions {
  /**
   * Called once the files are known, before the first result: `files` results will come; `found` is how many
   * files the inputs name before sharding takes its share.
   */
  onStart?(counts: { files: number; found: number }): void;
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

  /** Loads the config and the rules. Throws ConfigError for a bad config, UsageError for a bad shard. */
  static async create(options: NewsLintOptions = {}): Promise<NewsLint> {
    if (options.shard) checkShard(options.shard);
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
  async *lintFilesStream(inputs: string[], { onStart }: StreamOptions = {}): AsyncGenerator<FileResult> {
    const found = await this.files(inputs);
    const files = this.select(found);
    onStart?.({ files: files.length, found: found.length });
    const runner = await this.runner(files.length);
    try {
      yield* ordered(files, runner.width, (file) => runner.run(file));
    } finally {
      await runner.close();
    }
  }

  /** The share of the files this run checks: all of them, or with `shard`, that shard's. */
  private select(files: string[]): string[] {
    return this.options.shard ? selectShard(files, this.options.shard, this.options.cwd) : files;
  }

  /** Where files are linted: in this thread, one at a time (a worker pool runs several). */
  private async runner(_count: number): Promise<Runner> {
    return { width: 1, run: (file) => this.lintFile(file), close: async () => {} };
  }

  /** Lints the files that the inputs name, as lintFilesStream does, and returns every result. */
  async lintFiles(inputs: string[]): Promise<FileResult[]> {
    const results: FileResult[] = [];
    for await (const r of this.lintFilesStream(inputs)) results.push(r);
    return results;
  }

  private async lintFile(file: string): Promise<FileResult> {
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
