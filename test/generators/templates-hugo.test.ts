// Hugo 0.111.3 (Debian's package, /usr/bin/hugo) is the oracle for src/generators/hugo/templates.ts and for
// no-escaped-braces in Hugo posts: a real `hugo` build shows that content is not a template ({{ }}, {% %} and
// {# #} are published as written, so nothing is reported) and that shortcodes are read everywhere, <script>
// included (so decoding one there is left to the author).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, lintText } from '../../src/engine/linter.js';
import { GENERATORS, siteWithoutRoot } from '../../src/generators/index.js';
import { RuleTester } from '../../src/rule-tester.js';
import rule from '../../rules/no-escaped-braces.js';
import { tempDir } from '../safety/helpers.js';

const rules = [RuleTester.configure(rule)];
const hugo = siteWithoutRoot('hugo');
const clean = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/rules/no-escaped-braces/clean.hugo.md'), 'utf8');
const SCRIPT = '---\ntitle: Script\n---\n<script>var t = "{{< hi "s" >}}"; var u = "{{ x }}";</script>\n';

describe('Hugo 0.111.3 as installed', () => {
  it('is the version the generator module was checked against', () => {
    expect(spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout).toMatch(/^hugo v0\.111\.3[+ ]/);
    expect(GENERATORS.hugo.checked).toMatch(/^hugo 0\.111\.3 /);
  });
});

describe('no-escaped-braces against a real Hugo build', () => {
  let dir: string;
  const page = (slug: string) => readFileSync(path.join(dir, 'public/posts', slug, 'index.html'), 'utf8');
  beforeAll(() => {
    dir = tempDir('newslint-hugo-');
    for (const d of ['content/posts', 'layouts/_default', 'layouts/shortcodes']) mkdirSync(path.join(dir, d), { recursive: true });
    writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "The blog"\n[markup.goldmark.renderer]\nunsafe = true\n');
    writeFileSync(path.join(dir, 'layouts/_default/single.html'), '{{ .Content }}');
    writeFileSync(path.join(dir, 'layouts/_default/list.html'), '{{ .Title }}');
    writeFileSync(path.join(dir, 'layouts/shortcodes/note.html'), '<aside>{{ .Inner }}</aside>');
    writeFileSync(path.join(dir, 'layouts/shortcodes/hi.html'), '<b>{{ .Get 0 }}</b>');
    writeFileSync(path.join(dir, 'content/posts/vue.md'), clean);
    writeFileSync(path.join(dir, 'content/posts/script.md'), SCRIPT);
    const r = spawnSync('hugo', ['--source', dir, '--destination', path.join(dir, 'public')], { encoding: 'utf8', timeout: 120_000 });
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/ERROR/);
    expect(r.status).toBe(0);
  }, 120_000);

  it('publishes {{ }}, {% %} and {# #} in content as written, and reads the shortcodes: nothing to report', () => {
    expect(lintText(clean, { rules, site: hugo })).toEqual([]);
    const html = page('vue');
    expect(visible(html)).toContain('Vue binds text with {{ message }}, Jinja writes {% if user %}, and comments are {# … #}:');
    expect(html).toMatch(/<figure>\s*<img src="\/images\/vue.png"\s+alt="The Vue logo"/);
    expect(html).toContain('<aside>Shortcodes are what Hugo reads in content.</aside>');
    expect(visible(html)).toContain('To show a shortcode itself, write {{< figure src="/a.png" >}}.');
    // the same post read as Hexo's would be full of templates
    expect(lintText(clean, { rules, site: siteWithoutRoot('hexo') }).length).toBeGreaterThan(0);
  });

  it('reads a shortcode inside <script>: decoding one there is reported without a fix', () => {
    const html = page('script');
    expect(html).toContain('<script>var t = "<b>s</b>"; var u = "{{ x }}";</script>');
    const text = 'x <script>var t = "&#123;&#123;< hi "s" >&#125;&#125;";</script>\n'; // a Hugo post may not start with "<"
    expect(lintText(text, { rules, site: hugo })[0].message).toMatch(/decoding them would write "\{\{< hi "s" >\}\}", which Hugo reads as template syntax/);
    expect(fixText(text, { rules, site: hugo }).output).toBe(text);
  });
});

/** What a reader sees: the HTML with entities decoded. */
function visible(html: string): string {
  return decodeHTML(html);
}
