// RuleTester: runs a rule over valid and invalid cases, as ESLint's does. Each invalid case states its
// problems (message or messageId, line, column) and its fixed output (or null: no fix). The tester also
// checks that the fixed output is stable: fixing it again changes nothing and leaves nothing fixable.
// It calls the test framework's global describe/it (vitest with globals, mocha, jest); with node:test, or
// vitest without globals, hand them over first: `RuleTester.describe = describe; RuleTester.it = it;`.
// A case with a key the tester does not know (a typo such as `ouput`) is rejected, as ESLint's is.

import assert from 'node:assert/strict';
import path from 'node:path';
import { Ajv } from 'ajv';
import { fixText, lintText, type ConfiguredRule } from './engine/linter.js';
import { describeErrors } from './config.js';
import type { LintMessage, Rule } from './types.js';
import type { Site } from './generators/index.js';
import type { FileFacts } from './parse/article.js';

export interface ValidCase {
  code: string;
  options?: Record<string, unknown>;
  filePath?: string;
  name?: string;
  /** The post's site (e.g. `siteWithoutRoot('jekyll')` from src/generators/index.js); a rootless Hexo site by default. */
  site?: Site;
  /** Facts about the file (size, mtime, birthtime); none by default. */
  file?: FileFacts;
}

export interface ExpectedProblem {
  message?: string | RegExp;
  messageId?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The rename the problem offers, relative to the file's folder (its new name); null: none. */
  rename?: string | null;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedProblem[] | number;
  /** The text after fixing; null when no fix may be offered. */
  output: string | null;
}

const VALID_KEYS = ['code', 'options', 'filePath', 'name', 'site', 'file'];
const INVALID_KEYS = [...VALID_KEYS, 'errors', 'output'];
const ERROR_KEYS = ['message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'rename'];

type Fn = () => void;
const g = globalThis as unknown as { describe?: (n: string, f: Fn) => void; it?: (n: string, f: Fn) => void };
const ajv = new Ajv({ useDefaults: true, strict: false, allErrors: true });

export class RuleTester {
  static describe = (name: string, fn: Fn) => (g.describe ? g.describe(name, fn) : fn());
  static it = (name: string, fn: Fn) => (g.it ? g.it(name, fn) : fn());

  static configure(rule: Rule, options: Record<string, unknown> = {}): ConfiguredRule {
    const opts = structuredClone(options);
    const validate = ajv.compile(rule.meta.schema ?? { type: 'object', additionalProperties: false });
    const problem = validate(opts) ? (rule.validateOptions?.(opts) ?? null) : describeErrors(validate.errors);
    if (problem) throw new Error(`invalid options for ${rule.meta.id}: ${problem}`);
    return { rule, severity: 2, options: opts };
  }

  static run(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
    const seen = new Set<string>();
    const key = (c: ValidCase) => JSON.stringify([c.code, c.options, c.filePath, c.site?.generator.name, c.site?.settings, c.file]);
    RuleTester.describe(rule.meta.id, () => {
      // an empty group is left out: test runners fail a suite without tests
      if (cases.valid.length) RuleTester.describe('valid', () => {
        for (const raw of cases.valid) {
          const c = typeof raw === 'string' ? { code: raw } : raw;
          checkKeys(c, VALID_KEYS, 'valid case');
          assert.ok(!seen.has(key(c)), `duplicate test case: ${c.code}`);
          seen.add(key(c));
          RuleTester.it(c.name ?? c.code.slice(0, 80), () => {
            const messages = lintText(c.code, { filePath: c.filePath, site: c.site, file: c.file, rules: [RuleTester.configure(rule, c.options)] });
            assert.deepEqual(messages.map(show), [], 'expected no problems');
          });
        }
      });
      if (cases.invalid.length) RuleTester.describe('invalid', () => {
        for (const c of cases.invalid) {
          checkKeys(c, INVALID_KEYS, 'invalid case');
          assert.ok('output' in c, `invalid case ${JSON.stringify(c.code.slice(0, 80))} must give its output (null: no fix)`);
          if (Array.isArray(c.errors)) for (const e of c.errors) checkKeys(e, ERROR_KEYS, 'expected problem');
          assert.ok(!seen.has(key(c)), `duplicate test case: ${c.code}`);
          seen.add(key(c));
          RuleTester.it(c.name ?? c.code.slice(0, 80), () => RuleTester.checkInvalid(rule, c));
        }
      });
    });
  }

  static checkInvalid(rule: Rule, c: InvalidCase): void {
    const rules = [RuleTester.configure(rule, c.options)];
    const opts = { filePath: c.filePath, site: c.site, file: c.file, rules };
    const messages = lintText(c.code, opts);
    assert.ok(!messages.some((m) => m.fatal), `the case does not parse: ${messages.map(show).join('; ')}`);
    const expected = typeof c.errors === 'number' ? c.errors : c.errors.length;
    assert.equal(messages.length, expected, `expected ${expected} problem(s), got:\n${messages.map(show).join('\n')}`);
    if (Array.isArray(c.errors)) {
      c.errors.forEach((e, i) => {
        const m = messages[i];
        if (e.message instanceof RegExp) assert.match(m.message, e.message);
        else if (e.message !== undefined) assert.equal(m.message, e.message);
        if (e.messageId !== undefined) {
          const template = rule.meta.messages?.[e.messageId];
          assert.ok(template, `unknown messageId ${e.messageId}`);
          const pattern = new RegExp(`^${template.split(/\{\{\s*\w+\s*\}\}/).map(escapeRe).join('[\\s\\S]*')}$`);
          assert.match(m.message, pattern, `problem ${i} should be ${e.messageId}`);
        }
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
          if (e[k] !== undefined) assert.equal(m[k], e[k], `problem ${i} (${m.message}): ${k}`);
        }
        if (e.rename !== undefined) {
          const to = m.rename ? path.relative(path.dirname(path.resolve(c.filePath ?? '<text>')), m.rename.to) : null;
          assert.equal(to, e.rename, `problem ${i} (${m.message}): rename`);
        }
      });
    }
    const fixed = fixText(c.code, opts);
    if (c.output === null) {
      assert.ok(!messages.some((m) => m.fix), 'expected no fix, but the rule offered one');
      assert.equal(fixed.output, c.code);
      return;
    }
    assert.equal(fixed.output, c.output, 'fixed output');
    const again = fixText(fixed.output, opts);
    assert.equal(again.output, fixed.output, 'fixing the fixed output changed it again (not idempotent)');
    assert.deepEqual(again.messages.filter((m) => m.fix).map(show), [], 'fixable problems remain after fixing');
  }
}

/** A key the tester does not know is a typo that would silently test nothing: refuse it. */
function checkKeys(object: object, known: string[], what: string): void {
  const unknown = Object.keys(object).filter((k) => !known.includes(k));
  assert.ok(!unknown.length, `${what} has unknown key(s) ${unknown.join(', ')} (known: ${known.join(', ')})`);
}

function show(m: LintMessage): string {
  return `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
