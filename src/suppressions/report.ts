// What the command line says about the baseline at the end of a run: stale entries (room for new problems
// to hide in), or a file that could not be written. Both make the run exit 2, as ESLint's unpruned
// suppressions do, unless --pass-on-unpruned-suppressions lets stale entries pass.

import { escapeControl } from '../formatters/escape.js';
import type { SuppressionsOutcome } from './baseline.js';

/** At most this many stale entries are listed; the rest are counted. */
const LISTED = 20;

/** The text for stderr ('' when there is nothing to say) and the exit code the baseline asks for (0 or 2). */
export function baselineReport(outcome: SuppressionsOutcome, shown: string, { passOnUnpruned = false } = {}): { text: string; exitCode: 0 | 2 } {
  if (outcome.error) return { text: `newslint: ${escapeControl(outcome.error)}\n`, exitCode: 2 };
  if (!outcome.stale.length || passOnUnpruned) return { text: '', exitCode: 0 };
  const lines = outcome.stale.slice(0, LISTED).map(({ file, rule, allowed, found }) => {
    const where = `  ${escapeControl(file)}: ${escapeControl(rule)}`;
    return found === null ? `${where} allows ${allowed}, but the file is gone` : `${where} allows ${allowed}, found ${found}`;
  });
  if (outcome.stale.length > LISTED) lines.push(`  … and ${outcome.stale.length - LISTED} more`);
  const text =
    `newslint: there are suppressions left in ${escapeControl(shown)} that do not occur anymore ` +
    `(room for new problems to hide in):\n${lines.join('\n')}\n` +
    'Run again with `--prune-suppressions` to drop them, and commit the file (or pass `--pass-on-unpruned-suppressions`).\n';
  return { text, exitCode: 2 };
}
