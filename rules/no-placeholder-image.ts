import { defineRule, docsUrl, quote, type Article, type Element, type Fix, type Range, type RuleFixer } from '../src/rule-api.js';
import { srcsetCandidates, urlSites, type UrlSite } from '../src/util/url-sites.js';

type Fallback = 'none' | 'drop' | 'first-body-image';

interface Options {
  fallback: Fallback;
  hosts: string[];
  coverKeys: string[];
}

/** Hosts whose only job is to serve stand-in pictures. */
export const PLACEHOLDER_HOSTS = [
  'picsum.photos',
  'placehold.co',
  'placehold.it',
  'placeholder.com',
  'dummyimage.com',
  'fakeimg.pl',
  'placekitten.com',
  'loremflickr.com',
];

/** Image attributes of `<img>` read for a single URL (src and the lazy-loading copies of it). */
export const IMAGE_URL_ATTRIBUTES = ['src', 'data-src', 'data-original', 'data-gif-url', 'data-lazy-src', 'data-original-src'];
/** The lazy-loading attributes that hold an image's real URL. */
const LAZY_URL_ATTRIBUTES = IMAGE_URL_ATTRIBUTES.filter((a) => a !== 'src');

const HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#\\]*)/i;
const NULLISH_PATH = /(?:^|\/)(?:undefined|null)\/?$/i;
const DATA_IMAGE = /^data:image\/(gif|png)((?:;[^;,]*)*);base64,/i;

/** The host of an absolute or protocol-relative URL (lower case, without user info or port), or null. */
export function hostOf(url: string): string | null {
  const m = HOST.exec(url.trim());
  if (!m) return null;
  let host = m[1];
  const at = host.lastIndexOf('@');
  if (at !== -1) host = host.slice(at + 1);
  if (!host.startsWith('[')) {
    const colon = host.indexOf(':');
    if (colon !== -1) host = host.slice(0, colon);
  }
  return host.toLowerCase().replace(/\.$/, '');
}

/** Width and height of a base64 GIF or PNG data URI, read from its header; null when it is neither. */
export function dataImageSize(url: string): { width: number; height: number } | null {
  const m = DATA_IMAGE.exec(url);
  if (!m) return null;
  // only the header is decoded: a data URI can be megabytes long
  const head = url.slice(m[0].length, m[0].length + 96).replace(/%0[ad]|%20|\s/gi, '');
  const bytes = Buffer.from(head.slice(0, 32), 'base64');
  if (m[1].toLowerCase() === 'gif') {
    if (bytes.length < 10 || bytes.toString('latin1', 0, 3) !== 'GIF') return null;
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Why a URL is a placeholder image ("placeholder service picsum.photos", …), or null when it is not one. */
export function placeholderReason(url: string, hosts: readonly string[] = PLACEHOLDER_HOSTS): string | null {
  const u = url.trim();
  if (/^data:/i.test(u)) {
    const size = dataImageSize(u);
    return size && size.width <= 1 && size.height <= 1 ? `${size.width}×${size.height} data URI` : null;
  }
  const host = hostOf(u);
  if (host) {
    const service = hosts.find((h) => host === h || host.endsWith(`.${h}`));
    if (service) return `placeholder service ${service}`;
  }
  const path = u.replace(/[?#][\s\S]*$/, '');
  if (NULLISH_PATH.test(path)) return `URL ends in "${/null\/?$/i.test(path) ? 'null' : 'undefined'}"`;
  return null;
}

/** The first real (non-placeholder) body image URL as written: src, or a lazy copy when src is a placeholder. */
function firstBodyImage(article: Article, hosts: readonly string[]): string | null {
  const found: { offset: number; url: string }[] = [];
  for (const img of article.html.byTag('img')) {
    for (const name of IMAGE_URL_ATTRIBUTES) {
      const url = article.attr(img, name)?.trim();
      if (url && !/^data:/i.test(url) && !placeholderReason(url, hosts)) {
        found.push({ offset: img.sourceCodeLocation!.startOffset, url });
        break;
      }
    }
    if (found.length) break;
  }
  for (const md of article.markdown.images) {
    if (found.length && md.range[0] > found[0].offset) break;
    const url = md.url?.text.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
    if (url && !/^data:/i.test(url) && !placeholderReason(url, hosts)) {
      found.push({ offset: md.range[0], url });
      break;
    }
  }
  found.sort((a, b) => a.offset - b.offset);
  return found[0]?.url ?? null;
}

/** The range of a whole top-level `key: value` line (or lines), line break included; null when not removable. */
function entryLines(article: Article, site: UrlSite): Range | null {
  const fm = article.frontMatter!;
  if (fm.language !== 'yaml' || site.path?.length !== 1) return null;
  const entry = fm.entries.find(
    (e) => e.key === site.path![0] && e.valueRange && e.valueRange[0] <= site.range[0] && site.range[1] <= e.valueRange[1],
  );
  if (!entry) return null;
  const text = article.text;
  const start = entry.keyRange[0];
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return null; // not a block key of its own
  const nl = text.indexOf('\n', entry.valueRange![1]);
  if (nl === -1 || nl >= fm.contentRange[1] + 1) return null;
  const tail = text.slice(entry.valueRange![1], nl);
  if (!/^[ \t]*(?:#[^\n]*)?\r?$/.test(tail)) return null;
  return [start, nl + 1];
}

function removeAttribute(article: Article, el: Element, name: string, fixer: RuleFixer): Fix | null {
  const range = article.attrRange(el, name);
  if (!range) return null;
  let a = range[0];
  while (a > 0 && /[ \t\r\n\f]/.test(article.text[a - 1])) a--;
  return fixer.removeRange([a, range[1]]);
}

export default defineRule<Options>({
  meta: {
    id: 'no-placeholder-image',
    description: 'Images must not be stand-ins: placeholder services, URLs ending in /undefined or /null, 1×1 data URIs',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-placeholder-image'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fallback: { enum: ['none', 'drop', 'first-body-image'], default: 'none' },
        hosts: { type: 'array', items: { type: 'string' }, default: PLACEHOLDER_HOSTS },
        coverKeys: { type: 'array', items: { type: 'string' }, default: ['headimg', 'thumbnail', 'cover'] },
      },
    },
    messages: {
      placeholder: '{{where}} is a placeholder image ({{reason}}): {{url}}',
      dropField: '{{where}} is a placeholder image ({{reason}}): {{url}}; the field is removed',
      dropImage: '{{where}} is a placeholder image ({{reason}}): {{url}}; the image is removed',
      dropAttribute: '{{where}} is a placeholder image ({{reason}}): {{url}}; the attribute is removed',
      replace: '{{where}} is a placeholder image ({{reason}}): {{url}}; replaced by the first body image {{replacement}}',
    },
  },
  check({ article, options, report }) {
    const hosts = options.hosts.map((h) => h.toLowerCase());
    const sites = urlSites(article, { tags: ['img', 'source'], attributes: IMAGE_URL_ATTRIBUTES });
    let firstImage: string | null | undefined;
    for (const site of sites) {
      if (site.kind === 'markdown-link') continue;
      if (site.element?.tagName === 'source' && site.kind !== 'srcset') continue;
      const reason = placeholderReason(site.url, hosts);
      if (!reason) continue;
      const el = site.element;
      if (el && site.attribute === 'src') {
        // a placeholder src beside the real URL in a lazy attribute is no-lazy-image's case
        const real = LAZY_URL_ATTRIBUTES.some((a) => {
          const v = article.attr(el, a)?.trim();
          return v && !placeholderReason(v, hosts);
        });
        if (real) continue;
      }
      const where = site.kind === 'front-matter'
        ? site.path!.join('.')
        : site.kind === 'markdown-image' ? 'Markdown image' : `<${el!.tagName} ${site.attribute}>`;
      const data = { where, reason, url: quote(site.url) };
      let messageId = 'placeholder';
      let fix: ((fixer: RuleFixer) => Fix | null) | null = null;

      if (options.fallback === 'drop') {
        if (site.kind === 'front-matter') {
          const lines = entryLines(article, site);
          if (lines) {
            messageId = 'dropField';
            fix = (fixer) => fixer.removeRange(lines);
          }
        } else if (site.kind === 'markdown-image') {
          const img = article.markdown.images.find((i) => i.url && i.url.range[0] === site.range[0]);
          if (img) {
            messageId = 'dropImage';
            fix = (fixer) => fixer.removeRangeWithLine(img.range);
          }
        } else if (el && site.attribute === 'src' && el.tagName === 'img') {
          messageId = 'dropImage';
          fix = (fixer) => fixer.removeRangeWithLine(article.rangeOf(el));
        } else if (el && site.kind === 'attribute') {
          messageId = 'dropAttribute';
          fix = (fixer) => removeAttribute(article, el, site.attribute!, fixer);
        } else if (el && site.kind === 'srcset') {
          const raw = article.attrValue(el, site.attribute!)?.raw ?? '';
          if (srcsetCandidates(raw).every((c) => placeholderReason(c.url, hosts))) {
            messageId = 'dropAttribute';
            fix = (fixer) => removeAttribute(article, el, site.attribute!, fixer);
          }
        }
      } else if (
        options.fallback === 'first-body-image' &&
        site.kind === 'front-matter' &&
        site.path!.length === 1 &&
        options.coverKeys.includes(String(site.path![0]))
      ) {
        if (firstImage === undefined) firstImage = firstBodyImage(article, hosts);
        const replacement = firstImage;
        if (replacement) {
          messageId = 'replace';
          Object.assign(data, { replacement: quote(replacement) });
          fix = (fixer) => site.replace(fixer, replacement);
        }
      }
      report({ messageId, data, range: site.range, fix });
    }
  },
});
