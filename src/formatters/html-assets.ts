// The HTML report's style sheet and script, kept apart from the markup that html.ts writes. Both are fixed
// text: nothing from a post is ever written here. The page's Content-Security-Policy allows this one script by
// its hash, so that no other script can run on the page, even one that slipped past the escaping.

import { createHash } from 'node:crypto';

export const STYLE = `
:root { color-scheme: light dark; --err: #c62828; --warn: #b26a00; --fix: #2e7d32; --line: #8884; --bar: #5c6bc0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; }
#page { display: flex; flex-direction: column; max-width: 1200px; margin: 0 auto; padding: 16px; gap: 16px; }
#summary { order: -1; }
/* a report over a large site lists tens of thousands of problems: the browser lays out only the files in view */
.file { content-visibility: auto; contain-intrinsic-size: auto 600px; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 15px; margin: 0; }
h3 { font-size: 13px; margin: 0 0 6px; text-transform: uppercase; letter-spacing: .04em; opacity: .75; }
.totals { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; padding: 0; list-style: none; }
.totals li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; }
.totals b { display: block; font-size: 22px; }
.totals .errors b { color: var(--err); }
.totals .warnings b { color: var(--warn); }
.totals .fixable b { color: var(--fix); }
#filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 0 0 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
.chart ol { list-style: none; margin: 0; padding: 0; }
.bar { display: grid; grid-template-columns: minmax(0, 14em) 1fr 4em; gap: 8px; align-items: center; width: 100%;
  padding: 2px 4px; border: 0; background: none; color: inherit; font: inherit; text-align: left; cursor: pointer; }
.bar[aria-pressed="true"] { outline: 2px solid var(--bar); border-radius: 4px; }
.bar .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar .track { height: 12px; background: var(--line); border-radius: 3px; overflow: hidden; }
.bar .fill { display: block; height: 100%; background: var(--bar); }
.bar .n { text-align: right; font-variant-numeric: tabular-nums; }
.more { opacity: .7; font-size: 12px; margin: 6px 0 0; }
.file { border: 1px solid var(--line); border-radius: 6px; }
.file > h2 { padding: 8px 12px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.file > ol { list-style: none; margin: 0; padding: 0; }
.problem { padding: 6px 12px; border-top: 1px solid var(--line); }
.problem:first-child { border-top: 0; }
.pos { font-family: ui-monospace, monospace; opacity: .8; margin-right: 8px; }
.sev { font-weight: 600; margin-right: 8px; }
.problem.error .sev { color: var(--err); }
.problem.warning .sev { color: var(--warn); }
.rule { margin-left: 8px; opacity: .8; }
.fix { margin-left: 8px; color: var(--fix); font-size: 12px; }
.msg { overflow-wrap: anywhere; }
.excerpt { margin: 6px 0 0; padding: 6px 8px; background: #8881; border-radius: 4px; overflow-x: auto;
  font: 12px/1.4 ui-monospace, monospace; white-space: pre; }
.excerpt .ln { display: inline-block; min-width: 4em; padding-right: 8px; text-align: right; opacity: .6; user-select: none; }
.excerpt mark { background: #f4433655; color: inherit; border-bottom: 2px solid var(--err); }
.excerpt mark.point::before { content: "\\25B8"; color: var(--err); }
.excerpt .cut { opacity: .6; }
.empty { font-size: 16px; }
`;

export const SCRIPT = `
(() => {
  'use strict';
  const byId = (id) => document.getElementById(id);
  const rule = byId('filter-rule');
  const folder = byId('filter-folder');
  const severity = { error: byId('filter-error'), warning: byId('filter-warning') };
  const sections = Array.from(document.querySelectorAll('section.file'));
  byId('filters').hidden = false;

  // the first option of each select is "all" (a folder may well be named *)
  const any = (select) => select.selectedIndex === 0;
  function count(map, key) { map.set(key, (map.get(key) || 0) + 1); }

  function drawBars(kind, counts) {
    const bars = Array.from(document.querySelectorAll('.bar[data-' + kind + ']'));
    let max = 0;
    for (const bar of bars) max = Math.max(max, counts.get(bar.dataset[kind]) || 0);
    for (const bar of bars) {
      const n = counts.get(bar.dataset[kind]) || 0;
      bar.querySelector('.n').textContent = String(n);
      bar.querySelector('.fill').style.width = (max ? (100 * n) / max : 0) + '%';
      const select = kind === 'rule' ? rule : folder;
      const selected = !any(select) && select.value === bar.dataset[kind];
      bar.setAttribute('aria-pressed', String(selected));
    }
  }

  // Faceted: the totals and the problems listed follow every filter; each chart follows the other filters,
  // so that its bars still show where to go next.
  function apply() {
    const totals = { problems: 0, errors: 0, warnings: 0, fixable: 0, files: 0 };
    const rules = new Map();
    const folders = new Map();
    for (const section of sections) {
      const inFolder = any(folder) || section.dataset.folder === folder.value;
      let shown = 0;
      for (const li of section.querySelectorAll('li.problem')) {
        const sev = li.dataset.severity;
        const inSeverity = severity[sev].checked;
        const inRule = any(rule) || li.dataset.rule === rule.value;
        if (inSeverity && inFolder) count(rules, li.dataset.rule);
        if (inSeverity && inRule) count(folders, section.dataset.folder);
        const visible = inSeverity && inRule && inFolder;
        li.hidden = !visible;
        if (!visible) continue;
        shown++;
        totals.problems++;
        totals[sev === 'error' ? 'errors' : 'warnings']++;
        if (li.hasAttribute('data-fixable')) totals.fixable++;
      }
      section.hidden = shown === 0;
      if (shown) totals.files++;
    }
    for (const el of document.querySelectorAll('[data-total]')) el.textContent = String(totals[el.dataset.total]);
    drawBars('rule', rules);
    drawBars('folder', folders);
  }

  function toggle(select, value) {
    if (!any(select) && select.value === value) select.selectedIndex = 0;
    else select.value = value;
    apply();
  }

  for (const bar of document.querySelectorAll('.bar[data-rule]')) bar.addEventListener('click', () => toggle(rule, bar.dataset.rule));
  for (const bar of document.querySelectorAll('.bar[data-folder]')) bar.addEventListener('click', () => toggle(folder, bar.dataset.folder));
  for (const input of [rule, folder, severity.error, severity.warning]) input.addEventListener('change', apply);
  apply();
})();
`;

/** The Content-Security-Policy value: nothing from the network, inline styles, and only SCRIPT runs. */
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;
