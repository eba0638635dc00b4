// Generator.bareUrls against the real generators: Hexo 8.1.2 with hexo-renderer-marked 7.0.1 (in-process), Hugo
// 0.111.3 and Jekyll 4.3.1 (their binaries). Every link a generator publishes for a bare URL lies inside what
// bareUrls says it may take; and fixing the posts with cjk-spacing and cjk-punctuation for that generator's site
// leaves every published link (href and text) as it was.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Hexo from 'hexo';
import { parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/linter.js';
import { GENERATOR_NAMES, GENERATORS, siteWithoutRoot, type GeneratorName } from '../../src/generators/index.js';
import { RuleTester } from '../../src/rule-tester.js';
import punctuation from '../../rules/cjk-punctuation.js';
import spacing from '../../rules/cjk-spacing.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Markdown posts' bodies: bare URLs and e-mail addresses glued to Chinese prose, as scraped posts write them. */
const SAMPLES = [
  '见https://a.com/中文，然后abc了解。下一句 end\n',
  '见 https://zh.wikipedia.org/wiki/中文维基百科了解\n',
  '见 https://a.com/abc中文\n',
  '见 https://a.com/x"中文"了\n',
  '见 https://a.com/x)中文 了\n',
  '见 https://a.com/(x)y 了\n',
  '访问 www.example.com/abc了解\n',
  '见 https://a.com/x?q=a,b;c 了\n',
  '见，https://a.com/abc。了\n',
  '他说 " 中文 https://a.com/x " 好\n',
  '联系我 admin@example.com谢谢,再见\n',
  '见 HTTPS://A.COM/中文abc 了\n',
  '<div>\n见 https://a.com/中文abc了解\n</div>\n',
];

interface Link {
  href: string;
  text: string;
}

function links(html: string): Link[] {
  const out: Link[] = [];
  const stack: any[] = [parseFragment(html)];
  const textOf = (n: any): string => (n.nodeName === '#text' ? n.value : (n.childNodes ?? []).map(textOf).join(''));
  while (stack.length) {
    const n = stack.pop();
    if (n.nodeName === 'a') out.push({ href: n.attrs.find((a: any) => a.name === 'href')?.value ?? '', text: textOf(n) });
    for (const k of [...(n.childNodes ?? [])].reverse()) stack.push(k);
  }
  return out;
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-autolinks-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function renderHexo(bodies: string[]): Promise<string[]> {
  const dir = tempDir();
  // A `hexo` key makes it a site: only then does Hexo load the plugins it depends on (hexo/dist/hexo/update_package.js).
  const pkg = { name: 'site', private: true, hexo: { version: '8.1.2' }, dependencies: { hexo: '8.1.2', 'hexo-renderer-marked': '7.0.1' } };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(path.join(dir, '_config.yml'), 'title: t\n');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const hexo = new Hexo(dir, { silent: true });
  await hexo.init();
  const out: string[] = [];
  for (const content of bodies) out.push((await hexo.post.render(null as unknown as string, { content, engine: 'md' })).content);
  await hexo.exit();
  return out;
}

function renderHugo(bodies: string[]): string[] {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "http://example.com/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n');
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), '{{ .Content }}');
  writeFileSync(path.join(dir, 'layouts/_default/list.html'), '');
  mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  bodies.forEach((b, i) => writeFileSync(path.join(dir, `content/posts/p${i}.md`), `---\ntitle: p${i}\n---\n${b}`));
  const r = spawnSync('hugo', ['--quiet', '-s', dir, '-d', path.join(dir, 'public')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return bodies.map((_, i) => readFileSync(path.join(dir, `public/posts/p${i}/index.html`), 'utf8'));
}

function renderJekyll(bodies: string[]): string[] {
  const dir = tempDir();
  writeFileSync(path.join(dir, '_config.yml'), 'title: t\n');
  mkdirSync(path.join(dir, '_layouts'));
  writeFileSync(path.join(dir, '_layouts/post.html'), '{{ content }}');
  mkdirSync(path.join(dir, '_posts'));
  bodies.forEach((b, i) => writeFileSync(path.join(dir, `_posts/2020-01-01-p${i}.md`), `---\nlayout: post\n---\n${b}`));
  const r = spawnSync('jekyll', ['build', '-q', '-s', dir, '-d', path.join(dir, '_site')], { encoding: 'utf8', env: { ...process.env, JEKYLL_ENV: 'production' } });
  expect(r.status, r.stderr).toBe(0);
  return bodies.map((_, i) => readFileSync(path.join(dir, `_site/2020/01/01/p${i}.html`), 'utf8'));
}

const RENDER: Record<GeneratorName, (bodies: string[]) => Promise<string[]> | string[]> = { hexo: renderHexo, hugo: renderHugo, jekyll: renderJekyll };
const RULES = [RuleTester.configure(punctuation), RuleTester.configure(spacing)];

/** Per generator: the samples fixed for a site of that generator, and what the generator publishes before and after. */
const runs = {} as Record<GeneratorName, { fixed: string[]; before: string[]; after: string[] }>;
beforeAll(async () => {
  for (const g of GENERATOR_NAMES) {
    const fixed = SAMPLES.map((s) => fixText(s, { filePath: 'post.md', rules: RULES, site: siteWithoutRoot(g) }).output);
    const html = await RENDER[g]([...SAMPLES, ...fixed]);
    runs[g] = { fixed, before: html.slice(0, SAMPLES.length), after: html.slice(SAMPLES.length) };
  }
}, 300_000);

/** What bareUrls masks in a sample, as text. */
const reach = (g: GeneratorName, s: string) => GENERATORS[g].bareUrls(s).map(([a, b]) => s.slice(a, b));

describe('Generator.bareUrls', () => {
  it('says how far each generator links a bare URL (checked against the real renders below)', () => {
    expect(SAMPLES.map((s) => reach('hexo', s))).toEqual([
      ['https://a.com/中文，然后abc了解。下一句'],
      ['https://zh.wikipedia.org/wiki/中文维基百科了解'],
      ['https://a.com/abc中文'],
      ['https://a.com/x"中文"了'],
      ['https://a.com/x)中文'],
      ['https://a.com/(x)y'],
      ['www.example.com/abc了解'],
      ['https://a.com/x?q=a,b;c'],
      ['https://a.com/abc。了'],
      ['https://a.com/x'],
      [],
      ['HTTPS://A.COM/中文abc'],
      ['https://a.com/中文abc了解'],
    ]);
    expect(SAMPLES.map((s) => reach('hugo', s))).toEqual([
      ['https://a.com/'],
      ['https://zh.wikipedia.org/wiki/'],
      ['https://a.com/abc'],
      ['https://a.com/x"'],
      ['https://a.com/x)'],
      ['https://a.com/(x)y'],
      ['www.example.com/abc'],
      ['https://a.com/x?q=a,b;c'],
      ['https://a.com/abc'],
      ['https://a.com/x'],
      [],
      [],
      ['https://a.com/'],
    ]);
    expect(SAMPLES.flatMap((s) => reach('jekyll', s))).toEqual([]);
  });

  it('is linear on hostile input', () => {
    const hostile = ['https://a'.repeat(50_000), 'www.'.repeat(50_000), `https://${'中'.repeat(200_000)}`, 'http://<'.repeat(50_000)];
    for (const g of GENERATOR_NAMES) {
      const t = Date.now();
      for (const h of hostile) GENERATORS[g].bareUrls(h);
      expect(Date.now() - t, g).toBeLessThan(2_000);
    }
  });

  for (const g of GENERATOR_NAMES) {
    it(`${g}: every bare-URL link it publishes lies inside bareUrls`, () => {
      let published = 0;
      SAMPLES.forEach((s, i) => {
        const ranges = GENERATORS[g].bareUrls(s);
        for (const l of links(runs[g].before[i])) {
          const at = s.indexOf(l.text);
          expect(at, `${g} links ${JSON.stringify(l.text)}, not in ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(0);
          if (l.href.startsWith('mailto:')) continue; // e-mail addresses: masked by the rules themselves
          published++;
          const inside = ranges.some(([a, b]) => a <= at && at + l.text.length <= b);
          expect(inside, `${g} links ${JSON.stringify(l.text)} in ${JSON.stringify(s)}: bareUrls gives ${JSON.stringify(reach(g, s))}`).toBe(true);
        }
      });
      // Hexo links every lower-case bare URL outside the HTML block, Hugo those after a space, Jekyll none.
      expect(published).toBe({ hexo: 10, hugo: 8, jekyll: 0 }[g]);
    });
  }
});

describe('cjk-spacing and cjk-punctuation keep every published link', () => {
  for (const g of GENERATOR_NAMES) {
    it(`${g}: the links of the fixed posts are the links of the originals`, () => {
      const { fixed, before, after } = runs[g];
      SAMPLES.forEach((s, i) => expect(links(after[i]), `${JSON.stringify(s)} -> ${JSON.stringify(fixed[i])}`).toEqual(links(before[i])));
      // The fixes are not idle: prose beyond what the generator links is fixed (Hugo and Jekyll link less than Hexo).
      const changed = SAMPLES.filter((s, i) => fixed[i] !== s).length;
      expect(changed, g).toBe({ hexo: 2, hugo: 3, jekyll: 4 }[g]);
    });
  }

  it('fixes prose after a URL only where the generator does not link it', () => {
    const s = SAMPLES[0];
    expect(runs.hexo.fixed[0]).toBe(s); // Hexo links all of `https://a.com/中文，然后abc了解。下一句`
    expect(runs.hugo.fixed[0]).toBe('见https://a.com/中文，然后 abc 了解。下一句 end\n');
    expect(runs.jekyll.fixed[0]).toBe('见https://a.com/中文，然后 abc 了解。下一句 end\n');
  });
});
