// Front-matter dates as the post's generator reads them (src/generators/<generator>/dates.ts): a date in a
// form the generator documents, meaning what the generator publishes, is left alone; any other date the
// generator reads is rewritten to the instant it publishes, in its own form; a date it cannot read, or none
// at all, is rewritten to what it publishes instead (a file time, which any write would move). No fix ever
// changes the date the generator publishes. The rule knows no generator by name.

import { defineRule, docsUrl, quote, type FrontMatterEntry } from '../src/rule-api.js';
import { yamlScalar } from '../src/engine/rule-fixer.js';
import { isValidTimeZone, readWritten, showInstant, type Written } from '../src/util/dates.js';
import type { DateFallback, DatePost, DateSource, DateStyle } from '../src/generators/types.js';
import type { Fix, Range } from '../src/types.js';

interface Options {
  keys?: string[];
  format: 'iso' | 'generator' | 'hexo';
  timezone?: string;
  required: boolean;
}

/** The date of the examples in messages, as wall-clock time in the zone dates are read in. */
const EXAMPLE = '2021-10-31 08:06:29';

export default defineRule<Options>({
  meta: {
    id: 'date-format',
    description: 'Front-matter dates must be in a form the site generator documents and mean what it publishes; fixes never move a post',
    fixable: true,
    severity: 'error',
    docs: docsUrl('date-format'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        keys: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 },
        format: { enum: ['iso', 'generator', 'hexo'], default: 'iso' },
        timezone: { type: 'string', minLength: 1 },
        required: { type: 'boolean', default: true },
      },
    },
    messages: {
      convert: '{{key}} {{value}} is not in a form {{generator}} documents; {{generator}} publishes it as {{published}}{{fix}}',
      shifted: '{{generator}} publishes {{key}} {{value}} as {{published}}, not {{written}}: {{why}}{{fix}}',
      impossible: '{{key}} {{value}} is not a real date ({{reason}}); {{generator}} publishes {{published}}; correct it by hand',
      ambiguous: '{{key}} {{value}} is ambiguous: day and month could be either way round; {{generator}} publishes {{published}}; write it as YYYY-MM-DD',
      unreadable: '{{generator}} cannot read {{key}} {{value}}{{meant}}: it publishes {{fallback}} instead{{fix}}',
      fatal: '{{generator}} cannot read {{key}} {{value}}: {{why}}{{fix}}',
      unknown: '{{key}} {{value}} is not a date newslint can read, and newslint cannot tell what {{generator}} makes of it; write it as {{example}}',
      empty: '{{key}} is empty: {{generator}} publishes {{fallback}} instead{{fix}}',
      notScalar: '{{key}} must be a date, not a {{type}}',
      missing: 'Front matter has no {{key}}: {{generator}} publishes {{fallback}} instead{{fix}}',
      noFrontMatter: 'File has no front matter, so no {{key}}: {{generator}} publishes {{fallback}} instead{{fix}}',
      badZone: 'The site\'s timezone {{zone}} is not an IANA time zone name, so newslint cannot tell which dates {{generator}} publishes',
    },
  },
  validateOptions({ timezone }) {
    return timezone === undefined || isValidTimeZone(timezone)
      ? null
      : `timezone ${quote(timezone)} is not an IANA time zone name (such as "Asia/Shanghai" or "UTC")`;
  },
  check({ article, options, report }) {
    const { site, text } = article;
    const generator = site.generator.title;
    const model = site.generator.dates;
    const timezone = options.timezone ?? site.settings.timezone;
    const fm = article.frontMatter;
    const head: Range = fm ? [fm.range[0], Math.min(fm.range[0] + 3, fm.range[1])] : [0, 0];
    if (timezone !== undefined && !isValidTimeZone(timezone)) {
      report({ messageId: 'badZone', data: { zone: quote(timezone), generator }, range: head });
      return;
    }
    const zone = model.zone(timezone);
    const style: DateStyle = options.format === 'iso' ? 'iso' : 'generator';
    const keys = options.keys ?? model.keys;
    const wanted = new Set(keys.map(model.foldKey));
    const requiredKey = options.required ? keys[0] : undefined;
    // TOML's dates are TOML's own, and there are no positions in it to edit.
    if (fm?.language === 'toml') return;
    const language = fm?.language === 'json' ? 'json' : 'yaml';
    const entries = fm?.entries ?? [];
    const stringAt = new Map(fm?.strings.filter((s) => s.path.length === 1).map((s) => [s.range[0], s]));
    const show = (ms: number) => showInstant(ms, zone);
    const post: DatePost = {
      filePath: article.filePath,
      file: article.file,
      settings: site.settings,
      timezone,
      value(key) {
        const found = entries.filter((e) => model.foldKey(e.key) === model.foldKey(key));
        return found.length ? { source: found[found.length - 1].source, language } : null;
      },
    };

    /**
     * The model's first value for `ms`, in the first YAML style that the generator reads back as `ms`,
     * canonically, and floating with the build machine exactly when the value it replaces did.
     */
    function render(ms: number, dateOnly: boolean, styles: string[], floating = false): string | null {
      for (const value of model.write(ms, timezone, style, dateOnly, floating)) {
        const tried = new Set<string>();
        for (const s of language === 'json' ? ['QUOTE_DOUBLE'] : styles) {
          // plain, a date is meant to read as a timestamp, not a string: read back below, through the generator
          const source = language === 'json' ? JSON.stringify(value) : s === 'PLAIN' ? value : yamlScalar(value, s);
          if (tried.has(source)) continue;
          tried.add(source);
          const again = model.read({ source, language }, keys[0], timezone);
          if (again.kind === 'instant' && again.ms === ms && again.canonical && Boolean(again.floating) === floating) return source;
        }
      }
      return null;
    }
    /** A date in the generator's form, for messages that can only say how to write one. */
    const example = () => {
      const sample = readWritten(EXAMPLE, zone);
      return (sample.kind === 'date' && render(sample.ms, false, ['PLAIN', 'QUOTE_SINGLE'])) || 'YYYY-MM-DD HH:mm:ss';
    };
    const describe = (fb: DateFallback) => (fb.ms === null || fb.kind === 'zero' ? fb.what : `${fb.what}, ${show(fb.ms)}`);
    /** The end of a message about a fallback that nothing keeps: a file time moves with every write. */
    const moves = (fb: DateFallback) => (fb.kind === 'file' ? ', which any write of the file moves' : '');
    /** The text that keeps what the generator falls back to, if any, and the clause that ends the message. */
    function keepFallback(fb: DateFallback, styles: string[]): { fix: string; fixed: string | null } {
      const fixed = fb.ms !== null && fb.kind !== 'zero' ? render(fb.ms, fb.kind === 'post', styles, Boolean(fb.floating)) : null;
      if (fixed === null) return { fixed, fix: moves(fb) };
      return { fixed, fix: `; the fix writes ${quote(fixed)}${fb.kind === 'file' ? ', so that no later write moves the post' : `, ${fb.what}`}` };
    }

    if (!fm) {
      // No fix: front matter is front-matter-required's to add (and a file without it may not be meant as a post).
      if (requiredKey === undefined) return;
      const fb = model.fallback(requiredKey, { ...post, value: () => null });
      if (!reportsMissing(fb)) return;
      report({ messageId: 'noFrontMatter', data: { key: quote(requiredKey), generator, fallback: describe(fb), fix: moves(fb) }, range: [0, 0] });
      return;
    }

    let seenRequired = false;
    for (const entry of entries) {
      if (!wanted.has(model.foldKey(entry.key))) continue;
      if (requiredKey !== undefined && model.foldKey(entry.key) === model.foldKey(requiredKey)) seenRequired = true;
      checkEntry(entry);
    }
    const present = Object.keys(fm.data).some((k) => requiredKey !== undefined && model.foldKey(k) === model.foldKey(requiredKey));
    if (requiredKey !== undefined && !seenRequired && !present) {
      const fb = model.fallback(requiredKey, post);
      if (!reportsMissing(fb)) return;
      const { fix, fixed } = keepFallback(fb, ['PLAIN', 'QUOTE_SINGLE']);
      const edit = fixed !== null && language === 'yaml' ? insertKey(requiredKey, fixed) : null;
      report({
        messageId: 'missing',
        data: { key: quote(requiredKey), generator, fallback: describe(fb), fix: edit ? fix : moves(fb) },
        // the whole front matter: the fix adds a line at its end
        range: fm.range,
        fix: edit ? () => edit : undefined,
      });
    }

    /** A line `key: value` at the end of the front matter, if the generator then reads the post with it. */
    function insertKey(key: string, value: string): Fix | null {
      const end = fm!.contentRange[1];
      // the front matter's own line ending: the one that ends its content, or the one after it
      const eol = text[end - 1] === '\n' ? (text[end - 2] === '\r' ? '\r\n' : '\n') : text[end] === '\r' ? '\r\n' : '\n';
      const line = text[end - 1] === '\n' ? `${key}: ${value}${eol}` : `${eol}${key}: ${value}`;
      try {
        const loaded = site.generator.readFrontMatter(text.slice(0, end) + line + text.slice(end));
        const same = loaded !== null && loaded.block.range[0] === fm!.range[0] && loaded.block.bodyStart === article.bodyStart + line.length;
        return same && Object.hasOwn(loaded.data, key) ? { range: [end, end], text: line } : null;
      } catch {
        return null; // the generator could not read the post with it
      }
    }

    function checkEntry(entry: FrontMatterEntry): void {
      const key = quote(entry.key);
      const { value, valueRange } = entry;
      if (value !== null && typeof value === 'object') {
        report({ messageId: 'notScalar', data: { key, type: Array.isArray(value) ? 'list' : 'mapping' }, range: valueRange ?? entry.keyRange });
        return;
      }
      const raw = typeof value === 'string' ? value : entry.source;
      const shown = quote(raw);
      const str = valueRange ? stringAt.get(valueRange[0]) : undefined;
      // Where a fix writes: over the value, or after the key's colon when there is none. A string whose text
      // is elsewhere (an alias) is not edited.
      const styles = [str?.style ?? 'PLAIN', 'PLAIN', 'QUOTE_SINGLE'];
      const editable = valueRange === null || str !== undefined || typeof value !== 'string';
      const edit = (replacement: string): Fix => {
        if (valueRange) return { range: valueRange, text: replacement };
        const colon = text.indexOf(':', entry.keyRange[1]);
        const at = text[colon + 1] === ' ' ? colon + 2 : colon + 1;
        return { range: [at, at], text: at === colon + 1 ? ` ${replacement}` : replacement };
      };
      const reading = model.read({ source: entry.source, language } satisfies DateSource, entry.key, timezone);
      const written: Written = raw.trim() ? readWritten(raw, zone) : { kind: 'unknown' };
      const range = valueRange ?? entry.keyRange;
      const fixWith = (fixed: string | null) => (fixed !== null && editable ? () => edit(fixed) : undefined);

      switch (reading.kind) {
        case 'unknown':
          report({ messageId: 'unknown', data: { key, value: shown, generator, example: example() }, range });
          return;
        case 'fatal': {
          // Nothing is published: the fix writes the date newslint reads in the value, else the one the
          // generator takes without it (from the post itself: a file name).
          let kept: { fix: string; fixed: string | null } = { fix: '', fixed: null };
          if (written.kind === 'date') {
            const fixed = render(written.ms, !written.fields.hasTime, styles, written.fields.offset === null && zone === 'system');
            kept = { fixed, fix: fixed === null ? '' : `; the fix writes ${quote(fixed)}` };
          } else {
            const fb = model.fallback(entry.key, post);
            if (fb.kind === 'post') kept = keepFallback(fb, styles);
          }
          const fixed = editable ? kept.fixed : null;
          const fix = fixed === null ? `; write it as ${example()}` : kept.fix;
          report({ messageId: 'fatal', data: { key, value: shown, generator, why: reading.why, fix }, range, fix: fixWith(fixed) });
          return;
        }
        case 'unreadable': {
          const fb = model.fallback(entry.key, post);
          const kept = keepFallback(fb, styles);
          const fixed = editable ? kept.fixed : null;
          const meant = written.kind === 'date' ? ` (newslint reads it as ${show(written.ms)})` : '';
          const fix = fixed !== null ? kept.fix : moves(fb);
          const empty = raw.trim() === '';
          report({
            messageId: empty ? 'empty' : 'unreadable',
            data: { key, value: shown, generator, meant, fallback: describe(fb), fix },
            range,
            fix: fixWith(fixed),
          });
          return;
        }
        case 'instant': {
          const published = show(reading.ms);
          if (written.kind === 'impossible' || written.kind === 'ambiguous') {
            const reason = written.kind === 'impossible' ? written.reason : '';
            report({ messageId: written.kind, data: { key, value: shown, reason, generator, published }, range });
            return;
          }
          if (reading.canonical) return;
          const fixed = render(reading.ms, written.kind === 'date' && !written.fields.hasTime, styles, Boolean(reading.floating));
          if (written.kind === 'date' && written.ms !== reading.ms) {
            const fix = fixed !== null && editable ? `; the fix writes ${quote(fixed)}, which keeps the published date (write the other by hand to move the post)` : '';
            const why = reading.why ?? `${generator} reads it so`;
            report({ messageId: 'shifted', data: { key, value: shown, generator, published, written: show(written.ms), why, fix }, range, fix: fixWith(fixed) });
            return;
          }
          const fix = fixed !== null && editable ? `; the fix writes ${quote(fixed)}` : '';
          const how = reading.why ? `${published} (${reading.why})` : published;
          report({ messageId: 'convert', data: { key, value: shown, generator, published: how, fix }, range, fix: fixWith(fixed) });
        }
      }
    }
  },
});

/** A missing date is worth a report when the generator dates the post by something other than the post itself. */
function reportsMissing(fb: DateFallback): boolean {
  return fb.kind === 'file' || fb.kind === 'build' || fb.kind === 'zero';
}
