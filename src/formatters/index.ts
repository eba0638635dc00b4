// Formatters turn results into text, as the results arrive: a report is written file by file, in path order,
// and then closed. No formatter holds every result (a run over 100,000 posts streams its report), and every
// formatter gets the same plain result objects.

import type { FileResult } from '../api.js';
import type { Rule, SeverityName } from '../types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { html } from './html.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { compact } from './compact.js';

/** What a report may say about a rule: its docs link, and (for SARIF's rule list) what it checks. */
export interface FormatterRule {
  docs: string;
  fixable: boolean;
  /** meta.description; absent in reports built without the rules' meta (e.g. tests). */
  description?: string;
  /** meta.severity (the default, under newslint:recommended). */
  severity?: SeverityName;
}

export interface FormatterContext {
  cwd: string;
  color: boolean;
  /** Every loaded rule by id, in load order: for docs links and SARIF's list of rules. */
  rulesMeta: Record<string, FormatterRule>;
}

/** One report being written: the text for each file's result, then the text that closes it. */
export interface ReportWriter {
  file(result: FileResult): string;
  end(): string;
}

export type Formatter = (context: FormatterContext) => ReportWriter;

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, junit, compact, html };

/** The formatter context's view of the loaded rules. */
export function rulesMetaOf(rules: Rule[]): Record<string, FormatterRule> {
  return Object.fromEntries(
    rules.map(({ meta }) => [meta.id, { docs: meta.docs, fixable: meta.fixable, description: meta.description, severity: meta.severity }]),
  );
}

/** A whole report at once: for tests and callers that hold every result anyway (the API's loadFormatter). */
export function formatResults(name: string, results: Iterable<FileResult>, context: FormatterContext): string {
  const writer = formatters[name](context);
  let out = '';
  for (const r of results) out += writer.file(r);
  return out + writer.end();
}
