'use strict';
// The problems left in a post, in Hexo's log: one line each, `newslint: path:line:col message (rule)`, errors
// with hexo.log.error and warnings with hexo.log.warn. Text from posts is printed with control characters escaped.

const path = require('node:path');

/** Logs a post's problems; returns how many are errors and warnings. */
function logProblems(hexo, file, problems) {
  const counts = { errors: 0, warnings: 0 };
  const shown = path.relative(hexo.base_dir, file).split(path.sep).join('/');
  for (const m of problems) {
    const rule = m.ruleId ? ` (${m.ruleId})` : '';
    const line = `newslint: ${escapeControl(shown)}:${m.line}:${m.column} ${escapeControl(m.message)}${rule}`;
    if (m.severity === 2) {
      counts.errors++;
      hexo.log.error(line);
    } else {
      counts.warnings++;
      hexo.log.warn(line);
    }
  }
  return counts;
}

/** Whether a post with these counts fails the build under `failOn`. */
function failing(failOn, { errors, warnings }) {
  if (failOn === 'error') return errors > 0;
  if (failOn === 'warn') return errors + warnings > 0;
  return false;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const escapeControl = (text) => String(text).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

module.exports = { logProblems, failing };
