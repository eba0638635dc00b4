// Reading JSON reports back and merging them (merge-reports), below the CLI.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayError, jsonArrayElements } from '../../src/reports/json-array.js';
import { ReportError, readReport } from '../../src/reports/read.js';
import { mergeReports } from '../../src/reports/merge.js';
import { summarize, type FileResult } from '../../src/api.js';
import { formatResults } from '../../src/formatters/index.js';
import { fuzzSeed } from '../helpers/seed.js';
import { tempDir } from '../e2e/helpers.js';

async function* chunksOf(text: string, sizes: number[]): AsyncGenerator<string> {
  let at = 0;
  for (const size of sizes) {
    if (at >= text.length) break;
    yield text.slice(at, (at += size));
  }
  if (at < text.length) yield text.slice(at);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('jsonArrayElements', () => {
  it('yields each element\'s text whatever the chunks, with brackets, quotes and escapes inside strings', async () => {
    const tricky = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', '\n', ' ', '中', '\u2028', '😀') });
    const value = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(tricky, fc.array(tricky, { maxLength: 3 }), fc.integer(), fc.constant(null)), {
      maxKeys: 4,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 200 }), fc.boolean(), async (values, sizes, pretty) => {
        const text = pretty ? JSON.stringify(values, null, 2) : JSON.stringify(values);
        const elements = await all(jsonArrayElements(chunksOf(text, sizes)));
        expect(elements.map((e) => JSON.parse(e))).toEqual(values);
      }),
      { seed: fuzzSeed('json array elements'), numRuns: 500 },
    );
  });

  it('says where an array of objects stops making sense, truncated or not', async () => {
    const problem = async (text: string) => {
      try {
        await all(jsonArrayElements(chunksOf(text, [3])));
      } catch (err) {
        expect(err).toBeInstanceOf(JsonArrayError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(await problem('[]')).toBe('accepted');
    expect(await problem(' \n[ {} ,\n{"a":[1,{"b":"]}"}]} ]\n')).toBe('accepted');
    expect(await problem('')).toBe('empty: not a JSON array of results (line 1, column 0)');
    expect(await problem('  \n')).toMatch(/^empty/);
    expect(await problem('{"filePath":"a"}')).toMatch(/^not a JSON array of results: it does not start with "\["/);
    expect(await problem('[{"a":1},{"b":"x')).toMatch(/^truncated: the file ends inside a result/);
    expect(await problem('[{"a":1}')).toMatch(/^truncated: the file ends before the closing "\]"/);
    expect(await problem('[{"a":1},')).toMatch(/^truncated/);
    expect(await problem('[1]')).toMatch(/^each result must be a JSON object \(line 1, column 2\)/);
    expect(await problem('[{},]')).toMatch(/^each result must be a JSON object/);
    expect(await problem('[{} {}]')).toMatch(/^expected "," or "\]" after a result/);
    expect(await problem('[{}]\n[{}]')).toMatch(/^text after the closing "\]" \(line 2, column 1\)/);
  });
});

const result = (filePath: string, messages: FileResult['messages'] = []): FileResult => summarize(filePath, messages);
const error = { ruleId: 'no-empty-paragraph', severity: 2 as const, message: 'Empty paragraph', line: 4, column: 1, fix: { range: [10, 17] as [number, number], text: '' } };
const warning = { ruleId: 'prefer-https', severity: 1 as const, message: 'http:// image', line: 5, column: 3 };
const json = (results: FileResult[]) => `${formatResults('json', results, { cwd: '/', color: false, rulesMeta: {} })}\n`;

describe('readReport', () => {
  const dir = tempDir();
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const problem = async (file: string) => {
    try {
      await all(readReport(file));
    } catch (err) {
      expect(err).toBeInstanceOf(ReportError);
      return (err as Error).message;
    }
    return 'accepted';
  };

  it('reads back what the JSON formatter writes, with or without a UTF-8 BOM', async () => {
    const results = [result('/s/a.md', [error, warning]), result('/s/b.md'), { ...result('/s/c.md', [error]), output: 'fixed', renamedTo: '/s/d.md' }];
    expect(await all(readReport(write('ok.json', json(results))))).toEqual(results);
    expect(await all(readReport(write('bom.json', `\uFEFF${json(results)}`)))).toEqual(results);
    expect(await all(readReport(write('empty.json', '[]\n')))).toEqual([]);
  });

  it('refuses a file that is not a newslint report, naming it and the result', async () => {
    const good = result('/s/a.md', [error, warning]);
    const bad = (name: string, r: unknown) => problem(write(name, JSON.stringify([result('/s/0.md'), r])));
    expect(await problem(path.join(dir, 'missing.json'))).toBe(`${path.join(dir, 'missing.json')}: no such file`);
    mkdirSync(path.join(dir, 'folder.json'));
    expect(await problem(path.join(dir, 'folder.json'))).toMatch(/folder\.json: a folder, not a report file$/);
    expect(await problem(write('trunc.json', json([good, good]).slice(0, -30)))).toMatch(/trunc\.json: not a newslint JSON report: truncated/);
    expect(await problem(write('syntax.json', '[{"filePath": "/s/a.md", }]'))).toMatch(/syntax\.json: not a newslint JSON report: result 1 is not valid JSON/);
    expect(await bad('counts.json', { ...good, errorCount: 2 })).toMatch(
      /counts\.json: not a newslint JSON report: result 2 \("\/s\/a\.md"\): "errorCount" is 2, but its messages make 1$/,
    );
    expect(await bad('fixable.json', { ...good, fixableErrorCount: 0 })).toMatch(/"fixableErrorCount" is 0, but its messages make 1/);
    expect(await bad('nocount.json', { filePath: '/s/a.md', messages: [] })).toMatch(/"errorCount" must be a whole number/);
    expect(await bad('severity.json', { ...good, messages: [{ ...error, severity: 3 }] })).toMatch(/message 1: "severity" must be 1 or 2/);
    expect(await bad('line.json', { ...good, messages: [{ ...error, line: '4' }] })).toMatch(/message 1: "line" must be a whole number/);
    expect(await bad('fix.json', { ...good, messages: [{ ...error, fix: { range: [5, 1], text: '' } }] })).toMatch(/"fix" must be/);
    expect(await bad('path.json', { ...good, filePath: '' })).toMatch(/"filePath" must be a non-empty string/);
    expect(await bad('messages.json', { ...good, messages: {} })).toMatch(/"messages" must be an array/);
    expect(await bad('eslint.json', [good])).toMatch(/each result must be a JSON object/);
    expect(await problem(write('utf16.json', Buffer.from(`\uFEFF${json([good])}`, 'utf16le')))).toMatch(/utf16\.json: .*UTF-16, not UTF-8/);
    expect(await problem(write('utf16nobom.json', Buffer.from(json([good]), 'utf16le')))).toMatch(/UTF-16/);
    expect(await problem(write('latin1.json', Buffer.concat([Buffer.from('[{"filePath":"/s/caf'), Buffer.from([0xe9]), Buffer.from('"}]')])))).toMatch(
      /latin1\.json: .*not UTF-8/,
    );
  });
});

describe('mergeReports', () => {
  const dir = tempDir();
  const report = (name: string, results: FileResult[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, json(results));
    return file;
  };
  const paths = (results: FileResult[]) => results.map((r) => r.filePath);

  it('merges the reports in path order, as one run over all the files yields them', async () => {
    const a = report('a.json', [result('/s/a.md'), result('/s/d.md', [error]), result('/s/中.md')]);
    const b = report('b.json', [result('/s/b.md', [warning]), result('/s/c.md'), result('/s/z.md')]);
    const empty = report('empty.json', []);
    const merged = await all(mergeReports([empty, b, a]));
    expect(paths(merged)).toEqual(['/s/a.md', '/s/b.md', '/s/c.md', '/s/d.md', '/s/z.md', '/s/中.md']);
    expect(merged[3].messages).toEqual([error]);
    expect(await all(mergeReports([empty]))).toEqual([]);
  });

  it('refuses a file that two reports hold (the same shard twice, or reports of different runs)', async () => {
    const a = report('a2.json', [result('/s/a.md'), result('/s/c.md')]);
    const b = report('b2.json', [result('/s/b.md'), result('/s/c.md', [error])]);
    await expect(all(mergeReports([a, b]))).rejects.toThrow(`"/s/c.md" is in both ${a} and ${b}`);
    await expect(all(mergeReports([a, a]))).rejects.toThrow(ReportError);
  });

  it('refuses a report whose results are not in path order (check writes them in order: it was edited or is foreign)', async () => {
    const a = report('unsorted.json', [result('/s/b.md'), result('/s/a.md')]);
    await expect(all(mergeReports([a]))).rejects.toThrow(/unsorted\.json: not a newslint JSON report: its results are not in path order \("\/s\/a\.md" after "\/s\/b\.md"\)/);
    const twice = report('twice.json', [result('/s/a.md'), result('/s/a.md')]);
    await expect(all(mergeReports([twice]))).rejects.toThrow(/not in path order/);
  });
});
