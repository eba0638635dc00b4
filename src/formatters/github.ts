// GitHub Actions workflow commands: one `::error …::message` or `::warning …::message` line per problem, which
// the runner turns into annotations on the run and on the pull request's diff.
//
// GitHub annotates only the first 10 errors and the first 10 warnings of a step (and drops the rest from the
// summary; the log keeps every line). Errors matter more, so they come first: the writer streams each error as
// it arrives and holds the warnings (as their finished lines) until end(). That is the one thing it holds, and it
// grows with the warnings reported (--quiet drops them). A last `::notice::` counts what GitHub did not annotate.
//
// Escaping is @actions/core's (toolkit packages/core/src/command.ts): in the message `%`, CR and LF become
// %25, %0D, %0A; in properties `:` and `,` also become %3A and %2C. Other control, separator and bidi
// characters, which the runner would pass through to the log, are written as visible \uXXXX.

import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { escapeControl } from './escape.js';
import { reportPath } from './words.js';

/** How many annotations of each kind (error, warning) GitHub shows for one step. */
export const ANNOTATION_LIMIT = 10;

export function escapeData(s: string): string {
  return escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = ({ cwd }) => {
  let errors = 0;
  let warnings: string[] = [];
  return {
    file(r) {
      const file = reportPath(cwd, r.filePath);
      let out = '';
      for (const m of r.messages) {
        const line = command(file, m);
        if (m.severity === 2) {
          errors++;
          out += line;
        } else warnings.push(line);
      }
      return out;
    },
    end() {
      const out = warnings.join('');
      const hidden = (n: number, word: string) => `${Math.max(0, n - ANNOTATION_LIMIT)} ${word}${n - ANNOTATION_LIMIT === 1 ? '' : 's'}`;
      const note =
        errors > ANNOTATION_LIMIT || warnings.length > ANNOTATION_LIMIT
          ? `::notice title=newslint::${hidden(errors, 'error')} and ${hidden(warnings.length, 'warning')} beyond GitHub's ${ANNOTATION_LIMIT} per step were not annotated; see the full report in this step's log\n`
          : '';
      warnings = [];
      return out + note;
    },
  };
};

/** One annotation. GitHub drops the columns of a range spanning several lines, so such a range gives lines only. */
function command(file: string, m: LintMessage): string {
  const props = [`file=${escapeProperty(file)}`, `line=${m.line}`];
  const endLine = m.endLine ?? m.line;
  if (endLine === m.line) {
    props.push(`col=${m.column}`);
    if (m.endColumn !== undefined && m.endColumn >= m.column) props.push(`endLine=${endLine}`, `endColumn=${m.endColumn}`);
  } else if (endLine > m.line) props.push(`endLine=${endLine}`);
  props.push(`title=${escapeProperty(m.ruleId ? `newslint(${m.ruleId})` : 'newslint')}`);
  return `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}\n`;
}
