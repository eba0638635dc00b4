// Jekyll 4.3.1 (Debian's jekyll) as the oracle (issue 7, item 9): fixtures/sites/jekyll, built by the real
// Jekyll before and after `newslint check --fix` (test/oracles/scenario.ts says what is asserted): Liquid
// includes, post_url links, capture and site.baseurl, dates in every form an importer writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../oracles/build.js';
import { describeOracle } from '../oracles/scenario.js';
import { copySite } from '../oracles/sites.js';
import { newslint, tempDir } from './helpers.js';

const SILENT = /^jekyll published nothing for it and logged nothing about it$/;

describeOracle('jekyll', 'Jekyll 4.3.1', {
  tz: 'UTC',
  dropped: {
    // lib/jekyll/readers/post_reader.rb: only names matching Document::DATE_FILENAME_MATCHER are posts;
    // lib/jekyll/entry_filter.rb: names starting with . _ # or ending in ~ are skipped.
    '_posts/G20领导人峰会 习近平提出这一目标.md': SILENT,
    '_posts/_2021-07-11-DogWalk_ 漏洞获得非官方补丁.md': SILENT,
  },
  otherPages: ['index.html'],
  renders: {
    '_posts/2021-07-07-liquid.md': [
      '<figure><img src="/blog/assets/vineyard.png" alt="Vineyard 架构图" /><figcaption>Vineyard 架构图</figcaption></figure>',
      '<a href="/blog/%E7%BC%96%E7%A8%8B/dockone/2021/02/05/vineyard-joins-cncf.html">',
      '本期共 10 篇文章',
      '/blog/feed.xml',
    ],
    '_posts/2021-07-08-v-model.md': [
      '](#带有-debounce-的-v-model移除)',
      'id="带有-debounce-的-v-model移除"',
      'href="#带有-debounce-的-v-model移除"',
    ],
  },
  contentDir: '',
  // output, cache, and templates: layouts and includes are Liquid for pages, never pages themselves
  neverChecked: ['_site', '.jekyll-cache', '_layouts', '_includes'],
});

describe('Jekyll 4.3.1 and a date it cannot read', () => {
  it('refuses to build the whole site, and newslint reports the date line as an error', () => {
    const site = copySite('jekyll', tempDir());
    const post = '_posts/2021-07-12-invalid-date.md';
    writeFileSync(path.join(site, post), '---\ntitle: "无效的日期"\ndate: Invalid Date\n---\n\n<p>RSS 导入器写下了 Invalid Date。</p>\n');
    const b = buildSite('jekyll', site);
    // lib/jekyll/document.rb merge_date! → Utils.parse_date raises InvalidDateError, a FatalException
    expect(b.ok).toBe(false);
    expect(b.log).toContain(`Invalid date 'Invalid Date': Document '${post}' does not have a valid date in the YAML front matter.`);
    const [result] = JSON.parse(newslint(['check', '--format', 'json', post], site).stdout);
    expect(result.messages.filter((m: { severity: number; line: number }) => m.severity === 2 && m.line === 3)).not.toEqual([]);
  });
});
