// Runs rules over one article and applies their fixes in passes until the text is stable.

import path from 'node:path';
import { Article, type ArticleFormat, type FileFacts } from '../parse/article.js';
import type { Site } from '../generators/index.js';
import { ArticleError } from '../parse/errors.js';
import { RuleFixer } from './rule-fixer.js';
import { applyFixes, mergeFixes } from './source-fixer.js';
import { applyDirectives, type UnusedSetting } from './directives.js';
import type { Fix, LintMessage, Range, ReportDescriptor, Rule, RuleContext, SuppressedMessage } from '../types.js';

/** A rule with the severity and options the configuration gives it. */
export interface ConfiguredRule {
  rule: Rule;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface LintTextOptions {
  filePath?: string;
  format?: ArticleFormat;
  rules: ConfiguredRule[];
  /** The post's site (generator and settings); a rootless Hexo site when absent. */
  site?: Site;
  /** Facts about the file the text was read from. */
  file?: FileFacts | null;
  /** Every rule id that exists, enabled or not: a directive naming another is reported. Absent: any id is accepted. */
  knownRuleIds?: ReadonlySet<string>;
  /** Report inline directives that suppress nothing (src/engine/directives.ts), at this severity. */
  reportUnusedDisableDirectives?: UnusedSetting;
}

/** A text's messages, and those its inline directives suppressed. */
export interface LintOutcome {
  messages: LintMessage[];
  suppressedMessages: SuppressedMessage[];
}

export interface FixOutcome extends LintOutcome {
  output: string;
  /** Fix passes that changed the text. */
  passes: number;
  /**
   * How many of the messages are about the fixing (fixes left out because the text would not parse, circular
   * fixes) rather than problems of the output. With none, the messages are exactly lintText(output)'s.
   */
  notes: number;
}

export const MAX_FIX_PASSES = 10;

/** A rule broke the engine's contract (a fix from a non-fixable rule, an out-of-range report) or threw. */
export class RuleError extends Error {
  constructor(readonly ruleId: string, message: string) {
    super(`rule "${ruleId}": ${message}`);
    this.name = 'RuleError';
  }
}

/** Lints a text (decoded, BOM removed). File-level problems come back as one fatal message. */
export function lintText(text: string, options: LintTextOptions): LintMessage[] {
  return lintTextOutcome(text, options).messages;
}

/** Lints a text, as lintText does, keeping the messages inline directives suppressed. */
export function lintTextOutcome(text: string, options: LintTextOptions): LintOutcome {
  let article: Article;
  try {
    article = new Article(text, options);
  } catch (err) {
    if (!(err instanceof ArticleError)) throw err;
    return { messages: [fatalMessage(err.message, text, err.offset)], suppressedMessages: [] };
  }
  const messages: LintMessage[] = [];
  if (article.markdown.unparsed) {
    const { line, column } = article.position(article.bodyStart);
    messages.push({ ruleId: null, severity: 1, message: `the body was not checked and is left as it is: ${article.markdown.unparsed}`, line, column });
  }
  for (const configured of options.rules) runRule(article, configured, messages);
  const outcome = applyDirectives(article, messages, { knownRuleIds: options.knownRuleIds, reportUnused: options.reportUnusedDisableDirectives });
  outcome.messages.sort(compareMessages);
  outcome.suppressedMessages.sort(compareMessages);
  return outcome;
}

function runRule(article: Article, { rule, severity, options }: ConfiguredRule, out: LintMessage[]): void {
  const { id, fixable, messages: templates } = rule.meta;
  const text = article.text;
  const context: RuleContext = {
    ruleId: id,
    article,
    options,
    report(d: ReportDescriptor) {
      const [start, end] = d.range;
      if (!(start >= 0 && end >= start && end <= text.length)) {
        throw new RuleError(id, `reported range [${start}, ${end}) lies outside the file`);
      }
      const a = article.position(start);
      const b = article.position(end);
      const message: LintMessage = {
        ruleId: id,
        severity,
        message: messageText(id, d, templates),
        line: a.line,
        column: a.column,
        endLine: b.line,
        endColumn: b.column,
      };
      const fix = d.fix ? d.fix(new RuleFixer(text)) : null;
      if (fix && (!Array.isArray(fix) || fix.length)) {
        if (!fixable) throw new RuleError(id, 'returned a fix but its meta does not declare it fixable');
        message.fix = checkFix(id, text, Array.isArray(fix) ? mergeFixes(text, fix) : fix);
      }
      if (d.rename) {
        if (!fixable) throw new RuleError(id, 'offered a rename but its meta does not declare it fixable');
        message.rename = { to: checkRename(id, article.filePath, d.rename) };
      }
      out.push(message);
    },
  };
  try {
    rule.check(context);
  } catch (err) {
    if (err instanceof RuleError) throw err;
    throw new RuleError(id, `crashed on ${article.filePath}: ${(err as Error)?.stack ?? err}`);
  }
}

function checkFix(id: string, text: string, fix: Fix): Fix {
  const [a, b] = fix.range;
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= a && b <= text.length) || typeof fix.text !== 'string') {
    throw new RuleError(id, `returned an invalid fix ${JSON.stringify(fix)}`);
  }
  return { range: [a, b], text: fix.text };
}

/** A rename's target as an absolute path: relative to the file's folder; never the file itself. */
function checkRename(id: string, filePath: string, to: unknown): string {
  const from = path.resolve(filePath);
  const target = typeof to === 'string' && !to.includes('\0') ? path.resolve(path.dirname(from), to) : null;
  if (!target || target === from || path.basename(target) === '') throw new RuleError(id, `returned an invalid rename ${JSON.stringify(to)}`);
  return target;
}

function messageText(id: string, d: ReportDescriptor, templates?: Record<string, string>): string {
  let template = d.message;
  if (d.messageId !== undefined) {
    template = templates?.[d.messageId];
    if (template === undefined) throw new RuleError(id, `reported unknown messageId "${d.messageId}"`);
  }
  if (template === undefined) throw new RuleError(id, 'reported a problem without a message');
  const data = d.data ?? {};
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}

export function fatalMessage(message: string, text: string, offset = 0): LintMessage {
  const { line, column } = positionIn(text, offset);
  return { ruleId: null, severity: 2, fatal: true, message, line, column };
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.max(offset, 0) - lineStart + 1 };
}

export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId));
}

/**
 * Lints and fixes until nothing changes, as ESLint's linter does: at most MAX_FIX_PASSES passes, stopping
 * early on a circular fix (the text returns to what it was two passes ago). The messages describe the
 * final text. A pass whose output no longer parses is thrown away and reported.
 */
export function fixText(text: string, options: LintTextOptions): FixOutcome {
  let current = text;
  let previous: string | undefined;
  let passes = 0;
  let outcome = lintTextOutcome(current, options);
  let messages = outcome.messages;
  const notes: LintMessage[] = [];
  while (passes < MAX_FIX_PASSES && !messages.some((m) => m.fatal)) {
    const { output, applied } = applyFixes(current, messages);
    if (!applied.length || output === current) break;
    const nextOutcome = lintTextOutcome(output, options);
    const next = nextOutcome.messages;
    if (next.some((m) => m.fatal)) {
      // Find the rules whose fixes alone break the file; drop their fixes (they are no longer offered as
      // fixable) and go on with the others. When only the combination breaks, stop as before.
      const ids = [...new Set(applied.map((m) => m.ruleId))];
      const parses = (t: string) => !lintText(t, { ...options, rules: [] }).some((m) => m.fatal);
      const culprits = ids.length > 1 ? ids.filter((id) => !parses(applyFixes(current, messages.filter((m) => m.ruleId === id)).output)) : ids;
      const blamed = culprits.length ? culprits : ids;
      notes.push({
        ruleId: null,
        severity: 2,
        message: `fixes by ${blamed.join(', ')} were not applied: the fixed text would not parse (${next.find((m) => m.fatal)!.message})`,
        line: 1,
        column: 1,
      });
      messages = messages.map((m) => (m.fix && blamed.includes(m.ruleId) ? withoutFix(m) : m));
      if (culprits.length) continue;
      break;
    }
    passes++;
    if (output === previous) {
      notes.push({
        ruleId: null,
        severity: 1,
        message: `circular fixes: the text returned to an earlier state after pass ${passes}; stopped fixing`,
        line: 1,
        column: 1,
      });
      previous = current;
      current = output;
      outcome = nextOutcome;
      messages = next;
      break;
    }
    previous = current;
    current = output;
    outcome = nextOutcome;
    messages = next;
  }
  const all = [...notes, ...messages].sort(compareMessages);
  return { output: current, messages: all, suppressedMessages: outcome.suppressedMessages, passes, notes: notes.length };
}

function withoutFix(m: LintMessage): LintMessage {
  const { fix: _fix, ...rest } = m;
  return rest;
}

export type { Range };
