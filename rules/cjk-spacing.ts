import { defineRule, docsUrl, quote } from '../src/rule-api.js';
import { CODE, FREE, FULL_BRACKETS, FULL_STOPS, NEUTRAL, isCJK, isDigit, isLatin, runningText, type Chunk } from '../src/util/cjk.js';

interface Options {
  dates: 'tight' | 'spaced';
}

/** Units that bind to a number in dates and times: `3月10日`, `4点44分`, `0天`. */
const DATE_UNITS = '年月日号號时時点點分秒天周';
const SPACE_AROUND = FULL_STOPS + FULL_BRACKETS;
/** Units written against their number: 15%, 90°, 30℃, 5‰. */
const NUMBER_UNITS = '%°℃‰';

export interface SpacingEdit {
  kind: 'missing' | 'extra' | 'unit';
  from: number;
  to: number;
}

/** The spacing edits one chunk needs (offsets relative to the chunk). Shared with the conformance test. */
export function spacingEdits(chunk: Chunk, options: Options): SpacingEdit[] {
  const { text, mask } = chunk;
  const n = text.length;
  const out: SpacingEdit[] = [];
  const tight = options.dates === 'tight';
  const code = (k: number) => mask[k] === CODE;
  const cjk = (k: number) => mask[k] === FREE && isCJK(text.charCodeAt(k));
  // A date number: a digit run (with decimals) followed directly by a date unit, in 'tight' mode.
  const dateDigitsFrom = (k: number) => {
    let e = k;
    while (e < n && mask[e] === FREE && (isDigit(text.charCodeAt(e)) || (text[e] === '.' && isDigit(text.charCodeAt(e + 1))))) e++;
    return e < n && mask[e] === FREE && DATE_UNITS.includes(text[e]);
  };
  const wordStart = (k: number) => {
    if (code(k)) return true;
    if (mask[k] !== FREE) return false;
    const c = text.charCodeAt(k);
    if (isLatin(c)) return !(tight && isDigit(c) && dateDigitsFrom(k));
    // A signed number after CJK: 值范围-255
    return (c === 0x2d || c === 0x2b) && k + 1 < n && mask[k + 1] === FREE && isDigit(text.charCodeAt(k + 1)) && !(tight && dateDigitsFrom(k + 1));
  };
  const wordEnd = (k: number, next: number) => {
    if (code(k)) return true;
    if (mask[k] !== FREE) return false;
    const c = text.charCodeAt(k);
    if (isLatin(c)) return !(tight && isDigit(c) && DATE_UNITS.includes(text[next]));
    // 0.1%或, C++的, 2+差别, Yahoo!的
    let j = k;
    while (j > 0 && mask[j - 1] === FREE && (text[j] === '+' || text[j] === '!' || text[j] === '%') && text[j - 1] === text[j]) j--;
    if (j === 0 || mask[j - 1] !== FREE) return false;
    const p = text.charCodeAt(j - 1);
    if (text[j] === '%') return isDigit(p);
    if (text[j] === '+') return k > j ? isLatin(p) : isDigit(p); // C++的, 2+差别; not icon+字段
    if (text[j] === '!') return isLatin(p) && !isDigit(p);
    return false;
  };
  for (let i = 1; i < n; i++) {
    const a = i - 1;
    if (mask[a] === NEUTRAL || mask[i] === NEUTRAL || (code(a) && code(i))) continue;
    if ((cjk(a) && wordStart(i)) || (cjk(i) && wordEnd(a, i))) out.push({ kind: 'missing', from: i, to: i });
  }
  // Spaces beside full-width punctuation: `iPhone ，好` / `， 好`.
  const prose = (k: number) => code(k) || (mask[k] === FREE && (isCJK(text.charCodeAt(k)) || isLatin(text.charCodeAt(k))));
  const punct = (k: number) => mask[k] === FREE && SPACE_AROUND.includes(text[k]);
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 0x20 || mask[i] !== FREE) continue;
    const s = i;
    while (i < n && text.charCodeAt(i) === 0x20 && mask[i] === FREE) i++;
    if (s === 0 || i >= n) continue;
    if ((punct(s - 1) && (prose(i) || punct(i))) || (punct(i) && prose(s - 1))) out.push({ kind: 'extra', from: s, to: i });
  }
  // A space between a number and %/° in Chinese text: `15 % 的` → `15% 的` (the guideline's 数字与单位).
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 0x20 || mask[i] !== FREE || i === 0 || mask[i - 1] !== FREE || !isDigit(text.charCodeAt(i - 1))) continue;
    const s = i;
    while (i < n && text.charCodeAt(i) === 0x20 && mask[i] === FREE) i++;
    if (i >= n || mask[i] !== FREE || !NUMBER_UNITS.includes(text[i])) continue;
    let d = s - 1;
    while (d > 0 && mask[d - 1] === FREE && (isDigit(text.charCodeAt(d - 1)) || text[d - 1] === '.')) d--;
    const before = d > 0 && text[d - 1] === ' ' ? d - 2 : d - 1;
    let after = i + 1;
    while (after < n && text.charCodeAt(after) === 0x20) after++;
    if ((before >= 0 && cjk(before)) || (after < n && cjk(after))) out.push({ kind: 'unit', from: s, to: i });
    i--;
  }
  return out.sort((x, y) => x.from - y.from);
}

export default defineRule<Options>({
  meta: {
    id: 'cjk-spacing',
    description: 'One space between CJK and Latin letters/digits; no space beside full-width punctuation',
    fixable: true,
    severity: 'off',
    docs: docsUrl('cjk-spacing'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { dates: { enum: ['tight', 'spaced'], default: 'tight' } },
    },
    messages: {
      missing: 'No space between {{left}} and {{right}}: insert one',
      extra: 'Space beside full-width {{punct}}: remove it',
      unit: 'Space between a number and {{unit}}: remove it',
    },
  },
  check({ article, options, report }) {
    for (const chunk of runningText(article)) {
      const { text, start } = chunk;
      for (const e of spacingEdits(chunk, options)) {
        if (e.kind === 'missing') {
          report({
            messageId: 'missing',
            data: { left: quote(text.slice(Math.max(0, e.from - 6), e.from)), right: quote(text.slice(e.from, e.from + 6)) },
            range: [start + e.from - 1, start + e.from + 1],
            fix: (fixer) => fixer.insertTextBefore(start + e.from, ' '),
          });
        } else if (e.kind === 'unit') {
          report({
            messageId: 'unit',
            data: { unit: quote(text[e.to]) },
            range: [start + e.from, start + e.to],
            fix: (fixer) => fixer.removeRange([start + e.from, start + e.to]),
          });
        } else {
          const p = SPACE_AROUND.includes(text[e.from - 1]) ? text[e.from - 1] : text[e.to];
          report({
            messageId: 'extra',
            data: { punct: quote(p) },
            range: [start + e.from, start + e.to],
            fix: (fixer) => fixer.removeRange([start + e.from, start + e.to]),
          });
        }
      }
    }
  },
});
