// What a terminal shows after a transcript: enough of a VT100 to replay a progress bar (Node's readline cursor
// and erase sequences, carriage returns) over the text written around it; colours are dropped. Any other escape
// sequence fails the test, so that a bar drawn some other way (saving the cursor, hiding it, turning line wrap
// off) cannot slip through unseen.

export function screen(transcript: string): string[] {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  const line = () => lines[row];
  for (let i = 0; i < transcript.length; i++) {
    const c = transcript[i];
    if (c === '\x1b') {
      const m = /^\x1b\[(\d*(?:;\d+)*)([GKJm])/.exec(transcript.slice(i, i + 16));
      const n = m && !m[1].includes(';') ? Number(m[1] || 0) : 0;
      if (!m || (m[2] === 'J' && n !== 0)) throw new Error(`unexpected escape sequence ${JSON.stringify(transcript.slice(i, i + 8))}`);
      i += m[0].length - 1;
      if (m[2] === 'm') continue; // colour
      if (m[2] === 'G') col = Math.max(0, (n || 1) - 1);
      else if (m[2] === 'K') {
        if (n === 0) line().length = Math.min(line().length, col); // erase to the right
        else if (n === 1) for (let k = 0; k <= col && k < line().length; k++) line()[k] = ' '; // to the left
        else lines[row] = [];
      } else {
        line().length = Math.min(line().length, col); // J: the rest of the screen
        lines.length = row + 1;
      }
    } else if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      col = 0; // a pty turns \n into \r\n; written to a file, the text's own lines start at column 0 too
      lines[row] ??= [];
    } else {
      while (line().length < col) line().push(' ');
      line()[col++] = c;
    }
  }
  return lines.map((l) => l.join('').trimEnd());
}
