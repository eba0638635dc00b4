// The fixer's YAML writing: a string written back into front matter must read as that same string in every
// generator's YAML reader, not only in YAML 1.2.
import jsYaml from 'js-yaml';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlScalar } from '../../src/engine/rule-fixer.js';

describe('yamlScalar', () => {
  const readers = {
    'YAML 1.2 (yaml)': (s: string) => parse(s),
    'YAML 1.1 (Psych, yaml.v2)': (s: string) => parse(s, { version: '1.1' }),
    'js-yaml (Hexo)': (s: string) => jsYaml.load(s),
  };

  it('keeps the style where it can', () => {
    const cases: [string, string, string][] = [
      ['https://a.com/x.jpg', 'PLAIN', 'https://a.com/x.jpg'],
      ['https://a.com/x.jpg', 'QUOTE_SINGLE', "'https://a.com/x.jpg'"],
      ["it's", 'QUOTE_SINGLE', "'it''s'"],
      ['a: b', 'PLAIN', "'a: b'"],
      ['2021-10-31T08:06:29+08:00', 'PLAIN', "'2021-10-31T08:06:29+08:00'"], // a timestamp to js-yaml and YAML 1.1
      ['true', 'PLAIN', "'true'"],
      ['123', 'PLAIN', "'123'"],
      ['x\ny', 'QUOTE_SINGLE', '"x\\ny"'],
      ['say "hi"', 'QUOTE_DOUBLE', '"say \\"hi\\""'],
      ['', 'PLAIN', "''"],
      ['#not comment', 'PLAIN', "'#not comment'"],
    ];
    for (const [value, style, expected] of cases) expect(yamlScalar(value, style)).toBe(expected);
  });

  it('keeps a plain string plain when every reader reads it as that string', () => {
    for (const v of ['https://a.example/x.jpg', '你好，世界', 'CUE!｜CUE', 'Win11_10']) expect(yamlScalar(v, 'PLAIN')).toBe(v);
  });

  it('quotes what some reader would take for a date, a boolean or a number', () => {
    // YAML 1.2 reads each of these plain as a string; js-yaml, Psych or yaml.v2 do not
    for (const v of ['2021-10-31', '2021-10-31 08:06:29', 'yes', 'On', 'off', 'y', '010', '1:30', '0x1F']) {
      const written = yamlScalar(v, 'PLAIN');
      for (const [name, read] of Object.entries(readers)) {
        expect((read(`k: ${written}\n`) as { k: unknown }).k, `${v} written as ${written}, read by ${name}`).toBe(v);
      }
    }
  });

  it('every style reads back as the same string, whatever the value', () => {
    for (const style of ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE']) {
      for (const v of ["it's", 'a "b"', 'x: y', '# no', '', 'line\nbreak', '- item', '@at', '`tick`', '  spaced  ']) {
        const written = yamlScalar(v, style);
        for (const [name, read] of Object.entries(readers)) expect((read(`k: ${written}\n`) as { k: unknown }).k, `${style} ${JSON.stringify(v)} by ${name}`).toBe(v);
      }
    }
  });
});
