// Jekyll 4.3.1 with Liquid 5.4.0 (Debian's packages, /usr/bin/jekyll) is the oracle for
// src/generators/jekyll/templates.ts and for what no-escaped-braces does to Jekyll posts: every post below is
// built by a real `jekyll build` of a tiny site, before and after --fix. What the rule leaves alone (the
// Liquid of real posts: include, post_url, capture, site.baseurl …) renders as intended; what it escapes was
// swallowed or stopped the build, and shows as written once escaped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, lintText } from '../../src/engine/linter.js';
import { GENERATORS, makeSite, siteWithoutRoot } from '../../src/generators/index.js';
import { RuleTester } from '../../src/rule-tester.js';
import rule from '../../rules/no-escaped-braces.js';
import { tempDir } from '../safety/helpers.js';

const rules = [RuleTester.configure(rule)];
const site = siteWithoutRoot('jekyll');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules/no-escaped-braces');
const CONFIG = 'title: The blog\nbaseurl: /blog\npermalink: /:title/\n';

/** A tiny site: the config, the include real posts use, a first post for post_url, and `posts` (slug → text). */
function jekyllSite(posts: Record<string, string>, config = CONFIG): string {
  const dir = tempDir('newslint-jekyll-');
  mkdirSync(path.join(dir, '_posts'));
  mkdirSync(path.join(dir, '_includes'));
  writeFileSync(path.join(dir, '_config.yml'), config);
  writeFileSync(path.join(dir, '_includes/blog_img.md'), '<img src="{{ include.src | relative_url }}" alt="{{ include.alt }}">\n');
  writeFileSync(path.join(dir, '_posts/2020-01-01-welcome.md'), '---\ntitle: Welcome\n---\nHello.\n');
  for (const [slug, text] of Object.entries(posts)) writeFileSync(path.join(dir, `_posts/2020-01-02-${slug}.md`), text);
  return dir;
}

/** `jekyll build`: its exit status and what it printed. */
function build(dir: string): { status: number | null; output: string } {
  const r = spawnSync('jekyll', ['build', '--source', dir, '--destination', path.join(dir, '_site'), '--disable-disk-cache'], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const page = (dir: string, slug: string) => readFileSync(path.join(dir, '_site', slug, 'index.html'), 'utf8');
/** What a reader sees: the HTML with entities decoded. */
const visible = (html: string) => decodeHTML(html);

interface Case {
  name: string;
  text: string;
  reports: number;
  /** Liquid's error: the build of the original post fails with it. */
  error?: string;
  /** Text the rule escapes: gone from the original page (when it builds), shown as written once fixed. */
  shown?: string[];
  /** What Jekyll makes of the Liquid written on purpose, before and after the fix. */
  kept?: string[];
  /** What the original page must not show. */
  gone?: string[];
  /** What the fixed page's HTML holds as written (raw text that the browser does not decode). */
  html?: string[];
}

const CASES: Case[] = [
  {
    name: 'the clean fixture: the Liquid of a real post',
    text: readFileSync(path.join(FIXTURES, 'clean.jekyll.md'), 'utf8'),
    reports: 0,
    kept: [
      '<img src="/blog/assets/2020/setup.png" alt="The setup screen" />',
      '<a href="/blog/welcome/">the first post</a>',
      '<a href="/blog/assets/">the assets folder</a>, and this page is /case-0',
      'Drafts stay in _drafts until they are done.',
      'Written in 2020. <img src="/blog/assets/logo.png"',
      '<span class="tag">jekyll</span>, <span class="tag">blog</span>.',
      'class="language-ruby"',
      'Vue writes {{ message }}, and Liquid leaves it alone here.',
      'Kramdown ids such as {#setup} mean nothing to Liquid.',
    ],
    gone: ['an_old_note', 'todo'],
  },
  {
    name: 'the dirty fixture: Vue and Django quoted in a post that also uses Liquid',
    text: readFileSync(path.join(FIXTURES, 'dirty.jekyll.md'), 'utf8'),
    reports: 4,
    error: "Unknown tag 'url'",
    shown: ['Vue binds text with {{ message }} and Django links with {% url '],
    kept: ['<img src="/blog/assets/vue.png" alt="The Vue logo" />', '<a href="/blog/welcome/">the setup post</a> on The blog.'],
    html: ['<style>.vue-demo{color:#42b983}</style>', '<script>var tpl = "&#123;&#123; user.name &#125;&#125;";</script>'],
  },
  {
    name: 'variables nothing defines',
    text: '---\ntitle: V\n---\nVue {{ message }}, a loop variable {{ post.title }} outside its loop, and {{ site.title }}.\n',
    reports: 2,
    shown: ['{{ message }}', '{{ post.title }}'],
    kept: ['and The blog.'],
  },
  { name: 'an if never closed', text: '---\n---\n{% if page.comments %}Comments are open.\n', reports: 1, error: "'if' tag was never closed", shown: ['{% if page.comments %}'] },
  { name: 'an unterminated variable', text: '---\n---\nSet {{ x and go.\n', reports: 1, error: "Variable '{{' was not properly terminated with regexp: /\\}\\}/", shown: ['Set {{ x and go.'] },
  { name: 'a stray end tag', text: '---\n---\nThe end{% endif %}\n', reports: 1, error: "Unknown tag 'endif'", shown: ['The end{% endif %}'] },
  { name: 'a raw block whose end tag has a - before its name', text: '---\n---\n{%- raw -%}{{ x }}{%- endraw -%}\n', reports: 1, error: "'raw' tag was never closed", shown: ['{%- raw -%}{{ x }}{%- endraw -%}'] },
  { name: 'three braces', text: '---\n---\nA {{{ x }}} B\n', reports: 1, shown: ['A {{{ x }}} B'] },
  { name: 'render_with_liquid: false', text: '---\nrender_with_liquid: false\n---\n{% foo %} {{ x }}\n', reports: 0, kept: ['{% foo %} {{ x }}'] },
  { name: '{# and raw ended by endraw -%}', text: '---\n---\nA {# c #} and {%raw%}{{ r }}{% endraw -%} x\n', reports: 0, kept: ['A {# c #} and {{ r }} x'] },
  // A documented gap: Liquid renders code blocks too, and no rule touches code.
  { name: 'Liquid in a code block (not reported)', text: '---\n---\n```\nconst t = "{{ message }}";\n```\n', reports: 0, gone: ['{{ message }}'], kept: ['const t = "";'] },
];

/** Posts that show what an entity or {% raw %} does where the rule offers no fix. */
const PROBES: Record<string, string> = {
  'highlight-entity': '---\n---\n{% highlight text %}\n<p>&#123;{ message }}</p>\n{% endhighlight %}\n',
  'highlight-raw': '---\n---\n{% highlight text %}\n<p>{% raw %}{{ message }}{% endraw %}</p>\n{% endhighlight %}\n',
  'script-decoded': '---\n---\n<script>var t = "{{ user.name }}";</script>\n',
  'script-raw': '---\n---\n{% raw %}<script>var t = "{{ user.name }}";</script>{% endraw %}\n',
};

describe('Jekyll 4.3.1 as installed', () => {
  it('is the version the generator module was checked against, with Liquid 5.4.0', () => {
    expect(spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe('jekyll 4.3.1');
    expect(spawnSync('ruby', ['-e', 'require "liquid"; print Liquid::VERSION'], { encoding: 'utf8' }).stdout).toBe('5.4.0');
    expect(GENERATORS.jekyll.checked).toMatch(/^jekyll 4\.3\.1 .*Liquid 5\.4\.0/);
  });
});

describe('no-escaped-braces against real Jekyll builds', () => {
  const fixed = CASES.map((c) => fixText(c.text, { rules, site }).output);
  let good: string;
  beforeAll(() => {
    // One build of every post that builds: the originals that do, every fixed post, the probes.
    const posts: Record<string, string> = { ...PROBES };
    CASES.forEach((c, i) => {
      if (!c.error) posts[`case-${i}`] = c.text;
      posts[`case-${i}-fixed`] = fixed[i];
    });
    good = jekyllSite(posts);
    const r = build(good);
    expect(r.output).not.toContain('Liquid Exception');
    expect(r.status).toBe(0);
  }, 120_000);

  CASES.forEach((c, i) => {
    it(c.name, () => {
      expect(lintText(c.text, { rules, site }).map((m) => m.message)).toHaveLength(c.reports);
      if (c.error) {
        const r = build(jekyllSite({ [`case-${i}`]: c.text }));
        expect(r.status).toBe(1);
        expect(r.output).toContain(c.error);
        expect(lintText(c.text, { rules, site }).some((m) => m.message.includes(`and fails the build: ${c.error}`))).toBe(true);
      }
      const before = c.error ? undefined : visible(page(good, `case-${i}`));
      const after = visible(page(good, `case-${i}-fixed`));
      for (const s of c.shown ?? []) {
        if (before !== undefined) expect(before).not.toContain(s);
        expect(after).toContain(s);
      }
      for (const k of c.kept ?? []) {
        if (before !== undefined) expect(before).toContain(k);
        expect(after).toContain(k);
      }
      for (const g of c.gone ?? []) expect(before).not.toContain(g);
      for (const h of c.html ?? []) expect(page(good, `case-${i}-fixed`)).toContain(h);
      expect(lintText(fixed[i], { rules, site }).filter((m) => m.fix)).toEqual([]);
    }, 120_000);
  });

  it('in {% highlight %} the page would show an entity, so there is no fix; {% raw %} keeps the text', () => {
    const text = '{% highlight html %}\n<p>{{ message }}</p>\n{% endhighlight %}\n';
    expect(lintText(text, { rules, site }).map((m) => m.message)).toEqual([
      'Jekyll reads "{{ message }}" as a Liquid variable nothing defines: the page shows nothing in its place; an entity would show as written inside {% highlight %}: wrap it in {% raw %}…{% endraw %}',
    ]);
    expect(visible(page(good, 'highlight-entity'))).toContain('&#123;{ message }}');
    expect(visible(page(good, 'highlight-raw'))).toContain('<p>{{ message }}</p>');
  });

  it('decoding a script would hand Liquid a variable: reported without a fix, as Jekyll would swallow it', () => {
    const text = '<script>var t = "&#123;&#123; user.name &#125;&#125;";</script>\n';
    expect(lintText(text, { rules, site })[0].message).toMatch(/decoding them would write "\{\{ user\.name \}\}", which Jekyll reads as template syntax/);
    expect(fixText(text, { rules, site }).output).toBe(text);
    expect(page(good, 'script-decoded')).toContain('var t = "";');
    expect(page(good, 'script-raw')).toContain('var t = "{{ user.name }}";');
  });

  it('with liquid.strict_variables an undefined variable stops the build, as the rule says', () => {
    const text = '---\n---\nVue {{ message }} on {{ site.title }}\n';
    const strict = makeSite(GENERATORS.jekyll, null, null, 'test', GENERATORS.jekyll.settings(null, { liquid: { strict_variables: true } }), {});
    const [m] = lintText(text, { rules, site: strict });
    expect(m.message).toContain('and fails the build: undefined variable message (the site sets liquid.strict_variables)');
    const config = `${CONFIG}liquid:\n  strict_variables: true\n`;
    const r = build(jekyllSite({ strict: text }, config));
    expect(r.status).toBe(1);
    expect(r.output).toContain('undefined variable message');
    const ok = jekyllSite({ strict: fixText(text, { rules, site: strict }).output }, config);
    expect(build(ok).status).toBe(0);
    expect(visible(page(ok, 'strict'))).toContain('Vue {{ message }} on The blog');
  }, 120_000);
});
