// The plugin's parts that need no Hexo process: its options, and one post linted and fixed in memory
// (packages/hexo-newslint/lib/post.js) with this repository's NewsLint and Hexo's own front-matter splitter.
import { createRequire } from 'node:module';
import { NewsLint } from '../../src/api.js';

const require = createRequire(import.meta.url);
const { readOptions } = require('../../packages/hexo-newslint/lib/options.js');
const { lintPost } = require('../../packages/hexo-newslint/lib/post.js');
const { split } = require('hexo-front-matter');

describe('readOptions', () => {
  it('fills in the defaults', () => {
    expect(readOptions(undefined)).toEqual({ options: { fix: true, failOn: 'never', config: null } });
    expect(readOptions({ failOn: 'warn', config: 'c.json' })).toEqual({ options: { fix: true, failOn: 'warn', config: 'c.json' } });
  });

  it.each([
    ['yes', '"newslint" in _config.yml must be a map of options (fix, failOn, config), not "yes"'],
    [{ failon: 'error' }, 'unknown option "newslint.failon" in _config.yml (the options are fix, failOn and config)'],
    [{ fix: 'true' }, 'newslint.fix in _config.yml must be true or false, not "true"'],
    [{ failOn: 'constructor' }, 'newslint.failOn in _config.yml must be error, warn or never, not "constructor"'],
    [{ config: '' }, 'newslint.config in _config.yml must be the path of a newslint config file, not ""'],
  ])('refuses %j', (value, error) => {
    expect(readOptions(value)).toEqual({ error });
  });
});

describe('lintPost', () => {
  const file = '/site/source/_posts/a.md';
  const raw = '---\ntitle: A\ndate: Sat, 05 Feb 2022 00:16:12 GMT\n---\n<p>One</p><p></p>\n<img src="https://cors.zfour.workers.dev/?http://example.com/a.jpg">\n';
  const body = split(raw).content;
  const linters = async (fix: boolean) => ({
    checking: await NewsLint.create({ cwd: '/site' }),
    fixing: fix ? await NewsLint.create({ cwd: '/site', fix: true }) : null,
    split,
  });

  it('gives Hexo the fixed body; front matter fixes are not applied and their problems stay, where they are in the file', async () => {
    const data = { raw, content: body, full_source: file };
    const outcome = await lintPost(data, await linters(true));
    expect(data.content).toBe('<p>One</p>\n<img src="http://example.com/a.jpg">\n');
    expect(outcome.fixed).toBe(true);
    const at = (rule: string) => outcome.problems.filter((m: { ruleId: string }) => m.ruleId === rule).map((m: { line: number }) => m.line);
    expect(at('date-format')).toEqual([3]);
    expect(at('image-alt')).toEqual([6]);
    expect(at('no-proxied-url')).toEqual([]);
  });

  it('leaves a body another filter changed alone, and reports the file as it is', async () => {
    const data = { raw, content: `${body}<!-- added by another filter -->`, full_source: file };
    const outcome = await lintPost(data, await linters(true));
    expect(data.content).toBe(`${body}<!-- added by another filter -->`);
    expect(outcome.fixed).toBe(false);
    expect(outcome.problems.some((m: { ruleId: string }) => m.ruleId === 'no-proxied-url')).toBe(true);
  });

  it('without fix, only reports', async () => {
    const data = { raw, content: body, full_source: file };
    const outcome = await lintPost(data, await linters(false));
    expect(data.content).toBe(body);
    expect(outcome.problems.some((m: { ruleId: string }) => m.ruleId === 'no-empty-paragraph')).toBe(true);
  });

  it('skips what newslint does not check: other templates, a document without its file text', async () => {
    expect(await lintPost({ raw, content: body, full_source: '/site/source/about/index.ejs' }, await linters(true))).toBeNull();
    expect(await lintPost({ content: body, full_source: file }, await linters(true))).toBeNull();
  });
});
