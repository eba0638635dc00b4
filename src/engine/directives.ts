// Inline directives: `<!-- newslint-disable … -->` comments in an article's body, and what they do to the
// rules' messages, as ESLint's eslint-disable comments do (lib/linter/apply-disable-directives.js).
//
//   <!-- newslint-disable [ids] -->            from here on (to an enable, or the end of the file)
//   <!-- newslint-enable [ids] -->             ends a disable (of those rules only, with ids)
//   <!-- newslint-disable-line [ids] -->       the comment's line
//   <!-- newslint-disable-next-line [ids] -->  the line after the comment's
//
// Ids are separated by commas and/or spaces; none means every rule; ` -- reason` after them is the
// suppression's justification. A directive is an HTML comment where the site generator sees one: any comment
// of an HTML body; in a Markdown body, a comment in raw HTML (never in code, nor text micromark reads as
// something else); never in front matter. A message is suppressed by where it starts. See docs/directives.md.

import type { Article } from '../parse/article.js';
import type { LintMessage, Range, SuppressedMessage } from '../types.js';
import { mergeRanges } from '../util/ranges.js';

export type DirectiveType = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
export type UnusedSetting = 'off' | 'warn' | 'error';

export interface DirectiveId {
  id: string;
  range: Range;
}

export interface Directive {
  type: DirectiveType;
  /** The whole comment, `<!--` to `-->`. */
  range: Range;
  /** The rule ids it names, where; empty for every rule. */
  ids: DirectiveId[];
  /** The text after ` -- `, or ''. */
  justification: string;
  /** Why the directive does nothing (a line directive spanning lines), or null. */
  error: string | null;
}

export interface DirectiveOptions {
  /** Every rule id that exists (enabled or not); an id outside it is reported. Absent: any id is accepted. */
  knownRuleIds?: ReadonlySet<string>;
  /** Report directives (and ids in them) that suppress nothing, at this severity. Default 'off'. */
  reportUnused?: UnusedSetting;
}

export interface Applied {
  messages: LintMessage[];
  suppressedMessages: SuppressedMessage[];
}

/** A config's or option's setting as a severity: `true` is "warn" (as in ESLint's config), absent is "off". */
export function unusedSetting(value: UnusedSetting | boolean | undefined): UnusedSetting {
  return value === true ? 'warn' : value === false || value === undefined ? 'off' : value;
}

const DIRECTIVE = /^\s*newslint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
const JUSTIFICATION = /\s-{2,}\s/;
const ID = /[^\s,]+/g;

/** The directives of an article's body, in source order. */
export function findDirectives(article: Article): Directive[] {
  const { text } = article;
  const html = article.format === 'markdown' ? article.markdown.htmlRanges : null;
  const out: Directive[] = [];
  for (const comment of article.html.comments) {
    const loc = comment.sourceCodeLocation;
    if (!loc) continue;
    const start = loc.startOffset;
    const end = loc.endOffset;
    if (!text.startsWith('<!--', start) || !text.startsWith('-->', end - 3) || end - start < 7) continue; // unclosed or `<!-->`
    if (html && !inside(html, start)) continue;
    const data = text.slice(start + 4, end - 3);
    const m = DIRECTIVE.exec(data);
    if (!m) continue;
    const type = m[1] as DirectiveType;
    const rest = data.slice(m[0].length);
    const split = JUSTIFICATION.exec(rest);
    const list = split ? rest.slice(0, split.index) : rest;
    const justification = split ? rest.slice(split.index + split[0].length).trim() : '';
    const base = start + 4 + m[0].length;
    const ids: DirectiveId[] = [];
    for (const id of list.matchAll(ID)) ids.push({ id: id[0], range: [base + id.index, base + id.index + id[0].length] });
    const lineDirective = type === 'disable-line' || type === 'disable-next-line';
    const multiline = lineDirective && article.position(start).line !== article.position(end).line;
    out.push({ type, range: [start, end], ids, justification, error: multiline ? `newslint-${type} comment should not span multiple lines` : null });
  }
  return out.sort((a, b) => a.range[0] - b.range[0]); // tree order is source order, except where parse5 moves nodes
}

/** One rule id of a directive (or its every-rule entry, ruleId null): what suppresses, and is used or not. */
interface Entry {
  directive: Directive;
  ruleId: string | null;
  /** The id's place in directive.ids. */
  index?: number;
}

/** Offsets [start, end) where a rule is off, and the entry that turns it off. */
interface Span {
  start: number;
  end: number;
  entry: Entry;
}

/**
 * Applies the article's directives to the rules' messages: a message of a rule that starts where the rule is
 * disabled moves to suppressedMessages; a fix of a reported message that would edit text where its rule is
 * disabled, or a directive comment, is dropped. Adds the directives' own problems (an unknown rule id, a line
 * directive spanning lines) and, with reportUnused, those that suppress nothing, with a fix that removes them.
 */
export function applyDirectives(article: Article, messages: LintMessage[], options: DirectiveOptions = {}): Applied {
  const directives = findDirectives(article);
  if (!directives.length) return { messages, suppressedMessages: [] };
  const problems: LintMessage[] = [];
  const entries: Entry[] = [];
  for (const directive of directives) {
    if (directive.error) {
      problems.push(at(article, directive.range[0], directive.error, 2));
      continue;
    }
    if (!directive.ids.length) entries.push({ directive, ruleId: null });
    directive.ids.forEach((id, index) => {
      if (options.knownRuleIds && !options.knownRuleIds.has(id.id)) {
        const near = [...options.knownRuleIds].find((known) => known.endsWith(`/${id.id}`)); // a plugin rule's bare id
        const hint = near ? `; did you mean '${near}'?` : '';
        problems.push(at(article, id.range[0], `Definition for rule '${id.id}' was not found (newslint-${directive.type} directive)${hint}`, 2));
      } else {
        entries.push({ directive, ruleId: id.id, index });
      }
    });
  }
  const spans = new Spans(article, entries);
  const comments = directives.map((d) => d.range);
  const used = new Set<Entry>();
  const reported: LintMessage[] = [];
  const suppressed: SuppressedMessage[] = [];
  for (const m of messages) {
    if (m.ruleId === null || m.fatal) {
      reported.push(m);
      continue;
    }
    const offset = article.lines.lineStart(m.line) + m.column - 1;
    const entry = spans.suppressing(m.ruleId, offset);
    if (entry) {
      used.add(entry);
      suppressed.push({ ...m, suppressions: [{ kind: 'directive', justification: entry.directive.justification }] });
    } else if (m.fix && (spans.protects(m.ruleId, m.fix.range) || touches(comments, m.fix.range))) {
      const { fix: _fix, ...rest } = m;
      reported.push(rest);
    } else {
      reported.push(m);
    }
  }
  const severity = options.reportUnused === 'warn' ? 1 : options.reportUnused === 'error' ? 2 : 0;
  const unused = severity ? unusedProblems(article, entries, used, severity) : [];
  return { messages: reported.concat(problems, unused), suppressedMessages: suppressed };
}

/**
 * Where each rule is disabled: by block directives (disable/enable), then by line directives, as ESLint applies
 * them; and the text its fixes must leave alone. Computed per rule on first use; lookups are binary searches,
 * so that a post with many directives and many problems stays linear.
 */
class Spans {
  private readonly rules = new Map<string, { block: Span[]; line: Span[]; protect: Range[] }>();
  private readonly blockEntries: Entry[];
  private readonly lineEntries: Entry[];

  constructor(
    private readonly article: Article,
    entries: Entry[],
  ) {
    this.blockEntries = entries.filter((e) => e.directive.type === 'disable' || e.directive.type === 'enable');
    this.lineEntries = entries.filter((e) => e.directive.type === 'disable-line' || e.directive.type === 'disable-next-line');
  }

  /** The entry that suppresses a message of the rule starting at `offset`, or null. */
  suppressing(ruleId: string, offset: number): Entry | null {
    const { block, line } = this.of(ruleId);
    return holding(block, offset) ?? holding(line, offset);
  }

  /** Whether an edit of `range` would change text where the rule is disabled. */
  protects(ruleId: string, range: Range): boolean {
    return touches(this.of(ruleId).protect, range);
  }

  private of(ruleId: string) {
    let spans = this.rules.get(ruleId);
    if (!spans) {
      const block = this.blockSpans(ruleId);
      const { suppress, protect } = this.lineSpans(ruleId);
      spans = { block, line: suppress, protect: mergeRanges([...block.map((s): Range => [s.start, s.end]), ...protect]) };
      this.rules.set(ruleId, spans);
    }
    return spans;
  }

  /**
   * ESLint's sweep, for one rule: a disable of every rule holds until an enable of every rule, except where
   * an enable of this rule follows it (until a later disable); a disable of this rule holds until an enable
   * of it or of every rule. The spans are sorted and disjoint.
   */
  private blockSpans(ruleId: string): Span[] {
    const spans: Span[] = [];
    let all: Entry | null = null;
    let own: Entry | null = null;
    let enabled = false;
    let open: Span | null = null;
    const end = this.article.text.length + 1; // a message may start at the very end
    for (const e of this.blockEntries) {
      if (e.ruleId !== null && e.ruleId !== ruleId) continue;
      const disable = e.directive.type === 'disable';
      if (e.ruleId === null) {
        all = disable ? e : null;
        own = null;
        enabled = false;
      } else {
        own = disable ? e : null;
        enabled = !disable;
      }
      const by = own ?? (all && !enabled ? all : null);
      const at = e.directive.range[0];
      if (open && open.entry === by) continue;
      if (open) open.end = at;
      open = by ? { start: at, end, entry: by } : null;
      if (open) spans.push(open);
    }
    return spans.filter((s) => s.end > s.start);
  }

  /**
   * The lines line directives disable for one rule (`suppress`: whole lines, so two spans are the same line or
   * disjoint), and the text fixes must leave alone (`protect`).
   */
  private lineSpans(ruleId: string): { suppress: Span[]; protect: Range[] } {
    const { lines, text } = this.article;
    const lineEnd = (line: number) => (line < lines.lineCount ? lines.lineStart(line + 1) : text.length + 1);
    const suppress: Span[] = [];
    const protect: Range[] = [];
    for (const e of this.lineEntries) {
      if (e.ruleId !== null && e.ruleId !== ruleId) continue;
      const [start, end] = e.directive.range;
      const line = this.article.position(start).line;
      if (e.directive.type === 'disable-line') {
        suppress.push({ start: lines.lineStart(line), end: lineEnd(line), entry: e });
        protect.push([lines.lineStart(line), lineEnd(line)]);
      } else if (line < lines.lineCount) {
        suppress.push({ start: lines.lineStart(line + 1), end: lineEnd(line + 1), entry: e });
        // from the comment on: a fix that joined the next line to the comment's would move it out of reach
        protect.push([end, lineEnd(line + 1)]);
      }
    }
    suppress.sort((a, b) => a.start - b.start);
    return { suppress, protect };
  }
}

/** The entry of a span holding `offset`, among sorted spans that are disjoint or equal. */
function holding(spans: Span[], offset: number): Entry | null {
  let lo = 0;
  let hi = spans.length; // the first span starting after offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo - 1];
  return s && offset < s.end ? s.entry : null;
}

/** Whether an edit of [a, b) changes text inside sorted, disjoint ranges: replaces some of it, or inserts strictly inside. */
function touches(ranges: readonly Range[], [a, b]: Range): boolean {
  let lo = 0;
  let hi = ranges.length; // the first range ending after a
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo][0] < (a === b ? a : b);
}

function inside(ranges: Range[], offset: number): boolean {
  return touches(ranges, [offset, offset + 1]);
}

function at(article: Article, offset: number, message: string, severity: 1 | 2, fix?: LintMessage['fix']): LintMessage {
  const { line, column } = article.position(offset);
  return fix ? { ruleId: null, severity, message, line, column, fix } : { ruleId: null, severity, message, line, column };
}

/**
 * The directives that suppress nothing, as ESLint reports them: a comment none of whose ids is used is
 * removed whole; otherwise each unused id is removed from its list. Enable directives are not reported.
 */
function unusedProblems(article: Article, entries: Entry[], used: Set<Entry>, severity: 1 | 2): LintMessage[] {
  const byDirective = new Map<Directive, Entry[]>();
  for (const e of entries) {
    if (e.directive.type === 'enable' || used.has(e)) continue;
    const list = byDirective.get(e.directive);
    if (list) list.push(e);
    else byDirective.set(e.directive, [e]);
  }
  const problems: LintMessage[] = [];
  for (const [directive, unused] of byDirective) {
    const type = `newslint-${directive.type}`;
    if (unused.length === Math.max(directive.ids.length, 1)) {
      const names = unused.filter((e) => e.ruleId !== null).map((e) => `'${e.ruleId}'`);
      const from = names.length ? ` from ${names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')}, or ${names.at(-1)}`}` : '';
      problems.push(at(article, directive.range[0], `Unused ${type} directive (no problems were reported${from})`, severity, { range: commentRemoval(article, directive.range), text: '' }));
      continue;
    }
    const ids = directive.ids;
    for (const e of unused) {
      const i = e.index!;
      // the id and the separator after it; the last id, the separator before it
      const range: Range = i < ids.length - 1 ? [ids[i].range[0], ids[i + 1].range[0]] : [ids[i - 1].range[1], ids[i].range[1]];
      problems.push(at(article, ids[i].range[0], `Unused ${type} directive (no problems were reported from '${e.ruleId}')`, severity, { range, text: '' }));
    }
  }
  return problems;
}

const isBlank = (s: string) => /^[ \t]*$/.test(s);

/**
 * What to delete to remove a comment without changing what the rest renders to. Alone on its line: the line
 * (in Markdown, between two lines of text, the line is left empty: removing it would join them). Ending a
 * line: with the blanks before it (two trailing spaces are a Markdown line break). Starting one: with the
 * blanks after it (four would make the line code). Between words: with the blanks after it, if blanks precede.
 */
export function commentRemoval(article: Article, [start, end]: Range): Range {
  const { text, lines } = article;
  const first = article.position(start).line;
  const last = article.position(end).line;
  const lineStart = lines.lineStart(first);
  const next = last < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  const lineEnd = last < lines.lineCount ? next - (text[next - 2] === '\r' && text[next - 1] === '\n' ? 2 : 1) : text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (isBlank(before) && isBlank(after)) {
    const textAround =
      article.format === 'markdown' && first > 1 && last < lines.lineCount && !isBlank(lineText(article, first - 1)) && !isBlank(lineText(article, last + 1));
    return textAround ? [lineStart, lineEnd] : [lineStart, next];
  }
  const blanksAfter = /^[ \t]*/.exec(after)![0].length;
  if (isBlank(after)) return [start - /[ \t]*$/.exec(before)![0].length, end];
  if (isBlank(before)) return [start, end + blanksAfter];
  return /[ \t]$/.test(before) ? [start, end + blanksAfter] : [start, end];
}

function lineText(article: Article, line: number): string {
  const { lines, text } = article;
  const end = line < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  return text.slice(lines.lineStart(line), end).replace(/\r?\n$|\r$/, '');
}
