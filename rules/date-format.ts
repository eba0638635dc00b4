import { defineRule, docsUrl, quote, type FrontMatterEntry } from '../src/rule-api.js';
import { yamlScalar } from '../src/engine/rule-fixer.js';
import { checkDate, isValidTimeZone, type DateFormat } from '../src/util/dates.js';

interface Options {
  keys: string[];
  format: DateFormat;
  timezone?: string;
  required: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'date-format',
    description: 'Front-matter dates must be ISO 8601 or YYYY-MM-DD HH:mm:ss, and real dates',
    fixable: true,
    severity: 'error',
    docs: docsUrl('date-format'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        keys: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, default: ['date', 'updated'] },
        format: { enum: ['iso', 'hexo'], default: 'iso' },
        timezone: { type: 'string', minLength: 1 },
        required: { type: 'boolean', default: true },
      },
    },
    messages: {
      convert: '{{key}} {{value}} is not ISO 8601; the fix writes {{fixed}}',
      impossible: '{{key}} {{value}} is not a real date ({{reason}}); correct it by hand',
      ambiguous: '{{key}} {{value}} is ambiguous: day and month could be either way round; write it as YYYY-MM-DD',
      unknown: '{{key}} {{value}} is not a date newslint can read; write it as YYYY-MM-DD HH:mm:ss',
      empty: '{{key}} is empty; write the date as YYYY-MM-DD HH:mm:ss',
      notScalar: '{{key}} must be a date, not a {{type}}',
      missing: 'Front matter has no {{key}}: Hexo falls back to the file time, which changes on every copy',
      noFrontMatter: 'File has no front matter, so no {{key}}: Hexo falls back to the file time',
    },
  },
  validateOptions({ timezone }) {
    return timezone === undefined || isValidTimeZone(timezone)
      ? null
      : `timezone ${quote(timezone)} is not an IANA time zone name (such as "Asia/Shanghai" or "UTC")`;
  },
  check({ article, options, report }) {
    const { keys, format, timezone, required } = options;
    const fm = article.frontMatter;
    const requiredKey = required ? keys[0] : undefined;
    if (!fm) {
      if (requiredKey !== undefined) report({ messageId: 'noFrontMatter', data: { key: quote(requiredKey) }, range: [0, 0] });
      return;
    }
    const wanted = new Set(keys);
    const stringAt = new Map(fm.strings.filter((s) => s.path.length === 1).map((s) => [s.range[0], s]));
    let seenRequired = false;
    for (const entry of fm.entries) {
      if (!wanted.has(entry.key)) continue;
      if (entry.key === requiredKey) seenRequired = true;
      checkEntry(entry);
    }
    // JSON that YAML could not read has no entries; its keys still count as present.
    if (requiredKey !== undefined && !seenRequired && !Object.hasOwn(fm.data, requiredKey)) {
      report({ messageId: 'missing', data: { key: quote(requiredKey) }, range: [fm.range[0], fm.range[0] + 3] });
    }

    function checkEntry(entry: FrontMatterEntry): void {
      const key = quote(entry.key);
      const { value, valueRange } = entry;
      if (valueRange === null || value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
        report({ messageId: 'empty', data: { key }, range: valueRange ?? entry.keyRange });
        return;
      }
      if (typeof value === 'object') {
        report({ messageId: 'notScalar', data: { key, type: Array.isArray(value) ? 'list' : 'mapping' }, range: valueRange });
        return;
      }
      const isInteger = typeof value === 'number' && Number.isInteger(value) && /^\d+$/.test(entry.source);
      const raw = typeof value === 'string' ? value : isInteger ? entry.source : null;
      const shown = quote(raw ?? entry.source);
      if (raw === null) {
        report({ messageId: 'unknown', data: { key, value: shown }, range: valueRange });
        return;
      }
      const verdict = checkDate(raw, { format, timezone });
      switch (verdict.kind) {
        case 'ok':
          return;
        case 'impossible':
          report({ messageId: 'impossible', data: { key, value: shown, reason: verdict.reason }, range: valueRange });
          return;
        case 'ambiguous':
        case 'unknown':
          report({ messageId: verdict.kind, data: { key, value: shown }, range: valueRange });
          return;
        case 'fix': {
          const fixed = verdict.value;
          const str = typeof value === 'string' ? stringAt.get(valueRange[0]) : undefined;
          report({
            messageId: 'convert',
            data: { key, value: shown, fixed: quote(fixed) },
            range: valueRange,
            fix: (fixer) => {
              if (str) return fixer.replaceYamlString(str, fixed);
              if (isInteger) return fixer.replaceTextRange(valueRange, yamlScalar(fixed, fm!.language === 'json' ? 'QUOTE_DOUBLE' : 'PLAIN'));
              return null; // a string reached through an alias: its text is elsewhere
            },
          });
        }
      }
    }
  },
});
