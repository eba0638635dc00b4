// The human report: problems grouped by file, then a summary with what --fix can repair.

import { Chalk } from 'chalk';
import type { Formatter } from './index.js';
import { escapeControl } from './escape.js';
import { plural, shown } from './words.js';

export const stylish: Formatter = ({ cwd, color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let files = 0;
  return {
    file(r) {
      if (!r.messages.length) return '';
      files++;
      errors += r.errorCount;
      warnings += r.warningCount;
      fixableErrors += r.fixableErrorCount;
      fixableWarnings += r.fixableWarningCount;
      const lines = ['', c.underline(escapeControl(shown(r.filePath, cwd)))];
      const rows = r.messages.map((m) => [
        `${m.line}:${m.column}`,
        m.severity === 2 ? 'error' : 'warning',
        escapeControl(m.message),
        m.ruleId ?? '',
        m.fix || m.rename ? 'fixable' : '',
      ]);
      const w0 = rows.reduce((w, row) => Math.max(w, row[0].length), 0); // no spread: a file can have 100,000s of rows
      for (const [pos, sev, msg, rule, fix] of rows) {
        const sevText = sev === 'error' ? c.red(sev.padEnd(7)) : c.yellow(sev.padEnd(7));
        const tail = [rule && c.dim(rule), fix && c.green(fix)].filter(Boolean).join(' ');
        lines.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}${tail ? `  ${tail}` : ''}`);
      }
      return `${lines.join('\n')}\n`;
    },
    end() {
      const total = errors + warnings;
      if (total === 0) return '';
      const mark = errors ? c.red.bold('✖') : c.yellow.bold('⚠');
      const lines = [
        '',
        `${mark} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}`,
      ];
      if (fixableErrors + fixableWarnings) {
        lines.push(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
};
