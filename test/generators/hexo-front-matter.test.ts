// Differential test: newslint's Hexo front-matter reader against the real hexo-front-matter 4.2.1 `parse`,
// called exactly as Hexo 8.1.2 calls it (hexo/dist/plugins/processor/post.js: `parse(content)` on the text
// hexo-fs read, with CRLF turned into LF and the BOM removed). Over the shipped posts, mutated posts and
// generated front matter: front matter found ⇔ found, the body Hexo renders is our body, the data is
// the same (Dates as instants), and Hexo throws ⇔ we report the post as fatal.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHexoFrontMatter } from '../../src/generators/hexo/front-matter.js';
import { ArticleError } from '../../src/parse/errors.js';
import { anyPost, comparable } from './corpus.js';
import { fuzzSeed } from '../helpers/seed.js';

const require = createRequire(import.meta.url);
const hexoFrontMatter: { parse(str: string): Record<string, unknown> } = require('hexo-front-matter');
const RUNS = Number(process.env.NEWSLINT_PROPERTY_RUNS ?? 2000);

/** What hexo-fs hands to hexo-front-matter (hexo-fs/dist/fs.js escapeFileContent). */
const asHexoReads = (file: string) => file.replace(/\r\n/g, '\n').replace(/^\ufeff/, '');

type Outcome = { throws: true } | { throws: false; found: boolean; body: string; data: unknown };

function theirs(file: string): Outcome {
  const str = asHexoReads(file);
  let result: Record<string, unknown>;
  try {
    result = hexoFrontMatter.parse(str);
  } catch {
    return { throws: true };
  }
  const { _content, ...data } = result;
  const found = _content !== str;
  // parse() puts _content on the loaded value even when it is an array
  const loaded = Array.isArray(result) ? [...result] : data;
  return { throws: false, found, body: _content as string, data: found ? comparable(loaded) : null };
}

function ours(file: string): Outcome {
  const text = file.replace(/^\ufeff/, ''); // newslint decodes files without their BOM
  let loaded;
  try {
    loaded = readHexoFrontMatter(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ArticleError);
    expect((err as Error).message).toMatch(/^front matter: Hexo cannot read it either \(js-yaml: .+\), so Hexo drops this post$/);
    return { throws: true };
  }
  // (the BOM is gone already: a second one, like any other character, stays in the body)
  const lf = (s: string) => s.replace(/\r\n/g, '\n');
  if (!loaded) return { throws: false, found: false, body: lf(text), data: null };
  const { block, data } = loaded;
  expect(block.range[0]).toBeLessThanOrEqual(block.contentRange[0]);
  expect(block.contentRange[1]).toBeLessThanOrEqual(block.range[1]);
  expect(block.range[1]).toBeLessThanOrEqual(block.bodyStart);
  return { throws: false, found: true, body: lf(text.slice(block.bodyStart)), data: comparable(hexoShift(data)) };
}

/** hexo-front-matter's parse moves each top-level Date by the machine's zone offset ("Convert timezone"). */
function hexoShift(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) if (v instanceof Date) out[k] = new Date(v.getTime() + v.getTimezoneOffset() * 60 * 1000);
  return out;
}


describe('Hexo front matter: newslint reads what hexo-front-matter 4.2.1 reads', () => {
  it('agrees on the split, the body, the data and the failures', () => {
    fc.assert(
      fc.property(anyPost, ({ text }) => {
        expect(ours(text)).toEqual(theirs(text));
      }),
      { numRuns: RUNS, seed: fuzzSeed('hexo-front-matter'), endOnFailure: true },
    );
  });

  it.each([
    ['fenced', '---\ntitle: x\n---\nbody'],
    ['one blank line first', '\n---\ntitle: x\n---\nbody'],
    ['two blank lines first: body', '\n\n---\ntitle: x\n---\nbody'],
    [';;; JSON', ';;;\n"title": "x"\n;;;\nbody'],
    ['unreadable ;;; JSON: body', ';;;\ntitle: x\n;;;\nbody'],
    ['fence-less', 'title: x\n---\nbody'],
    ['prose above a rule: body', 'A heading\n---\nbody'],
    ['longer fences', '-----\ntitle: x\n-----\nbody'],
    ['a longer closing fence leaves dashes in the body', '---\ntitle: x\n----\nbody'],
    ['empty block: body', '---\n---\nbody'],
    ['comment-only block: body', '---\n# c\n---\nbody'],
    ['unclosed fence: body', '---\ntitle: x\nbody'],
    ['CRLF', '---\r\ntitle: x\r\n---\r\nbody'],
    ['BOM', '\ufeff---\ntitle: x\n---\nbody'],
    ['a list is loaded as it is', '---\n- a\n- b\n---\nbody'],
    ['repeated key: Hexo throws', '---\ntitle: a\ntitle: b\n---\nbody'],
    ['tabs at a line start become spaces', '---\ntags:\n\t- a\n---\nbody'],
  ])('%s', (_name, text) => {
    expect(ours(text)).toEqual(theirs(text));
  });
});
