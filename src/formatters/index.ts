// Formatters turn results into text, as the results arrive: a report is written file by file, in path order,
// and then closed. No formatter holds every result (a run over 100,000 posts streams its report), and every
// formatter gets the same plain result objects.

import type { FileResult } from '../api.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { html } from './html.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  /** Rules by id, for docs links. */
  rulesMeta: Record<string, { docs: string; fixable: boolean }>;
}

/** One report being written: the text for each file's result, then the text that closes it. */
export interface ReportWriter {
  file(result: FileResult): string;
  end(): string;
}

export type Formatter = (context: FormatterContext) => ReportWriter;

export const formatters: Record<string, Formatter> = { stylish, json, html };

/** A whole report at once: for tests and callers that hold every result anyway. */
export function formatResults(name: string, results: Iterable<FileResult>, context: FormatterContext): string {
  const writer = formatters[name](context);
  let out = '';
  for (const r of results) out += writer.file(r);
  return out + writer.end();
}
