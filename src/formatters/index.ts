// Formatters turn results into text. Every formatter gets the same plain result objects.

import type { FileResult } from '../api.js';
import { stylish } from './stylish.js';
import { json } from './json.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  /** Rules by id, for docs links. */
  rulesMeta: Record<string, { docs: string; fixable: boolean }>;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string;

export const formatters: Record<string, Formatter> = { stylish, json };
