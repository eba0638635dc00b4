// Posts for the differential tests that hold newslint's front-matter readers against the generators' own
// (hexo-front-matter, Jekyll with Psych, Hugo): the real posts, the real posts mutated in the ways scrapers
// and people break front matter, and generated front matter of tricky scalars.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every post shipped in fixtures/ (real scraped posts and the rule fixtures), as raw file text. */
export const FIXTURE_POSTS: readonly string[] = (['fixtures/real', 'fixtures/rules'] as const).flatMap((dir) =>
  (readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8')),
);

type Mutation = (text: string) => string;

/** Replaces the first match of `find` (a string) after `from`, or leaves the text alone. */
function replaceFirst(text: string, find: string, by: string, from = 0): string {
  const i = text.indexOf(find, from);
  return i === -1 ? text : text.slice(0, i) + by + text.slice(i + find.length);
}

/** The line-start offset of the second fence line (the closing `---`), or -1. */
function closingFence(text: string): number {
  const first = text.indexOf('---');
  if (first === -1) return -1;
  const i = text.indexOf('\n---', first + 3);
  return i === -1 ? -1 : i + 1;
}

/** Ways people, scrapers and editors change a post around its front matter. */
export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  'leading blank line': (t) => `\n${t}`,
  'no leading blank line': (t) => t.replace(/^\n+/, ''),
  'two leading blank lines': (t) => `\n\n${t.replace(/^\n+/, '')}`,
  'leading spaces line': (t) => `  \n${t.replace(/^\n+/, '')}`,
  'leading spaces before the fence': (t) => `  ${t.replace(/^\n+/, '')}`,
  'longer opening fence': (t) => replaceFirst(t, '---', '-----'),
  'longer closing fence': (t) => {
    const i = closingFence(t);
    return i === -1 ? t : `${t.slice(0, i)}-----${t.slice(i + 3)}`;
  },
  'both fences longer': (t) => {
    const i = closingFence(t);
    const closed = i === -1 ? t : `${t.slice(0, i)}-----${t.slice(i + 3)}`;
    return replaceFirst(closed, '---', '-----');
  },
  'semicolon fences': (t) => {
    const i = closingFence(t);
    const closed = i === -1 ? t : `${t.slice(0, i)};;;${t.slice(i + 3)}`;
    return replaceFirst(closed, '---', ';;;');
  },
  'closing fence with trailing spaces': (t) => {
    const i = closingFence(t);
    return i === -1 ? t : `${t.slice(0, i + 3)}  ${t.slice(i + 3)}`;
  },
  'opening fence with trailing spaces': (t) => replaceFirst(t, '---\n', '---  \n'),
  'dots close the block': (t) => {
    const i = closingFence(t);
    return i === -1 ? t : `${t.slice(0, i)}...${t.slice(i + 3)}`;
  },
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  'lone CR line ends': (t) => t.replace(/\r?\n/g, '\r'),
  BOM: (t) => `\ufeff${t}`,
  'tabs indent a list': (t) => t.replace(/\n {1,4}- /g, '\n\t- '),
  'tab after a colon': (t) => replaceFirst(t, ': ', ':\t'),
  'fence-less': (t) => t.replace(/^\n*---\r?\n/, ''),
  'unclosed fence': (t) => {
    const i = closingFence(t);
    return i === -1 ? t : t.slice(0, i) + t.slice(i + 3);
  },
  'no closing fence line break': (t) => {
    const i = closingFence(t);
    return i === -1 ? t : t.slice(0, i + 3);
  },
  'empty front matter': (t) => {
    const i = closingFence(t);
    const first = t.indexOf('---');
    return i === -1 ? t : t.slice(0, first + 4) + t.slice(i);
  },
  'a --- rule in the body': (t) => `${t}\n\n---\n\nmore text\n`,
  'a setext heading above the body': (t) => `${t}\nA heading\n---\n`,
  'prose above a setext ---': (t) => `Some prose first\n---\n${t}`,
  'a Markdown list first': (t) => `- item\n- item\n\n${t}`,
  'broken YAML (unclosed flow)': (t) => replaceFirst(t, '\ntitle: ', '\nbroken: [a, b\ntitle: '),
  'broken YAML (bad indentation)': (t) => replaceFirst(t, '\ntitle: ', '\n  odd: 1\ntitle: '),
  'repeated key': (t) => replaceFirst(t, '\ntitle: ', '\ntitle: first\ntitle: '),
  'title continued at column 0': (t) => t.replace(/\ntitle: '([^'\n]{4,})'/, (_m, s: string) => `\ntitle: '${s.slice(0, 3)}\n${s.slice(3)}'`),
  'plain title': (t) => t.replace(/\ntitle: '([^'\n]*)'/, '\ntitle: $1'),
  'double-quoted title': (t) => t.replace(/\ntitle: '([^'\n"\\]*)'/, '\ntitle: "$1"'),
  'YAML document marker inside': (t) => replaceFirst(t, '\ntitle: ', '\n---\ntitle: '),
  'a comment line': (t) => replaceFirst(t, '\ntitle: ', '\n# imported\ntitle: '),
  'timestamp date': (t) => t.replace(/\ndate: [^\n]*/, '\ndate: 2021-10-31 08:06:29'),
  'timestamp date with zone': (t) => t.replace(/\ndate: [^\n]*/, '\ndate: 2021-10-31T08:06:29+08:00'),
  'date only': (t) => t.replace(/\ndate: [^\n]*/, '\ndate: 2021-10-31'),
  'YAML 1.1 words': (t) => replaceFirst(t, '\ntitle: ', '\ndraft: yes\ncomments: off\nsticky: y\ntitle: '),
  'numbers': (t) => replaceFirst(t, '\ntitle: ', '\nweight: 010\nsize: 1_000\nratio: 1e3\ntitle: '),
  'a js tag': (t) => replaceFirst(t, '\ntitle: ', '\nf: !!js/function "function () {}"\ntitle: '),
  'an alias': (t) => replaceFirst(t, '\ntitle: ', '\nbase: &b x\ncopy: *b\ntitle: '),
  'truncated': (t) => t.slice(0, Math.max(0, Math.floor(t.length / 3))),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A real post with up to three mutations applied, and their names (for failure messages). */
export const mutatedPost: fc.Arbitrary<{ text: string; how: string[] }> = fc
  .tuple(fc.constantFrom(...FIXTURE_POSTS), fc.array(fc.constantFrom(...MUTATION_NAMES), { maxLength: 3 }))
  .map(([post, how]) => ({ text: how.reduce((t, m) => MUTATIONS[m](t), post), how }));

/** Scalars that YAML readers disagree on or that break naive splitters. */
const SCALARS = [
  "'single ''quoted'' 标题'",
  '"double \\"quoted\\" \\u00e9"',
  'plain text with: colon',
  'plain # not a comment',
  'plain #comment',
  "'## 入手umi\n对于路由的考虑真心全乎，666'",
  '"multi\n  line"',
  'multi\n  line plain',
  '|\n  literal\n  block',
  '>-\n  folded\n  block',
  '2021-10-31 08:06:29',
  '2021-10-31',
  '2021-10-31T08:06:29Z',
  'Sun, 31 Oct 2021 00:06:29 GMT',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '~',
  'null',
  'true',
  'True',
  '010',
  '0o10',
  '0x1F',
  '1_000',
  '1e3',
  '1.5',
  '.inf',
  '.NaN',
  '12:30',
  '1:20:30',
  ':smile:',
  '[a, b]',
  '{a: 1}',
  '[unclosed',
  "'unclosed",
  '- item',
  '',
  '---',
  '...',
  'a\tb',
  '&anchor x',
  '*alias',
  '!!str 1',
  '!!binary aGVsbG8=',
  '@at',
  '`tick`',
  '%percent',
  'http://example.com/?a=1&b=2#frag',
  '"\\x41\\t"',
  "'it''s'",
  '中文：冒号',
  '"\u2028"',
] as const;

const KEYS = ['title', 'date', 'tags', 'categories', 'draft', 'weight', 'description', 'title', '"quoted key"', 'key with space'] as const;

const entry = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SCALARS)).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.array(fc.constantFrom(...SCALARS), { maxLength: 3 }), fc.constantFrom(' ', '  ', '\t', '')).map(([k, items, ind]) => `${k}:\n${items.map((v) => `${ind}- ${v}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.constantFrom('# a comment', '', '  ', '---', '...', '\t', 'just words', 'key: value: more', '  indented: 1') },
);

/** Generated posts: fences of several kinds around generated YAML, a body, several line ends. */
export const generatedPost: fc.Arbitrary<{ text: string; how: string[] }> = fc
  .record({
    lead: fc.constantFrom('', '', '\n', '\n\n', ' ', '\ufeff'),
    open: fc.constantFrom('---', '---', '---', '----', ';;;', '+++', '--- ', '---yaml', ''),
    close: fc.constantFrom('---', '---', '---', '----', ';;;', '+++', '...', '--- ', ''),
    entries: fc.array(entry, { maxLength: 6 }),
    body: fc.constantFrom('', 'body\n', '\n<p>x</p>\n', '---\nafter\n', 'Heading\n---\n', '{{ x }}\n'),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
  })
  .map(({ lead, open, close, entries, body, eol }) => {
    const lines = [open, ...entries, close].filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
    const text = `${lead}${lines.join('\n')}\n${body}`.replace(/\r?\n/g, eol);
    return { text, how: ['generated'] };
  });

/** Everything the differential tests run: real, mutated and generated posts. */
export const anyPost: fc.Arbitrary<{ text: string; how: string[] }> = fc.oneof(
  fc.constantFrom(...FIXTURE_POSTS).map((text) => ({ text, how: ['fixture'] })),
  mutatedPost,
  generatedPost,
);

/** A deterministic batch of posts (for tests that run a generator once over many cases). */
export function samplePosts(count: number, seed: number): { text: string; how: string[] }[] {
  return fc.sample(anyPost, { numRuns: count, seed });
}

/** Loaded front-matter data made comparable: Dates as instants, everything else as is (NaN equals NaN to toEqual). */
export function comparable(value: unknown): unknown {
  if (value instanceof Date) return { instant: value.getTime() };
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}
