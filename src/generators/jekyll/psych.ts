// YAML values as Jekyll reads them. Debian's jekyll 4.3.1 loads front matter with
// `Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)` (lib/jekyll/utils.rb
// safe_load_yaml; Debian's patch replaces SafeYAML), and Psych 4.0.3 (ruby 3.1) turns each plain scalar into
// a value with Psych::ScalarScanner#tokenize (psych/scalar_scanner.rb), YAML 1.1 style: `yes`/`on`/`off`
// in any case are booleans, `010` is octal, `1_000` and `1,000` are integers, `12:30` is a base-60 number,
// `2021-1-5` is a date, an impossible date stays a string, `:name` is a Symbol, which safe_load refuses (so
// Jekyll drops the post's data). Quoted scalars are strings. This is that scanner as a js-yaml schema;
// test/generators/jekyll-front-matter.test.ts holds it against the real Psych.

import yaml from 'js-yaml';
import { libyamlSchema } from '../libyaml.js';

/** A plain scalar that Psych cannot load (a Symbol, which safe_load refuses; a number Ruby cannot convert). */
export class PsychRefusal extends Error {}

// psych/scalar_scanner.rb, with Ruby's `\s` (ASCII whitespace), `\d` (ASCII digits) and [[:alpha:]]
const STRINGISH = /^[^\d.:-]?[\p{Alphabetic}_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;=]+/u;
const TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t\r\n\f\v]+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:[ \t\r\n\f\v]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const DATE = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/;
const BASE60_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;
const INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;

/** Psych::ScalarScanner#tokenize: the value of a plain scalar. Throws PsychRefusal where Psych raises. */
export function psychScalar(s: string): unknown {
  if (s === '') return null;
  if (STRINGISH.test(s) || s.includes('\n')) {
    if (s.length > 5 || /^[^ytonf~]/i.test(s)) return s;
    if (s === '~' || /^null$/i.test(s)) return null;
    if (/^(?:yes|true|on)$/i.test(s)) return true;
    if (/^(?:no|false|off)$/i.test(s)) return false;
    return s;
  }
  if (TIME.test(s)) return psychTime(s) ?? s;
  const date = DATE.exec(s);
  if (date) return calendarDate(Number(date[1]), Number(date[2]), Number(date[3])) ?? s;
  if (/^\+?\.inf$/i.test(s)) return Infinity;
  if (/^-\.inf$/i.test(s)) return -Infinity;
  if (/^\.nan$/i.test(s)) return NaN;
  if (/^:./.test(s)) throw new PsychRefusal(`Tried to load unspecified class: Symbol (${s})`);
  if (BASE60_INT.test(s) || BASE60_FLOAT.test(s)) {
    // Psych weighs part e by 60 ** |e - 2|: `12:30` is 12 * 3600 + 30 * 60
    const parts = s.split(':');
    const read = BASE60_INT.test(s) ? rubyToI : rubyToF;
    return parts.reduce((sum, part, e) => sum + read(part) * 60 ** Math.abs(e - 2), 0);
  }
  if (FLOAT.test(s)) {
    if (/^[-+]?\.$/.test(s)) return s;
    const f = rubyFloat(s.replace(/[,_]|\.(?=[Ee]|$)/g, ''));
    if (f === null) throw new PsychRefusal(`invalid value for Float(): ${JSON.stringify(s)}`);
    return f;
  }
  if (INTEGER.test(s)) {
    const i = rubyInteger(s.replace(/[,_]/g, ''));
    if (i === null) throw new PsychRefusal(`invalid value for Integer(): ${JSON.stringify(s)}`);
    return i;
  }
  return s;
}

/** Psych::ScalarScanner#parse_time; null where Ruby's Time raises ArgumentError (Psych then keeps the string). */
function psychTime(s: string): Date | null {
  const [date, time] = splitOnce(s, /[ tT]/);
  const [, yy, mo, dd] = /^(-?\d{4})-(\d{1,2})-(\d{1,2})/.exec(date)!.map(Number);
  const md = /(\d+:\d+:\d+)(?:\.(\d*))?[ \t\r\n\f\v]*(Z|[-+]\d+(?::\d\d)?)?/.exec(time)!;
  const [hh, mm, ss] = md[1].split(':').map(Number);
  const fraction = md[2] ? Number(`0.${md[2]}`) : 0;
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || mm > 59 || ss > 60 || hh > 24 || (hh === 24 && (mm || ss || fraction))) return null;
  const utc = Date.UTC(yy, mo - 1, dd, hh, mm, ss) + Math.round(fraction * 1000);
  if (!md[3] || md[3] === 'Z') return withYear(utc, yy);
  const tz = /^([+-]?\d{1,2}):?(\d{1,2})?$/.exec(md[3]);
  if (!tz) return null;
  const hours = parseInt(tz[1], 10);
  let offset = hours * 3600;
  // Psych's own arithmetic: the minutes take the sign of the hours, and "-00:30" is +00:30
  offset += (offset < 0 ? -1 : 1) * (tz[2] ? parseInt(tz[2], 10) : 0) * 60;
  if (Math.abs(offset) >= 86400) return null;
  return withYear(utc - offset * 1000, yy);
}

/** Date.strptime(s, '%Y-%m-%d'): a real calendar date, as a Date at UTC midnight; null otherwise. */
function calendarDate(y: number, m: number, d: number): Date | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 100) t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t : null;
}

/** Date.UTC reads years 0–99 as 1900–1999; Ruby does not. */
function withYear(utc: number, year: number): Date {
  const t = new Date(utc);
  if (year >= 0 && year < 100) t.setUTCFullYear(t.getUTCFullYear() - 1900);
  return t;
}

function splitOnce(s: string, re: RegExp): [string, string] {
  const m = re.exec(s);
  return m ? [s.slice(0, m.index), s.slice(m.index + 1)] : [s, ''];
}

/** Ruby's String#to_i on the parts Psych gives it: sign, digits, underscores. */
function rubyToI(part: string): number {
  const m = /^[-+]?\d[\d_]*/.exec(part);
  return m ? parseInt(m[0].replace(/_/g, ''), 10) : 0;
}

function rubyToF(part: string): number {
  const m = /^[-+]?\d[\d_]*(?:\.\d[\d_]*)?/.exec(part);
  return m ? parseFloat(m[0].replace(/_/g, '')) : 0;
}

/** Kernel#Float on what Psych hands it (digits, one dot, an exponent with a sign); null where Ruby raises. */
function rubyFloat(s: string): number | null {
  return /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]\d+)?$/.test(s) ? Number(s) : null;
}

/** Kernel#Integer: 0b, 0x, and a leading 0 for octal; null where Ruby raises. */
function rubyInteger(s: string): number | null {
  const m = /^([-+]?)(0b[01]+|0x[0-9a-fA-F]+|0[0-7]+|0|[1-9]\d*)$/.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2);
  if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
  if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body.slice(1), 8);
  return sign * Number(body);
}

const binary = (tag: string) =>
  new yaml.Type(tag, { kind: 'scalar', construct: (data: string) => Buffer.from(data ?? '', 'base64').toString('latin1') });

/** Psych under Jekyll's safe_load: Psych's scalars, merge keys (`<<`), !!binary, any other tag tolerated. */
export const PSYCH_SCHEMA = libyamlSchema(psychScalar, [binary('tag:yaml.org,2002:binary'), binary('!binary')]);
