// The HTML report: one self-contained page (no network, no external resource) for the person cleaning thousands
// of posts. It streams like the other formatters: the head and each file's section are written as the results
// come, while the totals and charts are counted; end() writes them, and the style sheet shows them first. The
// page reads without JavaScript; its one script (allowed by hash, see html-assets.ts) adds the filters.
// Everything that comes from a post (paths, messages, excerpts) is escaped, its control characters shown.

import path from 'node:path';
import { escapeUTF8 } from 'entities';
import type { FileResult } from '../api.js';
import type { LintMessage } from '../types.js';
import type { Formatter, FormatterContext } from './index.js';
import { escapeControl, escapeMultiline } from './escape.js';
import { excerpt, sourceOf, type SourceLines } from './excerpt.js';
import { CSP, SCRIPT, STYLE } from './html-assets.js';
import { plural, shown } from './words.js';

/** How many folders the folder chart shows (the largest); the rule chart shows every rule hit. */
export const MAX_FOLDER_BARS = 20;

/** Text from content, for an element's text or an attribute's value: controls shown, markup escaped. */
export const escapeText = (s: string): string => escapeUTF8(escapeControl(s));

export const html: Formatter = (context) => {
  const totals: Totals = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, fixable: 0, suppressed: 0 };
  const rules = new Map<string, number>();
  const folders = new Map<string, number>();
  let started = false;
  const head = () => {
    if (started) return '';
    started = true;
    return HEAD;
  };
  return {
    file(r) {
      totals.files++;
      totals.suppressed += r.suppressedMessages?.length ?? 0;
      if (!r.messages.length) return head();
      const folder = folderOf(r.filePath, context.cwd);
      totals.filesWithProblems++;
      totals.errors += r.errorCount;
      totals.warnings += r.warningCount;
      totals.fixable += r.fixableErrorCount + r.fixableWarningCount;
      for (const m of r.messages) add(rules, m.ruleId ?? '');
      add(folders, folder, r.messages.length);
      return head() + fileSection(r, folder, context);
    },
    end() {
      return `${head()}${summary(totals, rules, folders)}</div><script>${SCRIPT}</script></body></html>\n`;
    },
  };
};

const HEAD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newslint report</title><style>${STYLE}</style></head>
<body><div id="page">
`;

function add(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The file's folder, relative to the working directory ('.' for the working directory itself). */
function folderOf(file: string, cwd: string): string {
  const dir = path.dirname(file);
  return path.resolve(dir) === path.resolve(cwd) ? '.' : shown(dir, cwd);
}

function fileSection(r: FileResult, folder: string, context: FormatterContext): string {
  const source = sourceOf(r);
  const counts = [r.errorCount && plural(r.errorCount, 'error'), r.warningCount && plural(r.warningCount, 'warning')].filter(Boolean);
  return `<section class="file" data-folder="${escapeText(folder)}"><h2><span class="path">${escapeText(shown(r.filePath, context.cwd))}</span> <small>(${counts.join(', ')})</small></h2><ol>
${r.messages.map((m) => problem(m, source, context)).join('\n')}
</ol></section>
`;
}

function problem(m: LintMessage, source: SourceLines | null, { rulesMeta }: FormatterContext): string {
  const severity = m.severity === 2 ? 'error' : 'warning';
  const fixable = Boolean(m.fix || m.rename);
  const rule = m.ruleId ?? '';
  const docs = rulesMeta[rule]?.docs;
  const ruleHtml = !rule
    ? ''
    : docs && /^https?:\/\//i.test(docs)
      ? ` <a class="rule" href="${escapeText(docs)}">${escapeText(rule)}</a>`
      : ` <span class="rule">${escapeText(rule)}</span>`;
  return (
    `<li class="problem ${severity}" data-rule="${escapeText(rule)}" data-severity="${severity}"${fixable ? ' data-fixable' : ''}>` +
    `<span class="pos">${m.line}:${m.column}</span><span class="sev">${m.fatal ? 'fatal ' : ''}${severity}</span>` +
    `<span class="msg">${escapeText(m.message)}</span>${ruleHtml}${fixable ? ' <span class="fix">fixable</span>' : ''}` +
    `${source ? excerptHtml(source, m) : ''}</li>`
  );
}

function excerptHtml(source: SourceLines, m: LintMessage): string {
  const lines = excerpt(source, m);
  if (!lines.length) return '';
  const text = (s: string) => escapeUTF8(escapeMultiline(s));
  const rows = lines.map(
    (l) =>
      `<span class="ln">${l.number}</span>${l.cutBefore ? '<span class="cut">…</span>' : ''}${text(l.before)}` +
      `<mark${l.marked ? '' : ' class="point"'}>${text(l.marked)}</mark>${text(l.after)}${l.cutAfter ? '<span class="cut">…</span>' : ''}`,
  );
  return `<pre class="excerpt">${rows.join('\n')}</pre>`;
}

interface Totals {
  /** Files checked. */
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  fixable: number;
  suppressed: number;
}

function summary(t: Totals, rules: Map<string, number>, folders: Map<string, number>): string {
  const total = (key: string, n: number, label: string) => `<li class="${key}"><b data-total="${key}">${n}</b>${label}</li>`;
  const problems = t.errors + t.warnings;
  const cards = [
    total('problems', problems, 'problems'),
    total('errors', t.errors, 'errors'),
    total('warnings', t.warnings, 'warnings'),
    total('fixable', t.fixable, 'fixable with --fix'),
    total('files', t.filesWithProblems, `files with problems, of ${t.files} checked`),
  ];
  if (t.suppressed) cards.push(`<li class="suppressed"><b>${t.suppressed}</b>suppressed</li>`);
  const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const ruleRows = byCount(rules);
  const folderRows = byCount(folders);
  const shownFolders = folderRows.slice(0, MAX_FOLDER_BARS);
  const options = (rows: [string, number][], label: (k: string) => string) =>
    rows.map(([k]) => `<option value="${escapeText(k)}">${escapeText(label(k))}</option>`).join('');
  const ruleLabel = (k: string) => k || '(no rule)';
  const folderLabel = (k: string) => k;
  const more = folderRows.length - shownFolders.length;
  return `<section id="summary">
<h1>newslint report</h1>
<ul class="totals">${cards.join('')}</ul>
${
  problems === 0
    ? '<p class="empty">No problems found.</p>'
    : `<form id="filters" hidden>
<label>Rule <select id="filter-rule"><option value="">all rules</option>${options(ruleRows, ruleLabel)}</select></label>
<label>Folder <select id="filter-folder"><option value="">all folders</option>${options(folderRows, folderLabel)}</select></label>
<label><input type="checkbox" id="filter-error" checked> errors</label>
<label><input type="checkbox" id="filter-warning" checked> warnings</label>
</form>
<div class="charts">
<div class="chart"><h3>Problems per rule</h3><ol>${bars('rule', ruleRows, ruleLabel)}</ol></div>
<div class="chart"><h3>Problems per folder</h3><ol>${bars('folder', shownFolders, folderLabel)}</ol>${
        more ? `<p class="more">and ${plural(more, 'more folder')} (choose them in the Folder filter)</p>` : ''
      }</div>
</div>`
}
</section>
`;
}

function bars(kind: 'rule' | 'folder', rows: [string, number][], label: (k: string) => string): string {
  const max = rows.reduce((m, [, n]) => Math.max(m, n), 0);
  return rows
    .map(
      ([key, n]) =>
        `<li><button type="button" class="bar" data-${kind}="${escapeText(key)}" title="${escapeText(label(key))}">` +
        `<span class="label">${escapeText(label(key))}</span><span class="track"><span class="fill" style="width:${max ? (100 * n) / max : 0}%"></span></span>` +
        `<span class="n">${n}</span></button></li>`,
    )
    .join('');
}
