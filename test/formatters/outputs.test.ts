// -f name[:file] and -o: which reports a run writes, and where.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/files/errors.js';
import { parseFormatOption, planOutputs } from '../../src/reports/outputs.js';

const parse = (...values: string[]) => values.reduce((prev, v) => parseFormatOption(v, prev), [] as ReturnType<typeof parseFormatOption>);

describe('report outputs', () => {
  it('parses name and name:file; the name ends at the first colon', () => {
    expect(parse('stylish', 'sarif:out.sarif', 'junit:C:\\ci\\r.xml')).toEqual([
      { format: 'stylish' },
      { format: 'sarif', file: 'out.sarif' },
      { format: 'junit', file: 'C:\\ci\\r.xml' },
    ]);
  });

  it('refuses an unknown format or a missing file name', () => {
    expect(() => parse('nope')).toThrow(UsageError);
    expect(() => parse('sarif:')).toThrow(/names no file/);
    expect(() => parse('out.sarif:sarif')).toThrow(/unknown format "out.sarif"/);
  });

  it('stylish by default; -o is the file of the format given without one', () => {
    expect(planOutputs(undefined, undefined, '/w')).toEqual([{ format: 'stylish' }]);
    expect(planOutputs(undefined, 'r.txt', '/w')).toEqual([{ format: 'stylish', file: 'r.txt' }]);
    expect(planOutputs(parse('sarif', 'junit:j.xml'), 'r.sarif', '/w')).toEqual([{ format: 'sarif', file: 'r.sarif' }, { format: 'junit', file: 'j.xml' }]);
  });

  it('at most one report on stdout, -o needs a format without a file, no two reports in one file', () => {
    expect(() => planOutputs(parse('json', 'sarif'), undefined, '/w')).toThrow(/only one report can go to stdout/);
    expect(() => planOutputs(parse('sarif:a'), 'b', '/w')).toThrow(/--output-file/);
    expect(() => planOutputs(parse('sarif:a', 'junit:./a'), undefined, '/w')).toThrow(/same file/);
  });
});
