// The SARIF report is validated against the official SARIF 2.1.0 schema (vendored in fixtures/schemas), and its
// meaning checked by reading it back: rule indexes, locations, fingerprints, suppressions and fixes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize, type FileResult } from '../../src/api.js';
import { formatResults, rulesMetaOf, type FormatterContext } from '../../src/formatters/index.js';
import { FATAL_RULE, FINGERPRINT_KEY } from '../../src/formatters/sarif.js';
import { loadBuiltinRules } from '../../src/rules.js';
import type { LintMessage, SuppressedMessage } from '../../src/types.js';
import { VERSION } from '../../src/version.js';
import { sarifErrors } from '../helpers/sarif-schema.js';

const CWD = '/site';
const rules = await loadBuiltinRules();
const ctx: FormatterContext = { cwd: CWD, color: false, rulesMeta: rulesMetaOf(rules) };

/* eslint-disable @typescript-eslint/no-explicit-any */
function sarif(results: FileResult[], context = ctx): any {
  const text = formatResults('sarif', results, context);
  const log = JSON.parse(text);
  expect(sarifErrors(log)).toBeNull();
  return log;
}

const msg = (over: Partial<LintMessage> = {}): LintMessage => ({ ruleId: 'image-alt', severity: 2, message: 'Image has no alt text', line: 3, column: 1, endLine: 3, endColumn: 20, ...over });
const result = (file: string, messages: LintMessage[], suppressed?: SuppressedMessage[]): FileResult => {
  const r = summarize(path.join(CWD, file), messages);
  if (suppressed) r.suppressedMessages = suppressed;
  return r;
};

describe('sarif', () => {
  it('a clean run: one run, every loaded rule listed with its meta, no results', () => {
    const log = sarif([result('a.md', [])]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('newslint');
    expect(driver.version).toBe(VERSION);
    const ids = driver.rules.map((r: any) => r.id);
    expect(ids).toEqual([...rules.map((r) => r.meta.id), FATAL_RULE]);
    for (const rule of rules) {
      const d = driver.rules[ids.indexOf(rule.meta.id)];
      expect(d.shortDescription.text).toBe(rule.meta.description);
      expect(d.helpUri).toBe(rule.meta.docs);
      expect(d.defaultConfiguration.level).toBe({ error: 'error', warn: 'warning', off: 'note' }[rule.meta.severity]);
    }
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///site/');
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('no result at all (an empty run) is still a valid log', () => {
    expect(sarif([]).runs[0].results).toEqual([]);
  });

  it('results point at the right rule, level, message and region; a fatal problem is newslint/fatal', () => {
    const input = [
      result('clean.md', []),
      result('posts/a.md', [msg(), msg({ ruleId: 'date-format', severity: 1, message: 'bad date', line: 2, column: 7, endLine: 4, endColumn: 2 })]),
      result('b.md', [msg({ ruleId: null, fatal: true, message: 'cannot parse the front matter', line: 5, column: 3, endLine: undefined, endColumn: undefined })]),
    ];
    const log = sarif(input);
    const { results } = log.runs[0];
    const driverRules = log.runs[0].tool.driver.rules;
    expect(results).toHaveLength(3);
    for (const r of results) expect(driverRules[r.ruleIndex].id).toBe(r.ruleId);
    const byRule = Object.fromEntries(results.map((r: any) => [r.ruleId, r]));
    expect(byRule['image-alt'].level).toBe('error');
    expect(byRule['date-format'].level).toBe('warning');
    expect(byRule['date-format'].message.text).toBe('bad date');
    const loc = byRule['date-format'].locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'posts/a.md', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({ startLine: 2, startColumn: 7, endLine: 4, endColumn: 2 });
    expect(byRule[FATAL_RULE].message.text).toBe('cannot parse the front matter');
    expect(byRule[FATAL_RULE].locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 3 });
  });

  it('an internal error is a result and a notification of an unsuccessful invocation', () => {
    const log = sarif([result('a.md', [msg({ ruleId: 'image-alt', internal: true, fatal: true, message: 'rule crashed' })])]);
    expect(log.runs[0].results[0].ruleId).toBe('image-alt');
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0].message.text).toBe('rule crashed');
  });

  it('fingerprints stay when the problem moves down 3 lines, and differ between problems', () => {
    const fp = (messages: LintMessage[], file = 'a.md') => sarif([result(file, messages)]).runs[0].results.map((r: any) => r.partialFingerprints[FINGERPRINT_KEY]);
    const [before] = fp([msg()]);
    const [after] = fp([msg({ line: 6, endLine: 6 })]);
    expect(after).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    // another message, rule or file is another problem
    expect(fp([msg({ message: 'Image alt is empty' })])[0]).not.toBe(before);
    expect(fp([msg({ ruleId: 'date-format' })])[0]).not.toBe(before);
    expect(fp([msg()], 'b.md')[0]).not.toBe(before);
    // two identical problems in one file differ by their order, and the first keeps its fingerprint
    const two = fp([msg(), msg({ line: 9, endLine: 9 })]);
    expect(new Set(two).size).toBe(2);
    expect(two[0]).toBe(before);
  });

  it('suppressed problems are results with inSource or external suppressions and their justification', () => {
    const suppressed: SuppressedMessage[] = [
      { ...msg({ line: 7, endLine: 7 }), suppressions: [{ kind: 'directive', justification: 'decorative image' }] },
      { ...msg({ ruleId: 'date-format', line: 8, endLine: 8 }), suppressions: [{ kind: 'baseline', justification: '' }] },
    ];
    const log = sarif([result('a.md', [msg()], suppressed)]);
    const { results } = log.runs[0];
    expect(results).toHaveLength(3);
    const at = (line: number) => results.find((r: any) => r.locations[0].physicalLocation.region.startLine === line);
    expect(at(3).suppressions).toBeUndefined();
    expect(at(7).suppressions).toEqual([{ kind: 'inSource', justification: 'decorative image' }]);
    expect(at(8).suppressions).toEqual([{ kind: 'external' }]);
    // suppressing a problem does not change the fingerprint of its identical twin
    const plain = sarif([result('a.md', [msg(), msg({ line: 7, endLine: 7 })])]).runs[0].results;
    expect(at(7).partialFingerprints).toEqual(plain[1].partialFingerprints);
  });

  it('a fix is an artifactChange replacing charOffset/charLength with the fix text', () => {
    const log = sarif([result('a.md', [msg({ fix: { range: [10, 14], text: 'alt="x" & <b>' } }), msg({ line: 5, endLine: 5, fix: { range: [30, 30], text: '\n' } })])]);
    const [first, second] = log.runs[0].results;
    const change = first.fixes[0].artifactChanges[0];
    expect(change.artifactLocation).toEqual({ uri: 'a.md', uriBaseId: '%SRCROOT%' });
    expect(change.replacements[0].deletedRegion).toMatchObject({ charOffset: 10, charLength: 4 });
    expect(change.replacements[0].insertedContent.text).toBe('alt="x" & <b>');
    expect(second.fixes[0].artifactChanges[0].replacements[0].deletedRegion).toMatchObject({ charOffset: 30, charLength: 0 });
  });

  it('file names with spaces, #, %, ?, :, non-ASCII and control characters are percent-encoded URI references', () => {
    const names = ['my post #1 100%.md', 'a?b:c.md', '文章/日本語 ü.md', 'ctl\u0001\n\u001b[2J.md', 'lone\ud800.md', 'sub dir/x.md'];
    const log = sarif(names.map((n) => result(n, [msg()])));
    const uris = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=@/]+$/);
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    const back = uris.map((u: string) => fileURLToPath(new URL(u, base)));
    expect(back).toEqual(names.map((n) => path.join(CWD, n.replace('\ud800', '\ufffd'))));
  });

  it('a file outside the working directory gets its absolute file URL', () => {
    const r = summarize('/elsewhere/x y.md', [msg()]);
    const loc = sarif([r]).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(loc).toEqual({ uri: 'file:///elsewhere/x%20y.md' });
  });

  it('a rule unknown to the context still gets a result (without ruleIndex)', () => {
    const log = sarif([result('a.md', [msg({ ruleId: 'plugin-rule' })])], { ...ctx, rulesMeta: {} });
    const [r] = log.runs[0].results;
    expect(r.ruleId).toBe('plugin-rule');
    expect(r.ruleIndex).toBeUndefined();
  });
});
