// Hexo (8.1.2, installed as a devDependency) is the oracle for src/generators/hexo/templates.ts and for what
// no-escaped-braces does to Hexo posts: its tag list is the one a real Hexo instance registers, and each post
// below is rendered by the real hexo.post.render (Markdown by hexo-renderer-marked, then Nunjucks), before
// and after --fix. What the rule leaves alone renders as intended; what it escapes was swallowed or stopped the
// build, and shows as written once escaped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodeHTML } from 'entities';
import Hexo from 'hexo';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, lintText } from '../../src/engine/linter.js';
import { GENERATORS, makeSite, siteWithoutRoot } from '../../src/generators/index.js';
import { HEXO_TAGS } from '../../src/generators/hexo/templates.js';
import { RuleTester } from '../../src/rule-tester.js';
import rule from '../../rules/no-escaped-braces.js';
import { tempDir } from '../safety/helpers.js';

const require = createRequire(import.meta.url);
const rules = [RuleTester.configure(rule)];
const site = siteWithoutRoot('hexo');

async function hexoInstance(config: Record<string, unknown> = {}): Promise<Hexo> {
  const hexo = new Hexo(tempDir('newslint-hexo-'), { silent: true });
  await hexo.init();
  Object.assign(hexo.config, config);
  // what a site's package.json would load: hexo-renderer-marked reads hexo.config.marked when it loads
  await hexo.loadPlugin(require.resolve('hexo-renderer-marked'));
  return hexo;
}

let hexo: Hexo;
beforeAll(async () => {
  hexo = await hexoInstance();
});

/** The HTML Hexo publishes for a post body, or the error that stops the build. */
async function render(body: string, data: Record<string, unknown> = {}, h = hexo): Promise<{ html?: string; error?: string }> {
  try {
    const out = await h.post.render(null as unknown as string, { content: body, engine: 'md', title: 'The title', ...data });
    return { html: out.content as string };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** What a reader sees: the HTML with entities decoded. */
const visible = (html: string) => decodeHTML(html);

describe('Hexo 8.1.2 as installed', () => {
  it('is the version the generator module was checked against', () => {
    expect(JSON.parse(readFileSync(require.resolve('hexo/package.json'), 'utf8')).version).toBe('8.1.2');
    expect(JSON.parse(readFileSync(require.resolve('nunjucks/package.json', { paths: [path.dirname(require.resolve('hexo'))] }), 'utf8')).version).toBe('3.2.4');
    expect(GENERATORS.hexo.checked).toMatch(/hexo 8\.1\.2/);
  });

  it('registers exactly HEXO_TAGS, the body tags with an end tag', () => {
    const extensions = (hexo.extend.tag as unknown as { env: { extensions: Record<string, { constructor: { name: string } }> } }).env.extensions;
    expect(Object.keys(extensions).sort()).toEqual([...HEXO_TAGS.keys()].sort());
    for (const [name, ext] of Object.entries(extensions)) {
      expect([name, /Block$/.test(ext.constructor.name)]).toEqual([name, HEXO_TAGS.get(name)]);
    }
  });
});

interface Case {
  name: string;
  body: string;
  /** Front matter data (written as YAML for the rule, passed to Hexo as the post's data). */
  front?: Record<string, boolean>;
  /** The problems the rule reports. */
  reports: number;
  /** The error that stops Hexo on the original post. */
  error?: string;
  /** Text the rule escapes: gone from the original page (when it renders), shown as written once fixed. */
  shown?: string[];
  /** What Hexo makes of the syntax written on purpose, before and after the fix. */
  kept?: string[];
}

const CASES: Case[] = [
  {
    name: 'Vue and Jinja quoted in prose',
    body: 'Vue writes {{ message }}, Jinja comments are {# note #}, and Nunjucks knows {{ title }}.\n',
    reports: 3,
    shown: ['{{ message }}', '{# note #}', '{{ title }}'],
  },
  {
    name: "Hexo's own tags, code and comments",
    body:
      "{% img /images/cat.png 'A cat' %}\n\n{% codeblock lang:js %}\nconst answer = 42;\n{% endcodeblock %}\n\n" +
      '{% blockquote Someone %}\nq {{ quoted }}\n{% endblockquote %}\n\n<!-- {{ hidden }} -->\n\n`{{ inline }}` and\n\n    {% indented %}\n\n' +
      '```\n{# fenced #}\n```\n\n{% raw %}{{ kept }}{% endraw %}\n',
    reports: 1,
    shown: ['{{ quoted }}'],
    kept: ['<img src="/images/cat.png"', 'answer', '<blockquote>', '<!-- {{ hidden }} -->', '{{ inline }}', '{% indented %}', '{# fenced #}', '{{ kept }}'],
  },
  { name: 'an unknown tag', body: 'Embed: {% youtube dQw4w9WgXcQ %}\n', reports: 1, error: 'unknown block tag: youtube', shown: ['{% youtube dQw4w9WgXcQ %}'] },
  { name: "Nunjucks's if with no end", body: 'Jinja: {% if user %}\n', reports: 1, error: 'expected elif, else, or endif, got end of file', shown: ['{% if user %}'] },
  { name: "Nunjucks's if, closed", body: 'Jinja: {% if true %}yes{% else %}no{% endif %}\n', reports: 3, shown: ['{% if true %}yes{% else %}no{% endif %}'] },
  { name: 'a #} with a tag in the post', body: "{% img /a.png %} C# sample: Console.Write(a#}\n", reports: 1, error: 'unexpected end of comment', shown: ['a#}'] },
  { name: 'an unclosed {{ with a variable in the post', body: '{{ x }} and {{ y\n', reports: 2, error: 'expected variable end', shown: ['{{ x }} and {{ y'] },
  { name: 'an unclosed {{ alone', body: 'Set {{ y and {% z, done.\n', reports: 0, kept: ['Set {{ y and {% z, done.'] },
  { name: 'an empty variable', body: 'Empty: {{ }}\n', reports: 1, error: 'unexpected token: }}', shown: ['{{ }}'] },
  // (marked's smartypants curls the quotes of the escaped text)
  { name: 'include', body: '{% include "nav.html" %}\n', reports: 1, error: 'template not found', shown: ['{% include ', 'nav.html'] },
  { name: 'a raw tag with -', body: '{%- raw -%}{{ x }}{%- endraw -%}\n', reports: 3, error: 'unknown block tag: endraw', shown: ['{%- raw -%}{{ x }}{%- endraw -%}'] },
  { name: 'an unclosed raw', body: 'a {% raw %} b {{ x }}\n', reports: 2, shown: ['{% raw %} b {{ x }}'] },
  { name: 'a code block never closed', body: '{% codeblock %}\nconst a = 1;\n', reports: 1, error: 'unexpected end of file', shown: ['{% codeblock %}'] },
  { name: 'disableNunjucks', body: '{{ x }} {% foo %}\n', front: { disableNunjucks: true }, reports: 0, kept: ['{{ x }} {% foo %}'] },
];

describe('no-escaped-braces against real Hexo renders', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const front = c.front ? `---\n${Object.entries(c.front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n` : '';
      const messages = lintText(front + c.body, { rules, site });
      expect(messages.map((m) => m.message)).toHaveLength(c.reports);
      const fixed = fixText(front + c.body, { rules, site }).output;
      expect(fixed.startsWith(front)).toBe(true);
      const before = await render(c.body, c.front);
      const after = await render(fixed.slice(front.length), c.front);
      if (c.error) {
        expect(before.error).toContain(c.error);
        expect(messages.some((m) => /and fails the build: /.test(m.message))).toBe(true);
      } else {
        expect(before.error).toBeUndefined();
      }
      expect(after.error).toBeUndefined();
      for (const s of c.shown ?? []) {
        if (before.html !== undefined) expect(visible(before.html)).not.toContain(s);
        expect(visible(after.html!)).toContain(s);
      }
      for (const k of c.kept ?? []) {
        expect(visible(before.html!)).toContain(k);
        expect(visible(after.html!)).toContain(k);
      }
      expect(lintText(fixed, { rules, site })).toEqual([]);
    });
  }

  it("marked.disableNunjucks in the site's config: nothing is a template, nothing reported", async () => {
    const off = await hexoInstance({ marked: { disableNunjucks: true } });
    const body = '{{ x }} {% foo %}\n';
    expect(visible((await render(body, {}, off)).html!)).toContain('{{ x }} {% foo %}');
    const configured = makeSite(GENERATORS.hexo, null, null, 'test', GENERATORS.hexo.settings(null, { marked: { disableNunjucks: true } }), {});
    expect(lintText(body, { rules, site: configured })).toEqual([]);
    // the setting is the Markdown renderer's: an .html post still goes through Nunjucks, and is reported
    expect((await off.post.render('post.html', { content: '<p>{{ x }}</p>' })).content).toBe('<p></p>');
    expect(lintText('<p>{{ x }}</p>', { rules, site: configured, filePath: 'post.html' })).toHaveLength(1);
  });

  it('in a code tag the page would show an entity, so there is no fix; {% raw %} keeps the text', async () => {
    const body = '{% codeblock %}\n{{ x }}\n{% endcodeblock %}\n';
    const [m] = lintText(body, { rules, site });
    expect(m.message).toMatch(/an entity would show as written inside \{% codeblock %\}: wrap it in \{% raw %\}…\{% endraw %\}$/);
    expect(fixText(body, { rules, site }).output).toBe(body);
    expect(visible((await render(body)).html!)).not.toContain('{{ x }}');
    expect(visible((await render('{% codeblock %}\n&#123;{ x }}\n{% endcodeblock %}\n')).html!)).toContain('&#123;{ x }}');
    expect(visible((await render('{% codeblock %}\n{% raw %}{{ x }}{% endraw %}\n{% endcodeblock %}\n')).html!)).toContain('{{ x }}');
  });

  it('decoding a script would hand Nunjucks a variable: reported without a fix, as Hexo would swallow it', async () => {
    const body = '<script>var t = "&#123;&#123; name &#125;&#125;";</script>\n';
    const [m] = lintText(body, { rules, site });
    expect(m.message).toMatch(/decoding them would write "\{\{ name \}\}", which Hexo reads as template syntax/);
    expect(fixText(body, { rules, site }).output).toBe(body);
    expect((await render('<script>var t = "{{ name }}";</script>\n')).html).toContain('var t = "";');
    expect((await render('{% raw %}<script>var t = "{{ name }}";</script>{% endraw %}\n')).html).toContain('var t = "{{ name }}";');
  });

  it('the rule fixtures: clean.md renders as intended, dirty.md stops the build, dirty.fixed.md renders', async () => {
    const dir = path.resolve(import.meta.dirname, '../../fixtures/rules/no-escaped-braces');
    for (const name of ['clean.md', 'dirty.md', 'dirty.fixed.md']) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const body = text.slice(text.indexOf('---', 3) + 4);
      const out = await render(body);
      if (name === 'dirty.md') {
        expect(out.error).toContain('unexpected token'); // its `{% if %}` has no condition, nor an end
        continue;
      }
      expect(out.error, name).toBeUndefined();
      if (name === 'clean.md') {
        expect(visible(out.html!)).toContain('{{ kept }}');
        expect(out.html).toContain('<img src="/images/electron.png"');
        expect(out.html).toContain('<blockquote>');
      }
      if (name === 'dirty.fixed.md') expect(visible(out.html!)).toContain('Vue 模板写作 {{ message }}，Jinja 用 {% if %}。');
    }
  });
});
