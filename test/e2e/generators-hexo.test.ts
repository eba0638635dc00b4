// Hexo 8.1.2 as the oracle (issue 7, item 9): fixtures/sites/hexo with fixtures/real/_posts, built by the real
// Hexo before and after `newslint check --fix` (test/oracles/scenario.ts says what is asserted). Hexo reads
// dates in the build machine's zone before applying the site's `timezone` (Asia/Shanghai here), so the site is
// built and fixed on a machine in UTC and on one in the site's own zone.
import { describeOracle } from '../oracles/scenario.js';

const CASES = 'source/_posts/newslint-cases';
const SILENT = /^hexo published nothing for it and logged nothing about it$/;

for (const tz of ['UTC', 'Asia/Shanghai']) {
  describeOracle('hexo', `Hexo 8.1.2 (TZ=${tz})`, {
    tz,
    dropped: {
      // hexo/dist/plugins/processor/post.js: isHiddenFile (a path segment below _posts/ starting with _ or .)
      [`${CASES}/.htaccess 配置指南.md`]: SILENT,
      [`${CASES}/_DogWalk_ 漏洞获得非官方补丁.md`]: SILENT,
      // hexo-util's encodeURL: decodeURI of the permalink throws on a stray %, Post.insert fails
      "source/_posts/新媒体/ZAKER/channel/+_&~_%！'^…….md": /Process failed: .*URIError: URI malformed/,
      'source/_posts/新媒体/cnBeta/最新/%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md': /Process failed: .*URIError: URI malformed/,
    },
    otherPages: ['about/index.html'],
    renders: {
      [`${CASES}/v-model 的防抖.md`]: [
        '](#带有-debounce-的-v-model移除)',
        'id="带有-debounce-的-v-model移除"',
        'href="#%E5%B8%A6%E6%9C%89-debounce-%E7%9A%84-v-model%E7%A7%BB%E9%99%A4"',
      ],
    },
    contentDir: 'source/',
    neverChecked: ['public', 'themes', 'scaffolds', 'node_modules'],
  });
}
