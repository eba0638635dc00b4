// The shapes shared by the engine, the rules and the formatters.
// Everything a lint run produces (LintMessage, LintResult) is plain, serialisable data:
// results can cross a worker boundary or sit in a cache without change.

import type { Article } from './parse/article.js';
import type { RuleFixer } from './engine/rule-fixer.js';

/** What rules may know about the file itself: read-only facts, nothing else of the file system. */
export interface FileFacts {
  readonly size: number;
  readonly mtime: Date;
  /** When the file was created, or null where the file system does not record it. */
  readonly birthtime: Date | null;
}

/** Half-open [start, end) offsets into Article.text (the decoded file, BOM excluded). */
export type Range = [number, number];

export type SeverityName = 'off' | 'warn' | 'error';
export type Severity = 0 | 1 | 2;

/** One text edit on the original source: replace text[range[0]..range[1]) with `text`. */
export interface Fix {
  range: Range;
  text: string;
}

export interface RuleMeta {
  /** Kebab-case id, unique among loaded rules, e.g. "image-alt". */
  id: string;
  /** One sentence: what the rule wants. Shown by `newslint rules`. */
  description: string;
  /** Whether the rule may return fixes. The engine refuses a fix from a rule that says false. */
  fixable: boolean;
  /** Severity under `newslint:recommended` (the default config). */
  severity: SeverityName;
  /** JSON Schema (draft-07) of the rule's options object; defaults are applied from it. */
  schema?: Record<string, unknown>;
  /** Link to the rule's documentation page. */
  docs: string;
  /** Message templates by id; `{{name}}` placeholders are filled from a report's `data`. */
  messages?: Record<string, string>;
}

export interface ReportDescriptor {
  /** Either a message, or the id of one of meta.messages plus its data. */
  message?: string;
  messageId?: string;
  data?: Record<string, string | number>;
  /** Where the problem is: offsets into Article.text. */
  range: Range;
  /**
   * Optional fix: return one edit or several (merged into one fix; they must not overlap),
   * or null for "no fix".
   */
  fix?: ((fixer: RuleFixer) => Fix | Fix[] | null | undefined) | null;
  /**
   * Optional fix of another kind: rename the file, to a path relative to its folder (or absolute). The rule
   * must be fixable. The API applies it with --fix, after the text fixes are written: atomically, and never
   * over an existing file.
   */
  rename?: string | null;
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly ruleId: string;
  readonly article: Article;
  /** The rule's options, validated against meta.schema and completed with its defaults. */
  readonly options: Options;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options = any> {
  meta: RuleMeta;
  /**
   * Checks what a JSON schema cannot (an IANA zone name, a regular expression) once, when the config is
   * read: returns what is wrong, or null. A wrong option stops the run with exit 2, naming file and rule.
   */
  validateOptions?(options: Options): string | null;
  check(context: RuleContext<Options>): void;
}

export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /** A rename that fixes the problem: the file's new absolute path. */
  rename?: { to: string };
  /** Set on file-level errors (unreadable, undecodable, unparsable): the file was not linted. */
  fatal?: boolean;
  /**
   * Set when the problem is not in the content but in the run (a rule failed, the fixed file could not be
   * written): the run exits 2.
   */
  internal?: boolean;
}

/**
 * Why a problem is not reported, as ESLint and SARIF say it: an inline directive in the file
 * (`<!-- newslint-disable… -->`, SARIF kind "inSource") or the baseline of accepted problems
 * (newslint-suppressions.json, SARIF kind "external").
 */
export interface Suppression {
  kind: 'directive' | 'baseline';
  /** The directive's `-- reason`, or '' when none was given. */
  justification: string;
}

/** A problem found but not reported, and what suppressed it. It counts in none of the result's counts. */
export interface SuppressedMessage extends LintMessage {
  suppressions: Suppression[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  /** Problems found but suppressed (ESLint's name); absent or empty when there are none. */
  suppressedMessages?: SuppressedMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, when fixing changed the file (BOM restored). Absent otherwise. */
  output?: string;
  /** Where --fix renamed the file to (a rename fix); `filePath` stays the path it was read from. */
  renamedTo?: string;
}
