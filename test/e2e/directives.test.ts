// Inline directives through the real CLI: --fix leaves disabled text as it is, the JSON report carries the
// suppressed messages (ESLint's suppressedMessages), unused directives are reported and removed on request,
// and the cache, the worker pool and merge-reports carry suppressed messages as they carry messages.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newslint, tempDir } from './helpers.js';

const DISABLED = [
  '<!-- newslint-disable no-empty-paragraph -- kept as the importer wrote it -->',
  '<p></p>',
  '<img src="https://example.com/a.png">',
  '<!-- newslint-enable no-empty-paragraph -->',
].join('\n');

const POST = [
  '---',
  'title: Directives',
  'date: 2024-01-01 10:00:00',
  '---',
  '',
  '<p></p>',
  '',
  DISABLED,
  '',
  '<!-- newslint-disable-next-line image-alt -- decorative -->',
  '<img src="https://example.com/b.png">',
  '',
].join('\n');

const UNUSED = '<!-- newslint-disable-line prefer-https -->\n';

function site(text = POST): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'post.md');
  writeFileSync(file, text);
  return { dir, file };
}

const json = (stdout: string) => JSON.parse(stdout) as any[];
const brief = (messages: any[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

describe('inline directives through the CLI', () => {
  it('--fix -f json: fixes outside, leaves the disabled text byte for byte, reports suppressedMessages with their reasons', () => {
    const { dir, file } = site();
    const r = newslint(['check', '--fix', '-f', 'json', 'post.md'], dir);
    expect(r.status, r.stderr).toBe(1); // the image without alt text outside the next-line directive remains
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(POST.replace('\n<p></p>\n\n', '\n\n'));
    expect(fixed).toContain(DISABLED);
    const [result] = json(r.stdout);
    expect(brief(result.messages)).toEqual(['9:1 image-alt']);
    expect(result.errorCount).toBe(1);
    expect(result.suppressedMessages.map((m: any) => [`${m.line}:${m.column} ${m.ruleId}`, m.suppressions])).toEqual([
      ['8:1 no-empty-paragraph', [{ kind: 'directive', justification: 'kept as the importer wrote it' }]],
      ['13:1 image-alt', [{ kind: 'directive', justification: 'decorative' }]],
    ]);
  });

  it('a report without suppressed messages has no suppressedMessages key', () => {
    const { dir } = site('---\ntitle: Plain\ndate: 2024-01-01 10:00:00\n---\n\n<p></p>\n');
    const [result] = json(newslint(['check', '-f', 'json', 'post.md'], dir).stdout);
    expect(Object.keys(result)).not.toContain('suppressedMessages');
  });

  it('--report-unused-disable-directives: an error, fixable; -severity warn: a warning; --fix removes the directive', () => {
    const { dir, file } = site(POST + UNUSED);
    const unused = (args: string[]) => json(newslint(['check', '-f', 'json', ...args, 'post.md'], dir).stdout)[0].messages.filter((m: any) => m.ruleId === null);
    expect(unused([])).toEqual([]);
    const [error] = unused(['--report-unused-disable-directives']);
    expect(error).toMatchObject({ severity: 2, line: 15, column: 1, message: "Unused newslint-disable-line directive (no problems were reported from 'prefer-https')" });
    expect(error.fix).toBeDefined();
    expect(unused(['--report-unused-disable-directives-severity', 'warn'])).toMatchObject([{ severity: 1 }]);
    expect(unused(['--report-unused-disable-directives-severity', 'off'])).toEqual([]);
    const r = newslint(['check', '--fix', '--report-unused-disable-directives', 'post.md'], dir);
    expect(r.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(POST.replace('\n<p></p>\n\n', '\n\n'));
  });

  it('the config key reportUnusedDisableDirectives, and bad values: exit 2', () => {
    const { dir } = site(POST + UNUSED);
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ reportUnusedDisableDirectives: true }));
    const [result] = json(newslint(['check', '-f', 'json', 'post.md'], dir).stdout);
    expect(result.messages.filter((m: any) => m.ruleId === null).map((m: any) => m.severity)).toEqual([1]); // true is "warn", as in ESLint
    const cli = newslint(['check', '-f', 'json', '--report-unused-disable-directives-severity', 'error', 'post.md'], dir);
    expect(json(cli.stdout)[0].messages.filter((m: any) => m.ruleId === null).map((m: any) => m.severity)).toEqual([2]); // the command line wins
    const numeric = newslint(['check', '-f', 'json', '--report-unused-disable-directives-severity', '2', 'post.md'], dir); // 0, 1, 2 as in ESLint
    expect(json(numeric.stdout)[0].messages.filter((m: any) => m.ruleId === null).map((m: any) => m.severity)).toEqual([2]);
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ reportUnusedDisableDirectives: 'loud' }));
    const bad = newslint(['check', 'post.md'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/reportUnusedDisableDirectives/);
    for (const severity of ['loud', 'constructor']) expect(newslint(['check', '--report-unused-disable-directives-severity', severity, 'post.md'], dir).status, severity).toBe(2);
    expect(newslint(['check', '--report-unused-disable-directives', '--report-unused-disable-directives-severity', 'warn', 'post.md'], dir).status).toBe(2);
  });

  it('the cache replays suppressed messages; worker threads return them; the report is the same byte for byte', () => {
    const { dir } = site();
    const env = { NEWSLINT_DEBUG: 'cache' };
    const cold = newslint(['check', '-f', 'json', '--cache', 'post.md'], dir, env);
    const warm = newslint(['check', '-f', 'json', '--cache', 'post.md'], dir, env);
    expect(warm.stderr).toMatch(/1 replayed, 0 linted/);
    expect(json(cold.stdout)[0].suppressedMessages).toHaveLength(2);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.status).toBe(cold.status);
    const pooled = newslint(['check', '-f', 'json', '--concurrency', '2', 'post.md'], dir);
    expect(pooled.stdout).toBe(cold.stdout);
  });

  it('a --cache run after changing the unused-directive setting lints again', () => {
    const { dir } = site(POST + UNUSED);
    const env = { NEWSLINT_DEBUG: 'cache' };
    newslint(['check', '--cache', 'post.md'], dir, env);
    const again = newslint(['check', '-f', 'json', '--cache', '--report-unused-disable-directives', 'post.md'], dir, env);
    expect(again.stderr).toMatch(/0 replayed, 1 linted/);
    expect(json(again.stdout)[0].messages.some((m: any) => m.ruleId === null)).toBe(true);
  });

  it('merge-reports carries suppressedMessages, and refuses malformed ones', () => {
    const { dir } = site();
    const report = newslint(['check', '-f', 'json', 'post.md'], dir).stdout;
    writeFileSync(path.join(dir, 'a.json'), report);
    const merged = newslint(['merge-reports', '-f', 'json', 'a.json'], dir);
    expect(merged.stdout).toBe(report);
    const broken = json(report);
    delete broken[0].suppressedMessages[0].suppressions;
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(broken));
    const refused = newslint(['merge-reports', 'b.json'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/suppressed message 1: "suppressions"/);
  });
});
