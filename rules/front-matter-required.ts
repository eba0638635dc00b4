import { defineRule, docsUrl, quote, type FrontMatterEntry } from '../src/rule-api.js';

type TypeName = 'string' | 'list' | 'list-or-string' | 'number' | 'boolean';

interface Options {
  required: string[];
  types: Record<string, TypeName>;
  imageKeys: string[];
}

const TYPE_NAMES: TypeName[] = ['string', 'list', 'list-or-string', 'number', 'boolean'];
const EXPECTED: Record<TypeName, string> = {
  string: 'a string',
  list: 'a list',
  'list-or-string': 'a list or a string',
  number: 'a number',
  boolean: 'true or false',
};

export default defineRule<Options>({
  meta: {
    id: 'front-matter-required',
    description: 'Front matter must hold its required keys, once each, with values of the right type',
    fixable: false,
    severity: 'error',
    docs: docsUrl('front-matter-required'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, default: ['title'] },
        types: {
          type: 'object',
          additionalProperties: { enum: TYPE_NAMES },
          default: { title: 'string', categories: 'list-or-string', tags: 'list-or-string' },
        },
        imageKeys: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: ['headimg', 'thumbnail', 'cover', 'image', 'banner'],
        },
      },
    },
    messages: {
      noFrontMatter: 'File has no front matter, so no {{keys}}: Hexo shows the post without them',
      missing: 'Front matter has no {{key}}',
      empty: '{{key}} is empty',
      duplicate: 'Key {{key}} is repeated (first on line {{line}}): {{generator}} keeps only the last one; keep one',
      type: '{{key}} should be {{expected}}, not {{actual}}',
      image: '{{key}} {{value}} is not an http(s) URL or a root-relative path: the image will not load',
    },
  },
  check({ article, options, report }) {
    const { required, types, imageKeys } = options;
    const fm = article.frontMatter;
    if (!fm) {
      if (required.length) report({ messageId: 'noFrontMatter', data: { keys: required.map((k) => quote(k)).join(', ') }, range: [0, 0] });
      return;
    }
    const images = new Set(imageKeys);
    const requiredSet = new Set(required);
    const first = new Map<string, FrontMatterEntry>();
    for (const entry of fm.entries) {
      const key = quote(entry.key);
      const range = entry.valueRange ?? entry.keyRange;
      const earlier = first.get(entry.key);
      if (earlier) {
        report({ messageId: 'duplicate', data: { key, line: article.position(earlier.keyRange[0]).line, generator: article.site.generator.title }, range: entry.keyRange });
      } else first.set(entry.key, entry);

      const value = entry.valueRange === null ? null : entry.value;
      if (isEmpty(value)) {
        if (requiredSet.has(entry.key)) report({ messageId: 'empty', data: { key }, range });
        else if (images.has(entry.key)) report({ messageId: 'image', data: { key, value: quote('') }, range });
        continue; // an empty optional key is as good as absent
      }
      const type = Object.hasOwn(types, entry.key) ? types[entry.key] : undefined;
      if (type && !hasType(value, type)) {
        report({ messageId: 'type', data: { key, expected: EXPECTED[type], actual: typeOf(value) }, range });
        continue;
      }
      if (images.has(entry.key) && !isImageUrl(value)) {
        report({ messageId: 'image', data: { key, value: typeof value === 'string' ? quote(value) : typeOf(value) }, range });
      }
    }
    // JSON that YAML could not read has no entries; its keys still count as present.
    const present = (key: string) => first.has(key) || Object.hasOwn(fm.data, key);
    for (const key of required) {
      if (!present(key)) report({ messageId: 'missing', data: { key: quote(key) }, range: [fm.range[0], fm.range[0] + 3] });
    }
  },
});

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function hasType(value: unknown, type: TypeName): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'list':
      return Array.isArray(value);
    case 'list-or-string':
      return Array.isArray(value) || typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'number') return `the number ${value}`;
  return 'a string';
}

/** An absolute http(s) URL with a host and no whitespace, or a root-relative path (`/img/a.jpg`, not `//host`). */
function isImageUrl(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}
