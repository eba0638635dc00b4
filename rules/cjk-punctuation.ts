import { defineRule, docsUrl, quote } from '../src/rule-api.js';
import { FREE, FULL_CLOSERS, FULL_OPENERS, NEUTRAL, applyEdits, isHanKana, plainChunk, runningText, type Chunk, type Edit } from '../src/util/cjk.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '.': '。' };

export interface PunctuationProblem {
  kind: 'quotes' | 'punctuation' | 'unpaired';
  /** Reported range, relative to the chunk. */
  from: number;
  to: number;
  edits: Edit[];
  /** What the message quotes: the quoted text, or the character. */
  subject: string;
}

/** Chinese on the left of a mark: Han/kana, or a full-width closing mark after one. */
function chineseBefore(chunk: Chunk, k: number): boolean {
  if (k < 0 || chunk.mask[k] !== FREE) return false;
  const c = chunk.text.charCodeAt(k);
  if (isHanKana(c)) return true;
  // After a closing mark only when Chinese stands inside it: “好”, but not English “instructions”.
  return FULL_CLOSERS.includes(chunk.text[k]) && k > 0 && chunk.mask[k - 1] === FREE && isHanKana(chunk.text.charCodeAt(k - 1));
}

function chineseAfter(chunk: Chunk, k: number): boolean {
  if (k >= chunk.text.length || chunk.mask[k] !== FREE) return false;
  if (isHanKana(chunk.text.charCodeAt(k)) || '，。、；：！？'.includes(chunk.text[k])) return true;
  return FULL_OPENERS.includes(chunk.text[k]) && chunk.mask[k + 1] === FREE && isHanKana(chunk.text.charCodeAt(k + 1));
}

// Padding that may go: the spaces before / after `k`, none when protected text (a URL, an e-mail address…) stands
// beyond them. That space is the protected text's boundary: `https://a.com/x "` → `https://a.com/x”` would make
// Hexo link `https://a.com/x”`, and a URL no longer after a space is no link to Hugo.
function spacesBefore(text: string, mask: Uint8Array, k: number): number {
  let j = k;
  while (j > 0 && text[j - 1] === ' ' && mask[j - 1] === FREE) j--;
  return j > 0 && mask[j - 1] === NEUTRAL ? k : j;
}

function spacesAfter(text: string, mask: Uint8Array, k: number): number {
  let j = k;
  while (j < text.length && text[j] === ' ' && mask[j] === FREE) j++;
  return j < text.length && mask[j] === NEUTRAL ? k : j;
}

/** What one chunk of running text needs (offsets relative to the chunk). Pure: also used for titles. */
export function punctuationProblems(chunk: Chunk): PunctuationProblem[] {
  const { text, mask } = chunk;
  const n = text.length;
  const out: PunctuationProblem[] = [];

  // 1. ASCII double quotes around Chinese: paired in order within the chunk; an odd count pairs nothing.
  const quotes: number[] = [];
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) if (mask[i] === FREE) quotes.push(i);
  const converted = new Set<number>();
  if (quotes.length % 2 === 1) {
    // Which quote lacks its partner is a guess (a quotation running over several paragraphs opens each one):
    // report the ones beside Chinese, fix none.
    for (const q of quotes) {
      const l = spacesBefore(text, mask, q) - 1;
      const r = spacesAfter(text, mask, q + 1);
      const near = (k: number) => k >= 0 && k < n && mask[k] === FREE && (isHanKana(text.charCodeAt(k)) || '，。、；：！？'.includes(text[k]));
      if (near(l) || near(r)) {
        out.push({ kind: 'unpaired', from: q, to: q + 1, subject: '"', edits: [] });
      }
    }
  } else {
    for (let q = 0; q < quotes.length; q += 2) {
      const o = quotes[q];
      const c = quotes[q + 1];
      let han = false;
      for (let k = o + 1; k < c && !han; k++) han = mask[k] === FREE && isHanKana(text.charCodeAt(k));
      if (!han) continue;
      const innerStart = spacesAfter(text, mask, o + 1);
      const innerEnd = spacesBefore(text, mask, c);
      const outerStart = spacesBefore(text, mask, o);
      const outerEnd = spacesAfter(text, mask, c + 1);
      const openFrom = outerStart < o && chineseBefore(chunk, outerStart - 1) ? outerStart : o;
      const closeTo = outerEnd > c + 1 && chineseAfter(chunk, outerEnd) ? outerEnd : c + 1;
      converted.add(o).add(c);
      out.push({
        kind: 'quotes',
        from: o,
        to: c + 1,
        subject: text.slice(innerStart, innerEnd),
        edits: [
          { from: openFrom, to: innerStart, text: '“' },
          { from: innerEnd, to: closeTo, text: '”' },
        ],
      });
    }
  }

  // 2. Half-width , : ; ! ? . between Chinese characters.
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    const full = FULL[ch];
    if (!full || mask[i] !== FREE || !chineseBefore(chunk, i - 1)) continue;
    if (ch === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue;
    const j = spacesAfter(text, mask, i + 1);
    let to = -1;
    if (chineseAfter(chunk, j) || (j > i + 1 && text[j] === '"' && converted.has(j))) {
      to = j; // the full-width mark carries its own space: padding goes
      if (ch === ';' && j === i + 1) continue; // 中文;中文 stays: too often code or a list separator
    } else if ('!?.'.includes(ch) && (j >= n || text[j] === '\n' || text[j] === '\r' || FULL_CLOSERS.includes(text[j]))) {
      to = i + 1; // ends a sentence: the line, the text or a closing mark follows
    } else if (j === i + 1 && text[j] === '"' && converted.has(j)) {
      to = i + 1;
    }
    if (to === -1) continue;
    out.push({ kind: 'punctuation', from: i, to: i + 1, subject: ch, edits: [{ from: i, to, text: full }] });
  }
  return out.sort((a, b) => a.from - b.from);
}

export default defineRule({
  meta: {
    id: 'cjk-punctuation',
    description: 'Chinese text uses full-width punctuation: “…” instead of padded ASCII quotes, ，：；！？。 instead of , : ; ! ? .',
    fixable: true,
    severity: 'warn',
    docs: docsUrl('cjk-punctuation'),
    messages: {
      quotes: 'ASCII quotes around Chinese text {{text}}: use “…” without padding spaces',
      punctuation: 'Half-width {{char}} in Chinese text: use full-width {{full}}',
      unpaired: 'Unpaired ASCII quote beside Chinese text: replace it with “ or ” by hand',
      title: 'Title {{text}} uses half-width punctuation in Chinese text: use full-width marks',
    },
  },
  check({ article, report }) {
    const title = article.frontMatter?.strings.find((s) => s.path.length === 1 && s.path[0] === 'title');
    if (title) {
      const chunk = plainChunk(title.value);
      const problems = punctuationProblems(chunk).filter((p) => p.edits.length);
      if (problems.length) {
        const value = applyEdits(title.value, problems.flatMap((p) => p.edits));
        report({
          messageId: 'title',
          data: { text: quote(title.value) },
          range: title.range,
          fix: (fixer) => fixer.replaceYamlString(title, value),
        });
      }
    }
    for (const chunk of runningText(article)) {
      const { start, text } = chunk;
      for (const p of punctuationProblems(chunk)) {
        report({
          messageId: p.kind,
          data: p.kind === 'quotes' ? { text: quote(p.subject) } : p.kind === 'punctuation' ? { char: quote(p.subject), full: quote(FULL[p.subject]) } : {},
          range: [start + p.from, start + p.to],
          fix: p.edits.length ? (fixer) => p.edits.map((e) => fixer.replaceTextRange([start + e.from, start + e.to], e.text)) : null,
        });
      }
    }
  },
});
