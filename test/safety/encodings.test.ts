// Encodings: a file that is not UTF-8 is never rewritten; the error names the likely encoding (chardet) and
// says how to convert. The byte strings are real GBK, Big5, Shift_JIS and UTF-16 encodings of short posts,
// hard-coded (made once with a standard codec) because no converter is a dependency.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/files/errors.js';
import { decodeArticle } from '../../src/files/read.js';
import { cli, tempDir } from './helpers.js';

const hex = (parts: string[]) => Buffer.from(parts.join(''), 'hex');

/** "微软正式禁用安装器协议链接" post in GBK. */
const GBK = hex([
    '2d2d2d0a7469746c653a20cea2c8edd5fdcabdbdfbd3c3b0b2d7b0c6f7d0add2e9c1b4bdd30a646174653a20323032312d31',
    '302d33312030383a30363a32390a2d2d2d0a0a3c703ebeddcde2c3bdb1a8b5c0a3accea2c8edb9abcbbebdfcc8d5d0fbb2bc',
    'a3acbdabd4dad0c2b0e6b1beb5c4b2d9d7f7cfb5cdb3d6d0d5fdcabdbdfbd3c3b8c3d0add2e9c1b4bdd3a3acd2d4b7c0d6b9',
    'b6f1d2e2c8edbcfec0fbd3c3d5e2d2bbc2a9b6b4bdf8d0d0b4abb2a5a1a3b0b2c8abd1d0bebfc8cbd4b1b1edcabea3acd5e2',
    'd2bbb4ebcaa9bdabd3d0d0a7cce1c9fdd3c3bba7b5c4b0b2c8abd0d4a1a33c2f703e0a',
]);
/** The same post in Traditional Chinese, Big5. */
const BIG5 = hex([
    '2d2d2d0a7469746c653a20b74cb36ea5bfa6a1b854a5cea677b8cbbeb9a8f3c4b3b373b5b20a646174653a20323032312d31',
    '302d33312030383a30363a32390a2d2d2d0a0a3c703ebedaa57eb443b3f8bec9a141b74cb36ea4bda571aaf1a4e9abc5a5ac',
    'a141b14ea662b773aaa9a5bbaabaa740b77ea874b2cea4a4a5bfa6a1b854a5ceb8d3a8f3c4b3b373b5b2a141a548a8bea4ee',
    'b463b74eb36ec5e9a751a5ceb36fa440ba7cac7db669a6e6b6c7bcbda143a677a5feace3a873a448adfbaaeda5dca141b36f',
    'a440b1b9ac49b14ea6b3aec4b4a3a4c9a8cfa5ceaaccaabaa677a5fea9caa1433c2f703e0a',
]);
/** "あにげっちゅ 公開生放送" post in Shift_JIS. */
const SJIS = hex([
    '2d2d2d0a7469746c653a2082a082c982b082c182bf82e3208cf68a4a90b695fa91970a646174653a20323032312d31312d31',
    '342030383a30363a32390a2d2d2d0a0a3c703e8da189f182cc8cf68a4a90b695fa919782c582cd814190ba974482cc8a4682',
    'b382f182aa8f6f898982b58141905682b582a28341836a83818dec956982c982c282a282c482a8986282b582b582dc82b781',
    '4289ef8fea82c982a8897a82b582a282bd82be82a282bd8a46976c82c982cd814193c195ca82c88376838c835b8393836782',
    'f082b2977088d382b582c482a882e882dc82b7814282ba82d082b28e5189c182ad82be82b382a281423c2f703e0a',
]);
/** The GBK post in UTF-16 with its BOM (little-endian). */
const UTF16_BOM = hex([
    'fffe2d002d002d000a007400690074006c0065003a002000ae5f6f8f636b0f5f81792875895bc58868564f53ae8bfe94a563',
    '0a0064006100740065003a00200032003000320031002d00310030002d00330031002000300038003a00300036003a003200',
    '39000a002d002d002d000a000a003c0070003e006e631659925aa56253900cffae5f6f8f6c51f853d18fe565a35b035e0cff',
    '065c2857b06548722c678476cd645c4ffb7cdf7e2d4e636b0f5f81792875e58b4f53ae8bfe94a5630cffe54e3296626b7660',
    '0f616f8ff64e29522875d98f004e0f6f1e6ddb8f4c88204fad640230895b68511478767aba4e585468883a790cffd98f004e',
    'aa63bd65065c09674865d0634753287537628476895b6851276002303c002f0070003e000a00',
]);
/** An ASCII post in UTF-16LE without a BOM: every byte is valid UTF-8, NULs between the letters. */
const UTF16LE_ASCII = hex([
    '2d002d002d000a007400690074006c0065003a002000480065006c006c006f00200077006f0072006c0064000a0064006100',
    '740065003a00200032003000320031002d00310030002d00330031002000300038003a00300036003a00320039000a002d00',
    '2d002d000a000a003c0070003e005400680069007300200070006f0073007400200077006100730020007300610076006500',
    '640020006100730020005500540046002d0031003600200062007900200061006e0020006f006c0064002000570069006e00',
    '64006f0077007300200065006400690074006f0072002e003c002f0070003e003c0070003e003c002f0070003e000a00',
]);

const CASES: [string, Buffer, RegExp][] = [
  ['GBK', GBK, /GB18030 \(GBK\)/],
  ['Big5', BIG5, /Big5/],
  ['Shift_JIS', SJIS, /Shift_JIS/],
  ['UTF-16 with BOM', UTF16_BOM, /UTF-16LE/],
  ['UTF-16LE without BOM', UTF16LE_ASCII, /UTF-16LE/],
];

describe('non-UTF-8 files', () => {
  it('the byte strings really are those encodings (TextDecoder reads them back)', () => {
    expect(new TextDecoder('gbk').decode(GBK)).toContain('微软正式禁用');
    expect(new TextDecoder('big5').decode(BIG5)).toContain('微軟正式禁用');
    expect(new TextDecoder('shift_jis').decode(SJIS)).toContain('公開生放送');
    expect(new TextDecoder('utf-16le').decode(UTF16_BOM)).toContain('微软正式禁用');
    expect(new TextDecoder('utf-16le').decode(UTF16LE_ASCII)).toContain('Hello world');
  });

  for (const [name, bytes, guess] of CASES) {
    it(`${name}: refused with the likely encoding named and the conversion to run`, () => {
      let err: unknown;
      try {
        decodeArticle(bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FileError);
      expect((err as Error).message).toMatch(guess);
      expect((err as Error).message).toMatch(/iconv -f \S+ -t UTF-8/);
    });
  }

  it('--fix never rewrites them, reports each, fixes the UTF-8 file beside them (exit 1, not 2)', () => {
    const dir = tempDir();
    for (const [name, bytes] of CASES) writeFileSync(path.join(dir, `${name.replace(/\W/g, '_')}.md`), bytes);
    writeFileSync(path.join(dir, 'utf8.md'), '---\ntitle: x\n---\n\n<p>正文</p><p></p>\n');
    const r = cli(['check', '--fix', '--format', 'json', '.'], dir);
    expect(r.status, r.stderr).toBe(1);
    for (const [name, bytes, guess] of CASES) {
      const file = path.join(dir, `${name.replace(/\W/g, '_')}.md`);
      expect(readFileSync(file).equals(bytes), `${name} was rewritten`).toBe(true);
      const res = JSON.parse(r.stdout).find((x: { filePath: string }) => x.filePath === file);
      expect(res.messages).toHaveLength(1);
      expect(res.messages[0]).toMatchObject({ fatal: true, message: expect.stringMatching(guess) });
    }
    expect(readFileSync(path.join(dir, 'utf8.md'), 'utf8')).not.toContain('<p></p>');
  });

  it('UTF-8 with a BOM, with NULs here and there, and with a lone invalid byte: only the last is refused', () => {
    expect(decodeArticle(Buffer.from('\ufeff---\ntitle: x\n---\n', 'utf8')).bom).toBe(true);
    expect(decodeArticle(Buffer.from('---\ntitle: x\n---\n\n正文\u0000正文\n', 'utf8')).text).toContain('\u0000');
    const bad = Buffer.concat([Buffer.from('---\ntitle: x\n---\n\n正文'), Buffer.from([0xff]), Buffer.from('\n')]);
    expect(() => decodeArticle(bad)).toThrow(/not valid UTF-8 \(first bad byte at line 5\)/);
  });
});
