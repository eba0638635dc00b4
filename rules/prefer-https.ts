import { defineRule, docsUrl, quote, type Fix, type RuleFixer } from '../src/rule-api.js';
import { urlSites, type UrlSite } from '../src/util/url-sites.js';
import { hostOf } from './no-placeholder-image.js';

interface Options {
  imageKeys: string[];
  httpsHosts: string[];
}

/** What a page loads without a click, by element: the attributes that fetch a resource (mixed content). */
const LOADED: Record<string, readonly string[]> = {
  img: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src', 'srcset'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
};
const TAGS = Object.keys(LOADED);
const ATTRIBUTES = ['src', 'poster', 'data'];
const HTTP = /^http:\/\//i;

/** True when `host` matches one of the patterns: `example.com` exactly, `*.example.com` any subdomain of it. */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  return patterns.some((raw) => {
    const p = raw.trim().toLowerCase();
    if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
    return host === p;
  });
}

export default defineRule<Options>({
  meta: {
    id: 'prefer-https',
    description: 'Images, frames and media must load over https:// (http:// is mixed content on an https site)',
    fixable: true,
    severity: 'warn',
    docs: docsUrl('prefer-https'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        imageKeys: { type: 'array', items: { type: 'string' }, default: ['headimg', 'thumbnail', 'cover', 'image', 'banner'] },
        httpsHosts: { type: 'array', items: { type: 'string' }, default: [] },
      },
    },
    messages: {
      upgrade: '{{where}} loads {{url}} over http:// (mixed content): upgraded to https://',
      insecure: '{{where}} loads {{url}} over http:// (mixed content); list its host in httpsHosts once it is known to serve https',
    },
  },
  check({ article, options, report }) {
    const imageKeys = options.imageKeys;
    for (const site of urlSites(article, { tags: TAGS, attributes: ATTRIBUTES })) {
      if (!HTTP.test(site.url)) continue;
      let where: string;
      if (site.kind === 'front-matter') {
        if (!imageKeys.includes(String(site.path![0]))) continue;
        where = site.path!.join('.');
      } else if (site.kind === 'markdown-image') {
        where = 'Markdown image';
      } else if (site.kind === 'markdown-link') {
        continue;
      } else {
        const tag = site.element!.tagName;
        if (!LOADED[tag]?.includes(site.attribute!)) continue;
        where = `<${tag} ${site.attribute}>`;
      }
      const host = hostOf(site.url);
      // an explicit port served http; the same port will not answer https
      const fixable = host !== null && !/^http:\/\/[^/?#]*:\d/i.test(site.url) && hostMatches(host, options.httpsHosts);
      report({
        messageId: fixable ? 'upgrade' : 'insecure',
        data: { where, url: quote(site.url) },
        range: site.range,
        fix: fixable ? (fixer) => upgrade(article.text, site, fixer) : null,
      });
    }
  },
});

/** Writes `https:` over the scheme only, so the rest of the URL stays byte-identical. */
function upgrade(text: string, site: UrlSite, fixer: RuleFixer): Fix {
  if (site.kind !== 'front-matter' && /^http:/i.test(text.slice(site.range[0], site.range[0] + 5))) {
    return fixer.replaceTextRange([site.range[0], site.range[0] + 5], 'https:');
  }
  return site.replace(fixer, `https://${site.url.slice(7)}`);
}
