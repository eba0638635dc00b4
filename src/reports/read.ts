// Reading a JSON report back, as `check --format json` writes it (ESLint's shape), for merge-reports: result by
// result, never the whole file at once, each checked to be what newslint writes. A truncated, corrupt or foreign
// file is a ReportError naming it (exit 2), never a wrong merged report or a wrong exit code.

import { createReadStream } from 'node:fs';
import { summarize, type FileResult } from '../api.js';
import { JsonArrayError, jsonArrayElements } from './json-array.js';

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** The results of a JSON report file, in the file's order. Throws ReportError naming the file and what is wrong. */
export async function* readReport(file: string): AsyncGenerator<FileResult> {
  let n = 0;
  try {
    for await (const text of jsonArrayElements(decode(createReadStream(file)))) {
      n++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new ReportError(`result ${n} is not valid JSON: ${(err as Error).message}`);
      }
      const problem = resultProblem(value);
      if (problem) throw new ReportError(`result ${n}${resultName(value)}: ${problem}`);
      yield value as FileResult;
    }
  } catch (err) {
    throw new ReportError(`${file}: ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  if (err instanceof ReportError || err instanceof JsonArrayError) return `not a newslint JSON report: ${err.message}`;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a folder, not a report file';
  if (code) return `cannot read the file (${code})`;
  throw err;
}

const utf8 = () => new TextDecoder('utf-8', { fatal: true }); // a UTF-8 BOM is skipped

/** The file's text, chunk by chunk, as UTF-8; a UTF-16 file (PowerShell's `>` writes one) is named as such. */
async function* decode(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = utf8();
  let first = true;
  try {
    for await (const chunk of bytes) {
      if (first && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff) || chunk[0] === 0 || chunk[1] === 0)) {
        throw new ReportError('the file is UTF-16, not UTF-8 (in PowerShell, write the report with `| Out-File -Encoding utf8`)');
      }
      first = false;
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } catch (err) {
    if (err instanceof TypeError) throw new ReportError('the file is not UTF-8 text');
    throw err;
  }
}

const COUNTS = ['errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';

function resultName(value: unknown): string {
  return isObject(value) && typeof value.filePath === 'string' ? ` (${JSON.stringify(value.filePath)})` : '';
}

/** What keeps a parsed value from being a result as newslint writes it, or null. */
function resultProblem(r: unknown): string | null {
  if (!isObject(r)) return 'not an object';
  if (typeof r.filePath !== 'string' || !r.filePath) return '"filePath" must be a non-empty string';
  if (!Array.isArray(r.messages)) return '"messages" must be an array';
  for (let i = 0; i < r.messages.length; i++) {
    const problem = messageProblem(r.messages[i]);
    if (problem) return `message ${i + 1}: ${problem}`;
  }
  if (!optional(r.suppressedMessages, Array.isArray)) return '"suppressedMessages" must be an array';
  const suppressed = (r.suppressedMessages ?? []) as unknown[];
  for (let i = 0; i < suppressed.length; i++) {
    const problem = messageProblem(suppressed[i]) ?? suppressionsProblem((suppressed[i] as Record<string, unknown>).suppressions);
    if (problem) return `suppressed message ${i + 1}: ${problem}`;
  }
  if (!optional(r.output, isString)) return '"output" must be a string';
  if (!optional(r.renamedTo, isString)) return '"renamedTo" must be a string';
  const expected = summarize(r.filePath, r.messages as FileResult['messages']);
  for (const key of COUNTS) {
    if (!isCount(r[key])) return `"${key}" must be a whole number`;
    if (r[key] !== expected[key]) return `"${key}" is ${r[key]}, but its messages make ${expected[key]}`;
  }
  return null;
}

function messageProblem(m: unknown): string | null {
  if (!isObject(m)) return 'not an object';
  if (m.ruleId !== null && typeof m.ruleId !== 'string') return '"ruleId" must be a string or null';
  if (m.severity !== 1 && m.severity !== 2) return '"severity" must be 1 or 2';
  if (typeof m.message !== 'string') return '"message" must be a string';
  for (const key of ['line', 'column'] as const) if (!isCount(m[key])) return `"${key}" must be a whole number`;
  for (const key of ['endLine', 'endColumn'] as const) if (!optional(m[key], isCount)) return `"${key}" must be a whole number`;
  for (const key of ['fatal', 'internal'] as const) if (!optional(m[key], isBoolean)) return `"${key}" must be true or false`;
  if (!optional(m.fix, (f) => isObject(f) && isRange(f.range) && isString(f.text))) return '"fix" must be { range: [start, end], text }';
  if (!optional(m.rename, (r) => isObject(r) && isString(r.to))) return '"rename" must be { to }';
  return null;
}

function suppressionsProblem(s: unknown): string | null {
  const valid = (x: unknown) => isObject(x) && (x.kind === 'directive' || x.kind === 'baseline') && isString(x.justification);
  return Array.isArray(s) && s.length > 0 && s.every(valid) ? null : '"suppressions" must be a non-empty array of { kind: "directive" or "baseline", justification }';
}

const isRange = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every(isCount) && v[0] <= v[1];
