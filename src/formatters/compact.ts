// ESLint's old compact shape: one line per problem, `path:line:col: severity message [rule-id]`, then a count.
// Grep- and editor-friendly (`file:line:col:` is what quickfix lists jump to).

import type { Formatter } from './index.js';
import { escapeControl } from './escape.js';
import { plural, reportPath } from './words.js';

export const compact: Formatter = ({ cwd }) => {
  let total = 0;
  return {
    file(r) {
      if (!r.messages.length) return '';
      total += r.messages.length;
      const name = escapeControl(reportPath(cwd, r.filePath));
      let out = '';
      for (const m of r.messages) {
        const rule = m.ruleId ? ` [${m.ruleId}]` : '';
        out += `${name}:${m.line}:${m.column}: ${m.severity === 2 ? 'error' : 'warning'} ${escapeControl(m.message)}${rule}\n`;
      }
      return out;
    },
    end: () => (total ? `\n${plural(total, 'problem')}\n` : ''),
  };
};
