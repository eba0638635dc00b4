// Applying the baseline to results as they stream in (main thread: workers and the cache see none of it), as
// ESLint 9's bulk suppressions do: for a file and rule whose problems number at most the count allowed, the
// problems move to `suppressedMessages` (kind 'baseline'); above it, every one of them is reported, since
// which of them are the new ones cannot be told. Problems without a rule (a file that cannot be read or
// parsed) and internal errors are never suppressed.
//
// Two differences from ESLint, on purpose: warnings are suppressed as well as errors (a CI that runs
// --max-warnings 0 must be able to adopt a baseline too), and --suppress-all / --suppress-rule make the
// entries of each file looked at exactly what it has now (ESLint only raises or sets the counts of rules
// that report, and leaves the others for --prune-suppressions): a fresh baseline holds no room for new
// problems to hide in.
//
// Only the files this run looked at are judged: an entry whose count is above what its file has now, or
// whose file is gone (within the run's inputs and shard), is stale. Entries of files outside the run (another
// shard, another folder) are neither stale nor pruned. A file whose result has a fatal or internal error is
// not judged either: its problems are not known.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SUPPRESSIONS_LOCATION, formatCounts, readSuppressions, SuppressionsError, writeSuppressions, type Counts, type SuppressionsFile } from './file.js';
import type { LintMessage, LintResult, SuppressedMessage } from '../types.js';

export interface SuppressionsOptions {
  /** The suppressions file, relative to cwd (default newslint-suppressions.json). */
  file?: string;
  /** Record the problems that remain, of every rule ('all') or of these rules, as the allowed counts. */
  suppress?: 'all' | string[];
  /** Lower counts to what remains; drop entries of rules that no longer report and of files that are gone. */
  prune?: boolean;
}

/** An entry allowing more than its file has now: `found` null when the file is gone. */
export interface StaleSuppression {
  file: string;
  rule: string;
  allowed: number;
  found: number | null;
}

export interface SuppressionsOutcome {
  /** The suppressions file, absolute. */
  file: string;
  stale: StaleSuppression[];
  /** The file was (re)written: --suppress-all, --suppress-rule or --prune-suppressions changed it. */
  written: boolean;
  /** Why the file could not be written (the run exits 2), or null. */
  error: string | null;
}

/** Whether a file (absolute) is one this run would have checked, had it existed: see src/suppressions/scope.ts. */
export type Covers = (file: string) => boolean;

const counted = (m: LintMessage): m is LintMessage & { ruleId: string } => m.ruleId !== null && !m.fatal && !m.internal;

/** How many problems of each rule the messages hold. */
export function countByRule(messages: readonly LintMessage[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of messages) if (counted(m)) found.set(m.ruleId, (found.get(m.ruleId) ?? 0) + 1);
  return found;
}

export class Baseline {
  private readonly counts: Counts;
  private readonly stale: StaleSuppression[] = [];
  /** Files judged, and files renamed away by --fix (their entries are stale or pruned as a gone file's). */
  private readonly judged = new Set<string>();
  private readonly renamedAway = new Set<string>();

  private constructor(
    private readonly options: SuppressionsOptions,
    private readonly cwd: string,
    readonly file: string,
    private readonly read: SuppressionsFile,
  ) {
    this.counts = read.counts;
  }

  /** Reads the suppressions file: throws SuppressionsError for a damaged one, before anything is linted. */
  static open(options: SuppressionsOptions, cwd: string): Baseline {
    const file = path.resolve(cwd, options.file ?? DEFAULT_SUPPRESSIONS_LOCATION);
    return new Baseline(options, cwd, file, readSuppressions(file, options.file ?? DEFAULT_SUPPRESSIONS_LOCATION));
  }

  /** A file's key: its path relative to cwd, with / separators. */
  keyOf(file: string): string {
    return path.relative(this.cwd, file).split(path.sep).join('/');
  }

  /**
   * Splits a result's messages into those still reported and those the baseline suppresses (after recording
   * or pruning the file's entries, with suppress or prune). The caller recomputes the counts.
   */
  apply(result: LintResult): { messages: LintMessage[]; suppressed: SuppressedMessage[] } {
    const key = this.keyOf(result.renamedTo ?? result.filePath);
    if (result.renamedTo) this.renamedAway.add(this.keyOf(result.filePath));
    const found = countByRule(result.messages);
    if (!result.messages.some((m) => m.fatal || m.internal)) this.judge(key, found);
    const allowed = this.counts.get(key);
    if (!allowed) return { messages: result.messages, suppressed: [] };
    const messages: LintMessage[] = [];
    const suppressed: SuppressedMessage[] = [];
    for (const m of result.messages) {
      if (counted(m) && found.get(m.ruleId)! <= (allowed.get(m.ruleId) ?? 0)) suppressed.push({ ...m, suppressions: [{ kind: 'baseline', justification: '' }] });
      else messages.push(m);
    }
    return { messages, suppressed };
  }

  /** Records or prunes a file's entries as asked, then notes those that allow more than it has. */
  private judge(key: string, found: Map<string, number>): void {
    this.judged.add(key);
    const { suppress, prune } = this.options;
    const entry = new Map(this.counts.get(key));
    if (suppress === 'all') {
      entry.clear();
      for (const [rule, n] of found) entry.set(rule, n);
    } else if (suppress) {
      for (const rule of suppress) {
        if (found.has(rule)) entry.set(rule, found.get(rule)!);
        else entry.delete(rule);
      }
    }
    for (const [rule, allowed] of entry) {
      const now = found.get(rule) ?? 0;
      if (now >= allowed) continue;
      if (!prune) this.stale.push({ file: key, rule, allowed, found: now });
      else if (now === 0) entry.delete(rule);
      else entry.set(rule, now);
    }
    this.set(key, entry);
  }

  private set(key: string, entry: Map<string, number>): void {
    if (entry.size) this.counts.set(key, entry);
    else this.counts.delete(key);
  }

  /**
   * After the last result: judges the entries of files that are gone (renamed away, or missing within what
   * `covers`), writes the file when suppress or prune changed it, and says what is stale and whether the
   * write failed.
   */
  async finish(covers: Covers): Promise<SuppressionsOutcome> {
    const { suppress, prune } = this.options;
    for (const [key, entry] of [...this.counts]) {
      if (this.judged.has(key)) continue;
      const file = path.resolve(this.cwd, key);
      if (!this.renamedAway.has(key) && !(covers(file) && !existsSync(file))) continue;
      const left = new Map(entry);
      if (suppress === 'all' || prune) left.clear();
      else if (suppress) for (const rule of suppress) left.delete(rule);
      for (const [rule, allowed] of left) this.stale.push({ file: key, rule, allowed, found: null });
      this.set(key, left);
    }
    let written = false;
    if (suppress || prune) {
      const text = formatCounts(this.counts);
      if (text !== this.read.text) {
        try {
          await writeSuppressions(this.file, this.options.file ?? DEFAULT_SUPPRESSIONS_LOCATION, text, this.read);
          written = true;
        } catch (err) {
          if (!(err instanceof SuppressionsError)) throw err;
          return { file: this.file, stale: this.stale, written, error: err.message };
        }
      }
    }
    return { file: this.file, stale: this.stale, written, error: null };
  }
}
