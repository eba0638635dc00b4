// Hugo 0.111.3 (Debian's hugo) as the oracle (issue 7, item 9): fixtures/sites/hugo, built by the real Hugo
// before and after `newslint check --fix` (test/oracles/scenario.ts says what is asserted): TOML, YAML and JSON
// front matter, shortcodes and a relref post link, dates in every form an importer writes.
import { describeOracle } from '../oracles/scenario.js';

const SILENT = /^hugo published nothing for it and logged nothing about it$/;
const section = (dir: string) => [`${dir}/index.html`, `${dir}/index.xml`];

describeOracle('hugo', 'Hugo 0.111.3', {
  tz: 'UTC',
  dropped: {
    // Files whose names start with . or # are not content to Hugo (a real build publishes nothing for them);
    // _ and % are published.
    'content/posts/#草稿.md': SILENT,
    'content/posts/.htaccess 配置指南.md': SILENT,
  },
  otherPages: [
    ...['', 'cnbeta', 'json', '周刊', '掘金', '新媒体', '日期', '编程', '随笔'].flatMap((c) => section(c ? `categories/${c}` : 'categories')),
    'index.html',
    'index.xml',
    ...section('posts'),
    'sitemap.xml',
    ...section('tags'),
  ],
  renders: {
    'content/posts/shortcodes.md': [
      '<img src="/images/vineyard.png"',
      '<a href="/posts/hello-world-toml/">',
      '<aside class="note">本期共 <strong>12</strong> 篇文章</aside>',
      '<aside class="note">订阅地址：<a href="/index.xml">RSS</a></aside>',
    ],
    'content/posts/v-model.md': [
      '](#带有-debounce-的-v-model移除)',
      'id="带有-debounce-的-v-model移除"',
      'href="#%E5%B8%A6%E6%9C%89-debounce-%E7%9A%84-v-model%E7%A7%BB%E9%99%A4"',
    ],
  },
  contentDir: 'content/',
  neverChecked: ['public', 'resources', 'themes'],
});
