// YAML values as Hugo 0.111 reads them: gopkg.in/yaml.v2 (parser/metadecoders/decoder.go), decoding into
// map[string]interface{}. yaml.v2's resolve.go reads a plain scalar by its first character: YAML 1.1
// booleans (`y`, `yes`, `on`, `off`, `n` in three spellings each), `~`/`null`, `.inf`/`.nan`; a sign or a
// digit: underscores removed, then Go's ParseInt with base 0 (`0x`, `0o`, `0b`, `010` is octal), ParseUint,
// ParseFloat for YAML-style floats (so `08` is 8.0); a leading `.`: ParseFloat. A timestamp stays the
// string it is ("for backward compatibility", when decoding into interface{}). Everything else is a
// string; quoted scalars always are. Keys are read the same way, except the top-level ones: Hugo decodes
// into map[string]interface{}, so a top-level key is its text as written (`n`, not false; `010`, not 8;
// `~` and `null` are ""). Checked against real `hugo` builds in test/generators/hugo-front-matter.test.ts.

import type yaml from 'js-yaml';
import { libyamlSchema, loadLikeLibyaml } from '../libyaml.js';

const WORDS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, -Infinity] as const),
]);

const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** yaml.v2's resolve() for a plain scalar decoded into interface{}. */
export function goYamlScalar(s: string): unknown {
  const hint = s === '' ? 'N' : /[-+]/.test(s[0]) ? 'S' : /[0-9]/.test(s[0]) ? 'D' : /[yYnNtTfFoO~]/.test(s[0]) ? 'M' : s[0] === '.' ? '.' : '';
  if (!hint) return s;
  if (WORDS.has(s)) return WORDS.get(s);
  if (hint === '.') return goParseFloat(s) ?? s;
  if (hint === 'D' || hint === 'S') {
    const plain = s.replace(/_/g, '');
    const int = goParseInt(plain);
    if (int !== null) return int;
    if (YAML_STYLE_FLOAT.test(plain)) return goParseFloat(plain) ?? s;
  }
  return s;
}

/** strconv.ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64) as yaml.v2 does; null where both fail. */
function goParseInt(s: string): number | null {
  const m = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(s);
  if (!m) return null;
  const big = m[2] !== undefined ? BigInt(`0x${m[2]}`) : m[3] !== undefined ? BigInt(`0o${m[3]}`) : m[4] !== undefined ? BigInt(`0b${m[4]}`) : m[5] !== undefined ? (m[5] ? BigInt(`0o${m[5]}`) : 0n) : BigInt(m[6]);
  const value = m[1] === '-' ? -big : big;
  if (value >= -(2n ** 63n) && value < 2n ** 63n) return Number(value);
  return m[1] === '' && value < 2n ** 64n ? Number(value) : null; // ParseUint takes no sign
}

/** strconv.ParseFloat on decimal text; null when out of range (Go returns an error there). */
function goParseFloat(s: string): number | null {
  if (!YAML_STYLE_FLOAT.test(s)) return null;
  const f = Number(s);
  return Number.isFinite(f) ? f : null;
}

/** yaml.v2 under Hugo: its scalars, merge keys (`<<`), any tag tolerated. */
export const GO_YAML_SCHEMA = libyamlSchema(goYamlScalar);

/** yaml.Unmarshal into Hugo's map[string]interface{}: as GO_YAML_SCHEMA reads it, with top-level keys as written. */
export function loadGoYaml(source: string): unknown {
  let pairs: { key: unknown; raw: string; value?: unknown }[] = [];
  const data = loadLikeLibyaml(source, GO_YAML_SCHEMA, () => {
    pairs = [];
    let depth = 0;
    let open = 0;
    let child = 0;
    return (type: yaml.EventType, state: yaml.State) => {
      if (type === 'open') {
        if (++depth === 2) open = state.position;
        return;
      }
      if (depth-- !== 2) return;
      if (child++ % 2 === 0) pairs.push({ key: state.result, raw: state.input.slice(open, state.position).trim() });
      else pairs[pairs.length - 1].value = state.result;
    };
  });
  if (!data || typeof data !== 'object' || Array.isArray(data) || pairs.every((p) => typeof p.key === 'string')) return data;
  // a merge key (`<<`) or an odd pairing: js-yaml's own reading stands
  if (pairs.some((p) => p.key === '<<' || !('value' in p))) return data;
  const out: Record<string, unknown> = {};
  for (const p of pairs) {
    const key = typeof p.key === 'string' ? p.key : p.key === null ? '' : p.raw;
    Object.defineProperty(out, key, { value: p.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
