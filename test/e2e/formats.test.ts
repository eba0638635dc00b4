// End-to-end: the built CLI writing several reports in one run (-f name:file, -o), each parsed and compared with
// the JSON report of the same run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newslint, onlyRules, ruleIds, tempDir } from './helpers.js';
import { sarifErrors } from '../helpers/sarif-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, trimValues: false, parseAttributeValue: false, isArray: (n) => ['testsuite', 'testcase'].includes(n) });

describe('several formats in one run', () => {
  const dir = tempDir('real');
  const r = newslint(['check', '-f', 'stylish', '-f', 'json:out/r.json', '-f', 'sarif:out/deep/r.sarif', '-f', 'junit:r.xml', '-f', 'github:gh.txt', '-f', 'compact:c.txt', 'real'], dir);
  const results: any[] = JSON.parse(read(dir, 'out/r.json'));
  const problems = results.flatMap((res) => res.messages.map((m: any) => ({ ...m, file: path.relative(dir, res.filePath) })));

  it('stdout gets the stylish report, the exit code is the run\'s, every file is written', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\) in \d+ files/);
    expect(results).toHaveLength(27);
    expect(problems.length).toBeGreaterThan(100);
  });

  it('sarif: valid against the schema, one result per problem at its place', () => {
    const log = JSON.parse(read(dir, 'out/deep/r.sarif'));
    expect(sarifErrors(log)).toBeNull();
    const [run] = log.runs;
    const base = run.originalUriBaseIds['%SRCROOT%'].uri;
    expect(fileURLToPath(base)).toBe(`${dir}${path.sep}`);
    const got = run.results.map((x: any) => {
      const loc = x.locations[0].physicalLocation;
      return [path.relative(dir, fileURLToPath(new URL(loc.artifactLocation.uri, base))), loc.region.startLine, loc.region.startColumn, x.ruleId, x.message.text];
    });
    const want = problems.map((m) => [m.file, m.line, m.column, m.ruleId ?? 'newslint/fatal', m.message]);
    const key = (a: unknown[]) => JSON.stringify(a);
    expect(got.map(key).sort()).toEqual(want.map(key).sort());
    for (const x of run.results) expect(run.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
  });

  it('junit: valid XML, one suite per file with its counts', () => {
    const text = read(dir, 'r.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const suites = xml.parse(text).testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual(results.map((res) => path.relative(dir, res.filePath)));
    suites.forEach((s: any, i: number) => {
      const n = results[i].messages.length;
      expect(Number(s.tests)).toBe(Math.max(n, 1));
      expect(Number(s.failures) + Number(s.errors)).toBe(n);
    });
  });

  it('github: one command per problem, errors first, then the notice of what GitHub does not annotate', () => {
    const lines = read(dir, 'gh.txt').trimEnd().split('\n');
    const errors = problems.filter((m) => m.severity === 2).length;
    const warnings = problems.length - errors;
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(errors);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(warnings);
    const kinds = lines.map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds.join(' ')).toBe([...Array(errors).fill('error'), ...Array(warnings).fill('warning'), 'notice'].join(' '));
    expect(lines.at(-1)).toBe(`::notice title=newslint::${errors - 10} errors and ${warnings - 10} warnings beyond GitHub's 10 per step were not annotated; see the full report in this step's log`);
  });

  it('compact: one line per problem and the count', () => {
    const lines = read(dir, 'c.txt').trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`${problems.length} problems`);
    expect(lines.filter((l) => /^real\/.+:\d+:\d+: (error|warning) /.test(l)).length).toBe(problems.length);
  });
});

describe('-o, --output-file', () => {
  it('writes the report to the file (creating its folder); stdout gets a one-line summary', () => {
    const dir = tempDir('real');
    const r = newslint(['check', '-f', 'sarif', '-o', 'reports/newslint.sarif', 'real'], dir);
    expect(r.status).toBe(1);
    const log = JSON.parse(read(dir, 'reports/newslint.sarif'));
    expect(sarifErrors(log)).toBeNull();
    const json = JSON.parse(newslint(['check', '-f', 'json', 'real'], dir).stdout);
    const errors = json.reduce((n: number, x: any) => n + x.errorCount, 0);
    const warnings = json.reduce((n: number, x: any) => n + x.warningCount, 0);
    const files = json.filter((x: any) => x.messages.length).length;
    expect(log.runs[0].results).toHaveLength(errors + warnings);
    expect(r.stdout).toBe(`✖ ${errors + warnings} problems (${errors} errors, ${warnings} warnings) in ${files} files; report written to reports/newslint.sarif\n`);
  });

  it('a clean run: exit 0, a valid empty report, and the summary says so', () => {
    const dir = tempDir('rules/no-empty-paragraph/clean.md');
    writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ruleIds(), { 'no-empty-paragraph': 'error' }));
    const r = newslint(['check', '-f', 'junit', '-o', 'j.xml', '-f', 'sarif:s.sarif', 'clean.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ no problems; reports written to j.xml, s.sarif\n');
    expect(XMLValidator.validate(read(dir, 'j.xml'))).toBe(true);
    expect(sarifErrors(JSON.parse(read(dir, 's.sarif')))).toBeNull();
  });

  it('hostile file names: the SARIF uri resolves back to the file, the JUnit suite names it', () => {
    const dir = tempDir();
    const names = ['a b #1 100%.md', 'x:y,z.md', '图 ü.md', 'nl\nname\u001b.md'];
    for (const n of names) writeFileSync(path.join(dir, n), '<p></p>\n');
    const r = newslint(['check', '-f', 'sarif:r.sarif', '-f', 'junit:r.xml', '-f', 'github', '.'], dir);
    expect(r.status).toBe(1);
    const log = JSON.parse(read(dir, 'r.sarif'));
    expect(sarifErrors(log)).toBeNull();
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    const files = new Set(log.runs[0].results.map((x: any) => fileURLToPath(new URL(x.locations[0].physicalLocation.artifactLocation.uri, base))));
    expect([...files].sort()).toEqual(names.map((n) => path.join(dir, n)).sort());
    const suites = xml.parse(read(dir, 'r.xml')).testsuites.testsuite.map((s: any) => s.name);
    expect(suites.sort()).toEqual(names.map((n) => n.replace('\u001b', '\\u001b')).sort());
    // github on stdout: one line per problem (3 per file here), then the notice; none forged by the newline in a name
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((l) => /^::(error|warning) file=/.test(l))).toBe(true);
    expect(lines).toHaveLength(log.runs[0].results.length + 1);
    expect(lines.at(-1)).toMatch(/^::notice title=newslint::\d+ errors/);
  });
});

describe('errors and other commands', () => {
  it('a report file that cannot be written is exit 2 naming it, before anything is checked', () => {
    const dir = tempDir('real');
    writeFileSync(path.join(dir, 'blocker'), '');
    for (const args of [['-f', 'sarif:blocker/r.sarif'], ['-o', 'real', '-f', 'junit']]) {
      const r = newslint(['check', ...args, 'real'], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^newslint: cannot write the (sarif|junit) report to (blocker\/r\.sarif|real): /);
      expect(r.stdout).toBe('');
    }
  });

  it('usage errors: an unknown format, two reports on stdout', () => {
    const dir = tempDir();
    expect(newslint(['check', '-f', 'nope', '.'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown format "nope"/) });
    expect(newslint(['check', '-f', 'json', '-f', 'sarif', '.'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/only one report can go to stdout/) });
  });

  it('merge-reports writes the merged run in several formats too', () => {
    const dir = tempDir('real');
    for (const i of [1, 2]) newslint(['check', '--shard', `${i}/2`, '-f', `json:shard-${i}.json`, 'real'], dir);
    const r = newslint(['merge-reports', 'shard-1.json', 'shard-2.json', '-f', 'sarif:m.sarif', '-f', 'junit:m.xml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✖ \d+ problems .*; reports written to m\.sarif, m\.xml\n$/);
    const log = JSON.parse(read(dir, 'm.sarif'));
    expect(sarifErrors(log)).toBeNull();
    const suites = xml.parse(read(dir, 'm.xml')).testsuites.testsuite;
    expect(suites).toHaveLength(27);
    const failures = suites.reduce((n: number, s: any) => n + Number(s.failures) + Number(s.errors), 0);
    expect(log.runs[0].results).toHaveLength(failures);
  });

  it('--help documents name:file and -o', () => {
    const r = newslint(['check', '--help']);
    expect(r.stdout).toContain('-f, --format <name[:file]>');
    expect(r.stdout).toContain('-o, --output-file <path>');
  });
});
