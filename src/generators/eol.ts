// Generators that read a file with its CRLF line ends turned into LF (Hexo's hexo-fs does) find front
// matter in the LF text. This maps offsets in that text back to the original, so the ranges newslint
// reports and edits stay exact in CRLF files.

export interface LfView {
  /** The text with every CRLF turned into LF (lone CRs stay). */
  text: string;
  /** Offset in `text` → offset in the original. */
  toOriginal(offset: number): number;
}

export function lfView(original: string): LfView {
  if (!original.includes('\r\n')) return { text: original, toOriginal: (o) => o };
  // crlfAt[k]: offset in the LF text of the k-th "\n" that was a "\r\n"; ascending.
  const crlfAt: number[] = [];
  let removed = 0;
  for (let i = original.indexOf('\r\n'); i !== -1; i = original.indexOf('\r\n', i + 2)) {
    crlfAt.push(i - removed);
    removed++;
  }
  return {
    text: original.replace(/\r\n/g, '\n'),
    toOriginal(offset) {
      // every CRLF whose "\n" lies before `offset` lost one character; one at `offset` itself lost its "\r" before it
      let lo = 0;
      let hi = crlfAt.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (crlfAt[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return offset + lo;
    },
  };
}
