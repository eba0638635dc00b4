// post-file-name on paths, per generator and condition. Which posts each generator really drops is shown by
// building real sites in test/generators/*-files.test.ts; here every message, rename and setting is pinned.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { lintText } from '../../src/engine/linter.js';
import rule from '../../rules/post-file-name.js';
import { GENERATORS, makeSite, siteWithoutRoot, type GeneratorName } from '../../src/generators/index.js';

/** A site rooted at /site with these settings in its config (it need not exist: the rule reads no file). */
const site = (name: GeneratorName, config: Record<string, unknown> = {}) =>
  makeSite(GENERATORS[name], '/site', `/site/${name === 'hugo' ? 'hugo.toml' : '_config.yml'}`, 'test', GENERATORS[name].settings('/site', config), {});
const hexo = site('hexo');
const jekyll = site('jekyll');
const hugo = site('hugo');
const fm = (lines = 'title: t') => `---\n${lines}\n---\n<p>body</p>\n`;
const post = fm();
const rename = { rename: true };
const HIDDEN = 'Hexo hides files and folders below _posts/ whose names start with "_" or "."';
const MALFORMED = 'which is not a %-escape: Hexo cannot decode the URL made from it (URIError: URI malformed) and drops the post';
const JEKYLL_SPECIAL = 'Jekyll skips names starting with ".", "_", "#" or "~"';
const HUGO_IGNORED = 'Hugo ignores files and folders whose names start with "." or "#" or end with "~"';

RuleTester.run(rule, {
  valid: [
    { code: post, name: 'text that is no file' },
    { code: post, filePath: '/site/source/_posts/ok.md', site: hexo },
    { code: post, filePath: '/site/source/_posts/新媒体/cnBeta/最新/(RED)发视频庆祝与苹果合作15周年.md', site: hexo, name: 'CJK, brackets' },
    { code: post, filePath: '/site/source/_posts/a%41 100%25 %E4%B8%AD.md', site: hexo, name: 'well-formed %-escapes' },
    { code: post, filePath: '/site/source/_posts/~tilde #hash.md', site: hexo, name: '~ and # are not hidden to Hexo' },
    { code: post, filePath: '/site/source/_posts/q?x%zz.md', site: hexo, name: 'a % after ? is in the query, which Hexo does not decode' },
    { code: post, filePath: '/site/source/_posts/excl.md', site: site('hexo', { exclude: ['_posts/excl.md'] }), name: 'exclude does not apply to posts' },
    { code: post, filePath: '/site/source/_posts/b%zz.md', site: site('hexo', { new_post_name: ':year-:month-:day-:title.md' }), name: 'a name new_post_name does not match: :title is slugized' },
    { code: post, filePath: '/site/source/_posts/a%zz.md', site: site('hexo', { permalink: ':year/:month/:post_title.html' }), name: 'a permalink without the file name' },
    { code: fm('categories: [c%zz]'), filePath: '/site/source/_posts/c.md', site: site('hexo', { permalink: ':category/:post_title/' }), name: 'categories are slugized' },
    { code: fm('permalink: 50%25off/'), filePath: '/site/source/_posts/p.md', site: hexo, name: 'an escaped % in a front-matter permalink' },
    { code: post, filePath: '/site/source/_about.md', site: hexo, name: 'a hidden page: hidden on purpose' },
    { code: post, filePath: '/site/100%.md', site: hexo, name: 'outside the source folder' },
    { code: post, filePath: '/site/_posts/2021-01-01-ok.md', site: jekyll },
    { code: post, filePath: '/site/_posts/sub/_sub2/2021-01-01-deep.md', site: jekyll, name: 'only the first folder below _posts and the name are filtered' },
    { code: post, filePath: '/site/blog/_posts/2021-1-1-short.md', site: jekyll, name: 'one-digit month and day; _posts in a folder' },
    { code: post, filePath: '/site/_posts/21-01-01-yy.md', site: jekyll, name: 'two-digit year' },
    { code: post, filePath: '/site/_posts/2021-02-30-feb.md', site: jekyll, name: 'a day the month lacks rolls over' },
    { code: fm('date: 2021-01-01'), filePath: '/site/_posts/2021-13-01-m.md', site: jekyll, name: "the front matter's date: the name's is not parsed" },
    { code: post, filePath: '/site/_posts/2021-01-01-a%zz.md', site: jekyll, name: 'Jekyll slugifies a %' },
    { code: post, filePath: '/site/_posts/_sub/2021-01-01-x.md', site: site('jekyll', { include: ['_sub'] }), name: 'an included folder' },
    { code: post, filePath: '/site/coll/_posts/2021-01-01-ok.md', site: site('jekyll', { collections_dir: 'coll' }) },
    { code: post, filePath: '/site/_drafts/draft.md', site: jekyll, name: 'a draft needs no date' },
    { code: post, filePath: '/site/about.md', site: jekyll, name: 'a page' },
    { code: post, filePath: '/site/content/posts/ok.md', site: hugo },
    { code: post, filePath: '/site/content/posts/_under.md', site: hugo, name: '_ is not hidden to Hugo' },
    { code: post, filePath: '/site/content/posts/_dir/~tilde a%zz.markdown', site: hugo },
    { code: post, filePath: '/site/themes/t/layouts/.x.md', site: hugo, name: 'outside the content folder' },
  ],
  invalid: [
    // Hexo: hidden
    {
      code: post,
      filePath: '/site/source/_posts/_under.md',
      site: hexo,
      errors: [{ messageId: 'dropped', message: `Hexo never publishes this post: the name "_under.md" starts with "_": ${HIDDEN}; named "under.md", it would be published`, line: 1, column: 1, rename: null }],
      output: null,
    },
    { code: post, filePath: '/site/source/_posts/_under.md', site: hexo, options: rename, errors: [{ rename: 'under.md' }], output: post, name: 'renamed with rename: true' },
    { code: post, filePath: '/site/source/_posts/._x.md', site: hexo, options: rename, errors: [{ message: /the name "\._x\.md" starts with "\."/, rename: 'x.md' }], output: post },
    { code: post, filePath: '/site/source/_drafts/_d.md', site: hexo, options: rename, errors: [{ message: /below _drafts\//, rename: 'd.md' }], output: post },
    {
      code: post,
      filePath: '/site/source/_posts/新媒体/_hid/in.md',
      site: hexo,
      options: rename,
      errors: [{ message: `Hexo never publishes this post: the folder "_hid" starts with "_": ${HIDDEN}; rename the folder "_hid" (e.g. to "hid")`, rename: null }],
      output: null,
    },
    { code: post, filePath: '/site/source/_posts/.md', site: hexo, options: rename, errors: [{ message: /the name "\.md" starts with "\.": .*; rename it$/, rename: null }], output: null, name: 'nothing left to name it' },
    // Hexo: temporary, renderer, settings
    { code: post, filePath: '/site/source/_posts/x.md~', site: hexo, options: rename, errors: [{ message: /the name "x\.md~" ends with "~", which Hexo takes for an editor's temporary file/, rename: 'x.md' }], output: post },
    {
      code: post,
      filePath: '/site/source/_posts/UP.MD',
      site: hexo,
      options: rename,
      errors: [{ message: 'Hexo never publishes this post: Hexo has no renderer for the extension ".MD" (extensions are case-sensitive: ".md" has one), so the file is not a post; named "UP.md", it would be published', rename: 'UP.md' }],
      output: post,
    },
    { code: post, filePath: '/site/source/_posts/x.txt', site: hexo, options: rename, errors: [{ message: /no renderer for the extension "\.txt", so the file is not a post; give it a Markdown extension \(\.md\)$/, rename: null }], output: null },
    {
      code: post,
      filePath: '/site/source/_posts/skip.md',
      site: site('hexo', { skip_render: '_posts/skip.md' }),
      errors: [{ message: 'Hexo never publishes this post: it matches skip_render "_posts/skip.md": Hexo copies it without rendering it, and not as a post; take it out of skip_render in _config.yml' }],
      output: null,
    },
    {
      code: post,
      filePath: '/site/source/_posts/ign/x.md',
      site: site('hexo', { ignore: ['**/ign/**'] }),
      errors: [{ message: 'Hexo never publishes this post: it matches the site\'s ignore pattern "**/ign/**", so Hexo never reads it; take it out of "ignore" in _config.yml' }],
      output: null,
    },
    {
      code: post,
      filePath: '/site/source/_posts/x.markdown',
      site: site('hexo', { post_asset_folder: true }),
      options: rename,
      errors: [{ message: /post_asset_folder is on, so Hexo renders only posts ending in "\.md" \(the extension of new_post_name\)/, rename: null }],
      output: null,
    },
    // Hexo: the URL
    {
      code: post,
      filePath: '/site/source/_posts/a%zz.md',
      site: hexo,
      options: rename,
      errors: [{ message: `Hexo never publishes this post: the name "a%zz.md" holds "%zz", ${MALFORMED}; named "a％zz.md", it would be published`, rename: 'a％zz.md' }],
      output: post,
    },
    { code: post, filePath: '/site/source/_posts/100%.md', site: hexo, options: rename, errors: [{ message: /holds "%"/, rename: '100％.md' }], output: post, name: 'a % at the end' },
    { code: post, filePath: '/site/source/_posts/pct%e4%b8.md', site: hexo, options: rename, errors: [{ message: /holds "%e4%b8"/, rename: 'pct％e4％b8.md' }], output: post, name: 'a cut UTF-8 sequence' },
    { code: post, filePath: '/site/source/_posts/%C0%AF.md', site: hexo, options: rename, errors: [{ message: /holds "%C0%AF"/, rename: '％C0％AF.md' }], output: post, name: 'an overlong UTF-8 sequence' },
    { code: post, filePath: '/site/source/_posts/_a%zz.md', site: hexo, options: rename, errors: [{ message: /the name "_a%zz\.md" starts with "_"/, rename: 'a％zz.md' }], output: post, name: 'two faults, one rename' },
    { code: post, filePath: '/site/source/_posts/sub%zz/x.md', site: hexo, options: rename, errors: [{ message: /the folder "sub%zz" holds "%zz", .*; rename the folder "sub%zz"$/, rename: null }], output: null },
    { code: post, filePath: '/site/source/_posts/a%zz.md', site: site('hexo', { post_asset_folder: true }), options: rename, errors: [{ message: /; rename it and its asset folder \(post_asset_folder is on\)$/, rename: null }], output: null },
    { code: post, filePath: '/site/source/_posts/2021-01-01-b%zz.md', site: site('hexo', { new_post_name: ':year-:month-:day-:title.md' }), options: rename, errors: [{ rename: '2021-01-01-b％zz.md' }], output: post },
    {
      code: post,
      filePath: '/site/source/_posts/a%zz.md',
      site: site('hexo', { permalink: ':name.html', url: 'https://example.com/blog' }),
      errors: [{ message: /the name "a%zz\.md" holds "%zz"/ }],
      output: null,
      name: ':name and a url with a path',
    },
    {
      code: fm('permalink: 50%off/'),
      filePath: '/site/source/_posts/p.md',
      site: hexo,
      options: rename,
      errors: [{ message: `Hexo never publishes this post: its front-matter permalink "50%off/" holds "%of", ${MALFORMED}; write the % in its permalink as %25, or remove it`, rename: null }],
      output: null,
    },
    { code: fm('permalink: 123'), filePath: '/site/source/_posts/p.md', site: hexo, errors: [{ message: /its front-matter permalink is the number 123, not text: Hexo fails on it \(TypeError\) and drops the post/ }], output: null },
    {
      code: fm('author: a%zz'),
      filePath: '/site/source/_posts/p.md',
      site: site('hexo', { permalink: ':year/:author/:title/' }),
      errors: [{ message: /its front-matter author "a%zz" \(the permalink's :author\) holds "%zz"/ }],
      output: null,
    },
    {
      code: fm('permalink: //evil%zz/'),
      filePath: '/site/source/_posts/p.md',
      site: hexo,
      errors: [{ messageId: 'siteFails', message: /^Hexo cannot build the site with this post: its front-matter permalink "\/\/evil%zz\/" holds "%zz", .* and stops generating the whole site;/ }],
      output: null,
      name: 'a URL that only fails when the site is generated',
    },
    { code: post, filePath: '/site/source/p%zz.md', site: hexo, options: rename, errors: [{ message: /holds "%zz", .* and drops the page;/, rename: 'p％zz.md' }], output: post, name: 'a page' },
    { code: fm('permalink: 50%off/'), filePath: '/site/source/about.md', site: hexo, errors: [{ message: /front-matter permalink "50%off\/" .* drops the page/ }], output: null, name: "a page's permalink" },
    { code: post, filePath: '/site/source/100%/about.md', site: hexo, options: rename, errors: [{ message: /the folder "100%" holds "%", .* drops the page; rename the folder "100%"$/, rename: null }], output: null, name: "a page's folder" },
    // Hexo without a site: the folder holding _posts is the source folder; other files are pages
    { code: post, filePath: '/tmp/x/real/_posts/新媒体/_x.md', site: siteWithoutRoot('hexo'), options: rename, errors: [{ rename: 'x.md' }], output: post, name: 'no site: _posts found in the path' },
    { code: post, filePath: 'drafts/100%.md', errors: [{ message: /drops the page/ }], output: null, name: 'no site, no _posts: a page' },
    // Jekyll
    {
      code: fm("date: '2021-05-05 10:00:00 +0800'"),
      filePath: '/site/_posts/undated.md',
      site: jekyll,
      options: rename,
      errors: [{ message: 'Jekyll never publishes this post: the name "undated.md" does not start with a date: Jekyll publishes only posts named YYYY-MM-DD-title.ext; named "2021-05-05-undated.md", it would be published', rename: '2021-05-05-undated.md' }],
      output: fm("date: '2021-05-05 10:00:00 +0800'"),
    },
    { code: fm('date: 2021-5-6'), filePath: '/site/_posts/undated.md', site: jekyll, options: rename, errors: [{ rename: '2021-05-06-undated.md' }], output: fm('date: 2021-5-6') },
    { code: post, filePath: '/site/_posts/undated.md', site: jekyll, options: rename, errors: [{ message: /does not start with a date: .*; start its name with its date \(YYYY-MM-DD-\)$/, rename: null }], output: null, name: 'no date to name it by' },
    { code: post, filePath: '/site/_posts/x 2021-01-01-mid.md', site: jekyll, errors: [{ message: /does not start with a date/ }], output: null },
    { code: post, filePath: '/site/_posts/_2021-01-01-under.md', site: jekyll, options: rename, errors: [{ message: `Jekyll never publishes this post: the name "_2021-01-01-under.md" starts with "_": ${JEKYLL_SPECIAL}; named "2021-01-01-under.md", it would be published`, rename: '2021-01-01-under.md' }], output: post },
    { code: post, filePath: '/site/_posts/.2021-01-01-dot.md', site: jekyll, options: rename, errors: [{ message: /the name "\.2021-01-01-dot\.md" starts with "\.": Jekyll does not list hidden files in _posts\//, rename: '2021-01-01-dot.md' }], output: post },
    { code: post, filePath: '/site/_posts/#2021-01-01-h.md', site: jekyll, options: rename, errors: [{ rename: '2021-01-01-h.md' }], output: post },
    { code: post, filePath: '/site/_posts/sub/~2021-01-01-t.md', site: jekyll, options: rename, errors: [{ rename: '2021-01-01-t.md' }], output: post },
    { code: post, filePath: '/site/_posts/2021-01-01-x.md.', site: site('jekyll', { include: ['2021-01-01-x.md.'] }), options: rename, errors: [{ message: /the name "2021-01-01-x\.md\." ends with "\."/, rename: '2021-01-01-x.md' }], output: post, name: 'a name ending with a dot, even included' },
    { code: post, filePath: '/site/_posts/_sub/2021-01-01-x.md', site: jekyll, options: rename, errors: [{ message: /the folder "_sub" starts with "_": .*; rename the folder "_sub"$/, rename: null }], output: null },
    { code: post, filePath: '/site/_posts/.sub/2021-01-01-x.md', site: jekyll, errors: [{ message: /the folder "\.sub" starts with "\."/ }], output: null },
    { code: post, filePath: '/site/_cat/_posts/2021-01-01-x.md', site: jekyll, errors: [{ message: /the folder "_cat" starts with "_": .*, so Jekyll never reads the posts in it; rename the folder "_cat"$/ }], output: null },
    { code: post, filePath: '/site/_posts/ex/2021-01-01-e.md', site: site('jekyll', { exclude: ['_posts/ex'] }), errors: [{ message: 'Jekyll never publishes this post: its path matches exclude "_posts/ex"; change exclude in _config.yml' }], output: null },
    { code: post, filePath: '/site/_posts/2021-01-01-xyz.md', site: site('jekyll', { exclude: ['_posts/2021-01-01-x*'] }), errors: [{ message: /matches exclude "_posts\/2021-01-01-x\*"/ }], output: null, name: 'exclude as a File.fnmatch glob' },
    { code: post, filePath: '/site/blog/_posts/2021-01-01-x.md', site: site('jekyll', { exclude: ['blog'] }), errors: [{ message: /the folder "blog" matches exclude "blog", so Jekyll never reads the posts in it/ }], output: null },
    { code: post, filePath: '/site/_posts/2021-01-01-ok.md', site: site('jekyll', { collections_dir: 'coll' }), errors: [{ message: /collections_dir is "coll", and Jekyll reads posts only below it; move it to "coll\/_posts\/"$/ }], output: null },
    { code: post, filePath: '/site/_drafts/_d.md', site: jekyll, options: rename, errors: [{ rename: 'd.md' }], output: post },
    {
      code: post,
      filePath: '/site/_posts/2021-00-10-m0.md',
      site: jekyll,
      options: rename,
      errors: [{ messageId: 'siteFails', message: 'Jekyll cannot build the site with this post: the date "2021-00-10" in its name has no month 0: Jekyll stops the whole build ("Invalid date … does not have a valid date in the filename"); correct the date in its name, or give it a date in its front matter', rename: null }],
      output: null,
    },
    { code: post, filePath: '/site/_posts/2021-1-32-d.md', site: jekyll, errors: [{ message: /has no day 32/ }], output: null },
    { code: post, filePath: '/tmp/j/_posts/_2021-01-01-x.md', site: siteWithoutRoot('jekyll'), options: rename, errors: [{ rename: '2021-01-01-x.md' }], output: post, name: 'no Jekyll site: the _posts folder in the path' },
    // Hugo
    {
      code: post,
      filePath: '/site/content/posts/.dot.md',
      site: hugo,
      options: rename,
      errors: [{ message: `Hugo never publishes this post: the name ".dot.md" starts with ".": ${HUGO_IGNORED}; named "dot.md", it would be published`, rename: 'dot.md' }],
      output: post,
    },
    { code: post, filePath: '/site/content/posts/#hash.md', site: hugo, options: rename, errors: [{ rename: 'hash.md' }], output: post },
    { code: post, filePath: '/site/content/posts/#hashdir/x.md', site: hugo, options: rename, errors: [{ message: /the folder "#hashdir" starts with "#"/, rename: null }], output: null },
    { code: post, filePath: '/site/content/posts/tdir~/index.md', site: hugo, options: rename, errors: [{ message: /the folder "tdir~" ends with "~": .*; rename the folder "tdir~"$/, rename: null }], output: null, name: 'a bundle in an ignored folder' },
    { code: post, filePath: '/site/content/posts/up.MD', site: hugo, options: rename, errors: [{ message: 'Hugo never publishes this post: Hugo makes pages only of content files, and ".MD" is no content extension (they are case-sensitive: ".md" is one): it copies the file as it is; named "up.md", it would be published', rename: 'up.md' }], output: post },
    { code: post, filePath: '/site/content/posts/.UP.MD', site: hugo, options: rename, errors: [{ rename: 'UP.md' }], output: post, name: 'two faults' },
    { code: post, filePath: '/site/content/posts/abs.md', site: site('hugo', { ignoreFiles: ['^/site/content/posts/abs\\.md$'] }), errors: [{ message: 'Hugo never publishes this post: it matches ignoreFiles "^/site/content/posts/abs\\.md$"; change ignoreFiles in the site config' }], output: null },
    { code: post, filePath: '/site/content/posts/skipdir/x.md', site: site('hugo', { ignoreFiles: 'skipdir$' }), errors: [{ message: /its folder "skipdir" matches ignoreFiles "skipdir\$"/ }], output: null },
    { code: post, filePath: '/site/content/posts/upper.md', site: site('hugo', { ignoreFiles: ['(?i)UPPER', '(unclosed'] }), errors: [{ message: /matches ignoreFiles "\(\?i\)UPPER"/ }], output: null, name: "Go's (?i); a pattern that does not compile is left out" },
  ],
});

describe('post-file-name on the real posts', () => {
  const root = path.resolve(import.meta.dirname, '../../fixtures/real');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  const configured = [RuleTester.configure(rule, rename)];

  it('flags exactly the two names with a stray %, as Hexo reads them without a site', () => {
    const flagged = files.flatMap((f) => lintText(readFileSync(path.join(root, f), 'utf8'), { filePath: path.join(root, f), rules: configured }).map((m) => [f, m.message, m.rename && path.basename(m.rename.to)]));
    expect(flagged).toEqual([
      [
        "_posts/新媒体/ZAKER/channel/+_&~_%！'^…….md",
        `Hexo never publishes this post: the name "+_&~_%！'^…….md" holds "%！'", ${MALFORMED}; named "+_&~_％！'^…….md", it would be published`,
        "+_&~_％！'^…….md",
      ],
      [
        '_posts/新媒体/cnBeta/最新/%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md',
        `Hexo never publishes this post: the name "%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md" holds "%se", ${MALFORMED}; named "％secretclub％power：专家发现又一能禁用iPhone无线连接的SSID.md", it would be published`,
        '％secretclub％power：专家发现又一能禁用iPhone无线连接的SSID.md',
      ],
    ]);
  });

  it('flags all of them as Jekyll posts (no dated names) and none as Hugo content', () => {
    const as = (name: GeneratorName, dir: string) =>
      files.filter((f) => lintText('---\ntitle: t\n---\n', { filePath: path.join(dir, f), site: site(name), rules: configured }).length);
    expect(as('hugo', '/site/content')).toEqual([]);
    expect(as('jekyll', '/site')).toEqual(files);
  });
});
