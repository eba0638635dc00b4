// Which site a post belongs to (item 1), what its config says (item 7), and what a run walks (item 7):
// real folders on disk, the real API and the real CLI.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsLint } from '../../src/api.js';
import { SiteFinder } from '../../src/generators/site.js';
import { newslint, tempDir } from '../e2e/helpers.js';

/** Writes files (path → content) under a fresh folder and returns it. */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const POST = '---\ntitle: t\ndate: 2021-10-31 08:06:29\n---\n\n<p>x</p>\n';
const HEXO_PKG = JSON.stringify({ name: 'site', hexo: { version: '8.1.2' }, dependencies: { hexo: '^8.0.0' } });

describe('detecting the generator', () => {
  it('Hexo: _config.yml beside a package.json that depends on hexo, found from any folder below', async () => {
    const dir = tree({ '_config.yml': 'timezone: Asia/Shanghai\n', 'package.json': HEXO_PKG, 'source/_posts/a/b.md': POST });
    const site = await new SiteFinder().forFile(path.join(dir, 'source/_posts/a/b.md'));
    expect(site.generator.name).toBe('hexo');
    expect(site.root).toBe(dir);
    expect(site.configFile).toBe(path.join(dir, '_config.yml'));
    expect(site.reason).toMatch(/package\.json that depends on hexo/);
  });

  it('a package.json without hexo does not make a Hexo site; devDependencies do', async () => {
    const none = tree({ '_config.yml': '', 'package.json': JSON.stringify({ dependencies: { marked: '1' } }), 'p.md': POST });
    expect((await new SiteFinder().forDir(none)).root).toBeNull();
    const dev = tree({ '_config.yml': '', 'package.json': JSON.stringify({ devDependencies: { hexo: '8' } }), 'p.md': POST });
    expect((await new SiteFinder().forDir(dev)).generator.name).toBe('hexo');
  });

  it('Jekyll: _config.yml with a Gemfile naming jekyll (or github-pages)', async () => {
    for (const gem of ['gem "jekyll", "~> 4.3"\n', "gem 'github-pages', group: :jekyll_plugins\n"]) {
      const dir = tree({ '_config.yml': 'timezone: America/Los_Angeles\n', Gemfile: `source "https://rubygems.org"\n${gem}`, '_posts/2021-01-01-a.md': POST });
      const site = await new SiteFinder().forFile(path.join(dir, '_posts/2021-01-01-a.md'));
      expect([site.generator.name, site.root, site.settings.timezone]).toEqual(['jekyll', dir, 'America/Los_Angeles']);
    }
  });

  it('Jekyll: a _posts folder with dated names, even without any config', async () => {
    const dir = tree({ 'blog/_posts/2021-01-01-hello.md': POST });
    const site = await new SiteFinder().forFile(path.join(dir, 'blog/_posts/2021-01-01-hello.md'));
    expect([site.generator.name, site.root, site.configFile]).toEqual(['jekyll', path.join(dir, 'blog'), null]);
    expect(site.reason).toMatch(/dated file names/);
  });

  it('a Hexo site whose posts have dated names stays Hexo: its config names it, a layout only suggests Jekyll', async () => {
    const dir = tree({ '_config.yml': 'new_post_name: :year-:month-:day-:title.md\n', 'package.json': HEXO_PKG, 'source/_posts/2021-01-01-a.md': POST });
    const site = await new SiteFinder().forFile(path.join(dir, 'source/_posts/2021-01-01-a.md'));
    expect([site.generator.name, site.root]).toEqual(['hexo', dir]);
  });

  it('Hugo: hugo.toml, hugo.yaml, hugo.json or config.toml', async () => {
    for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml']) {
      const config = name.endsWith('.json') ? '{"timeZone": "Asia/Tokyo"}' : name.endsWith('.yaml') ? 'timeZone: Asia/Tokyo\n' : 'timeZone = "Asia/Tokyo"\n';
      const dir = tree({ [name]: config, 'content/posts/a.md': POST });
      const site = await new SiteFinder().forFile(path.join(dir, 'content/posts/a.md'));
      expect([site.generator.name, site.configFile, site.settings.timezone], name).toEqual(['hugo', path.join(dir, name), 'Asia/Tokyo']);
    }
  });

  it('the nearest site wins: a Hugo site inside a Hexo repository is Hugo', async () => {
    const dir = tree({ '_config.yml': '', 'package.json': HEXO_PKG, 'docs/hugo.toml': '', 'docs/content/a.md': POST, 'source/_posts/b.md': POST });
    const finder = new SiteFinder();
    expect((await finder.forFile(path.join(dir, 'docs/content/a.md'))).generator.name).toBe('hugo');
    expect((await finder.forFile(path.join(dir, 'source/_posts/b.md'))).generator.name).toBe('hexo');
  });

  it('Hexo when nothing says otherwise; the newslint config\'s generator says it outright', async () => {
    const dir = tree({ 'posts/a.md': POST, 'hugo.toml': 'contentDir = "posts"\n' });
    expect((await new SiteFinder().forDir(tempDir())).generator.name).toBe('hexo');
    expect((await new SiteFinder().forDir(tempDir())).reason).toMatch(/default/);
    // named: the Hugo site's files are ignored when the config says Jekyll …
    const jekyll = await new SiteFinder({ generator: 'jekyll' }).forFile(path.join(dir, 'posts/a.md'));
    expect([jekyll.generator.name, jekyll.root]).toEqual(['jekyll', null]);
    // … and a named generator still finds its own site's settings
    const hugo = await new SiteFinder({ generator: 'hugo' }).forFile(path.join(dir, 'posts/a.md'));
    expect([hugo.generator.name, hugo.root, hugo.settings.contentDir]).toEqual(['hugo', dir, path.join(dir, 'posts')]);
  });
});

describe('site settings', () => {
  it('Hexo: timezone, source_dir, public_dir, exclude, include, skip_render, render_drafts, ignore, permalink, url', async () => {
    const dir = tree({
      '_config.yml': [
        'timezone: Asia/Shanghai',
        'source_dir: src',
        'public_dir: www',
        'exclude: ["**/*.tmp.md"]',
        'include: _headers',
        'skip_render: ["raw/**"]',
        'render_drafts: true',
        'ignore: ["**/wip/**"]',
        'permalink: p/:abbrlink.html',
        'url: https://blog.example.com',
        '',
      ].join('\n'),
      'package.json': HEXO_PKG,
    });
    const { settings } = await new SiteFinder().forDir(dir);
    expect(settings).toMatchObject({
      timezone: 'Asia/Shanghai',
      contentDir: path.join(dir, 'src'),
      exclude: ['**/*.tmp.md'],
      include: ['_headers'],
      skipRender: ['raw/**'],
      renderDrafts: true,
      ignore: ['**/wip/**'],
      permalink: 'p/:abbrlink.html',
      url: 'https://blog.example.com',
    });
    expect(settings.skipDirs).toEqual(expect.arrayContaining([path.join(dir, 'www'), path.join(dir, 'themes'), path.join(dir, 'scaffolds')]));
  });

  it('Hexo defaults (hexo/lib/hexo/default_config.ts) when _config.yml is silent', async () => {
    const dir = tree({ '_config.yml': 'title: t\n', 'package.json': HEXO_PKG });
    const { settings } = await new SiteFinder().forDir(dir);
    expect(settings).toMatchObject({ timezone: undefined, contentDir: path.join(dir, 'source'), renderDrafts: false, permalink: ':year/:month/:day/:title/', url: 'http://example.com' });
    expect(settings.skipDirs).toContain(path.join(dir, 'public'));
  });

  it('Jekyll: its exclude list always gains DEFAULT_EXCLUDES; include starts with .htaccess', async () => {
    const dir = tree({ '_config.yml': 'exclude: [drafts-old, "*.txt"]\ninclude: [_pages]\ndestination: out\n', Gemfile: 'gem "jekyll"\n' });
    const { settings } = await new SiteFinder().forDir(dir);
    expect(settings.exclude).toEqual(expect.arrayContaining(['drafts-old', '*.txt', 'node_modules', 'Gemfile', 'vendor/bundle/']));
    expect(settings.include).toEqual(['.htaccess', '_pages']);
    expect(settings.skipDirs).toEqual(expect.arrayContaining([path.join(dir, 'out'), path.join(dir, '_layouts'), path.join(dir, '_includes')]));
  });

  it('newslint.config.json\'s site settings override the site\'s own', async () => {
    const dir = tree({ '_config.yml': 'timezone: Asia/Shanghai\n', 'package.json': HEXO_PKG, 'newslint.config.json': JSON.stringify({ site: { timezone: 'UTC', contentDir: 'posts' } }) });
    const linter = await NewsLint.create({ cwd: dir });
    const site = await linter.siteFor(dir, { isDir: true });
    expect([site.settings.timezone, site.settings.contentDir]).toEqual(['UTC', path.join(dir, 'posts')]);
  });

  it('a site config newslint cannot read, or a bad time zone in newslint\'s, stops the run with exit 2 and names the file', () => {
    const dir = tree({ '_config.yml': 'title: [unclosed\n', 'package.json': HEXO_PKG, 'source/_posts/a.md': POST });
    const r = newslint(['check'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(path.join(dir, '_config.yml'));
    const bad = tree({ 'a.md': POST, 'newslint.config.json': JSON.stringify({ site: { timezone: 'Mars/Olympus' } }) });
    const r2 = newslint(['check', 'a.md'], bad);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/Mars\/Olympus.*not an IANA time zone/);
  });
});

describe('what a run walks', () => {
  const relative = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
  const walk = async (dir: string, inputs: string[]) => relative(dir, (await (await NewsLint.create({ cwd: dir })).lintFiles(inputs)).map((r) => r.filePath));

  it('Hexo: no paths checks source_dir; "." never walks public_dir, themes, scaffolds or node_modules', async () => {
    const dir = tree({
      '_config.yml': 'public_dir: www\n',
      'package.json': HEXO_PKG,
      'source/_posts/a.md': POST,
      'source/about/index.md': POST,
      'www/2021/10/31/a/index.html': '<p>generated</p>',
      'themes/landscape/layout/post.md': '{{ page.title }}',
      'scaffolds/post.md': '---\ntitle: {{ title }}\n---\n',
      'README.md': '# the repository\n',
    });
    expect(await walk(dir, [])).toEqual(['source/_posts/a.md', 'source/about/index.md']);
    expect(await walk(dir, ['.'])).toEqual(['README.md', 'source/_posts/a.md', 'source/about/index.md']);
    // named, the output is checked (a file or the folder itself)
    expect(await walk(dir, ['www'])).toEqual(['www/2021/10/31/a/index.html']);
    expect(await walk(dir, ['themes/landscape/layout/post.md'])).toEqual(['themes/landscape/layout/post.md']);
  });

  it('Hexo: files matched by ignore, and non-post files matched by exclude, are not walked (Hexo never reads them)', async () => {
    const dir = tree({
      '_config.yml': 'ignore: ["**/wip/**"]\nexclude: ["notes/**"]\n',
      'package.json': HEXO_PKG,
      'source/_posts/a.md': POST,
      'source/_posts/wip/b.md': POST,
      'source/notes/c.md': POST,
      'source/_posts/notes/d.md': POST,
    });
    expect(await walk(dir, [])).toEqual(['source/_posts/a.md', 'source/_posts/notes/d.md']);
  });

  it('Jekyll: _site, _layouts, _includes and excluded files are not walked; posts and pages are', async () => {
    const dir = tree({
      '_config.yml': 'exclude: [drafts-old]\n',
      Gemfile: 'gem "jekyll"\n',
      '_posts/2021-01-01-a.md': POST,
      'about.md': POST,
      '_site/about/index.html': '<p>generated</p>',
      '_layouts/post.html': '{{ content }}',
      '_includes/blog_img.md': '<img src="{{ include.src }}">',
      'drafts-old/x.md': POST,
      'node_modules/pkg/readme.md': '#',
    });
    expect(await walk(dir, [])).toEqual(['_posts/2021-01-01-a.md', 'about.md']);
  });

  it('Hugo: no paths checks contentDir; "." skips public, resources, themes, layouts, archetypes, static', async () => {
    const dir = tree({
      'hugo.toml': 'contentDir = "posts"\n',
      'posts/a.md': POST,
      'public/a/index.html': '<p>generated</p>',
      'resources/_gen/x.md': '#',
      'themes/t/layouts/_default/single.html': '{{ .Content }}',
      'layouts/shortcodes/img.html': '<img src="{{ .Get 0 }}">',
      'archetypes/default.md': '---\ntitle: "{{ replace .Name "-" " " | title }}"\n---\n',
      'static/raw.md': '#',
    });
    expect(await walk(dir, [])).toEqual(['posts/a.md']);
    expect(await walk(dir, ['.'])).toEqual(['posts/a.md']);
  });

  it('a site nested below the folder walked keeps its output out too', async () => {
    const dir = tree({ 'blogs/one/_config.yml': '', 'blogs/one/package.json': HEXO_PKG, 'blogs/one/source/_posts/a.md': POST, 'blogs/one/public/a/index.html': '<p></p>' });
    expect(await walk(dir, ['.'])).toEqual(['blogs/one/source/_posts/a.md']);
  });

  it('files whose names start with a dot or an underscore are found; folders starting with a dot are not walked', async () => {
    const dir = tree({ 'p/.md': POST, 'p/_x.md': POST, 'p/.hidden.md': POST, 'p/ok.md': POST, 'p/.git/x.md': POST, 'p/.github/y.md': POST, 'p/.cache/z.md': POST });
    expect(await walk(dir, ['p'])).toEqual(['p/.hidden.md', 'p/.md', 'p/_x.md', 'p/ok.md']);
  });

  it('through the CLI: `newslint check` in a Hexo site root reports the posts and none of the generated pages', () => {
    const dir = tree({ '_config.yml': '', 'package.json': HEXO_PKG, 'source/_posts/a.md': `${POST}<p></p>\n`, 'public/a/index.html': '<p></p>' });
    const r = newslint(['check', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => path.relative(dir, x.filePath))).toEqual([path.join('source', '_posts', 'a.md')]);
  });
});
