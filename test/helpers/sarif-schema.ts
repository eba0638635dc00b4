// The official SARIF 2.1.0 schema (fixtures/schemas), compiled once with ajv (draft-07) and ajv-formats.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8'));
// unicodeRegExp off: the official schema's "language" pattern is not a valid regular expression under the u flag
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's errors for a SARIF log, or null when it is valid. */
export function sarifErrors(log: unknown): unknown[] | null {
  return validate(log) ? null : (validate.errors ?? []);
}
