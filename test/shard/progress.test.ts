// The progress bar: when a run shows one, and what the terminal shows around it (the real cli-progress, drawing
// on a stream that records what reaches the terminal; test/e2e/progress.test.ts runs the CLI on a real pty).
import { describe, expect, it, vi } from 'vitest';
import { progressBar, progressWanted } from '../../src/progress.js';
import { screen } from '../helpers/terminal.js';

describe('progressWanted', () => {
  const tty = { stderrIsTTY: true, env: { TERM: 'xterm-256color' }, quiet: false };

  it('shows a bar only where someone watches: stderr a terminal, not CI, not --quiet, not a dumb terminal', () => {
    expect(progressWanted(tty)).toBe(true);
    expect(progressWanted({ ...tty, env: {} })).toBe(true);
    expect(progressWanted({ ...tty, stderrIsTTY: false })).toBe(false);
    expect(progressWanted({ ...tty, quiet: true })).toBe(false);
    expect(progressWanted({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    for (const ci of ['true', '1', 'TRUE', 'yes', 'github']) expect(progressWanted({ ...tty, env: { CI: ci } }), ci).toBe(false);
    for (const ci of ['', 'false', '0', 'False']) expect(progressWanted({ ...tty, env: { CI: ci } }), ci).toBe(true);
  });
});

/** A terminal that records everything written to it: by the bar (stderr) and by the report (stdout). */
function terminal() {
  const t = {
    transcript: '',
    stderr: { isTTY: true, columns: 100, write: (s: string) => ((t.transcript += s), true) } as unknown as NodeJS.WriteStream,
    stdout: (s: string) => void (t.transcript += s),
  };
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BAR = /\d+\/\d+ files {2}\d+ files\/s {2}\S+ left/;

describe('progressBar', () => {
  it('shows nothing for a run shorter than the delay', async () => {
    const t = terminal();
    const bar = progressBar(t.stderr, { delayMs: 200 });
    bar.start(5);
    for (let i = 0; i < 5; i++) (bar.tick(), bar.print(`line ${i}\n`, t.stdout, true));
    bar.stop();
    await sleep(400);
    expect(t.transcript).toBe('line 0\nline 1\nline 2\nline 3\nline 4\n');
  });

  it('after the delay, shows files done of all, rate and time left; text written meanwhile lands above it; stop erases it', async () => {
    const t = terminal();
    const bar = progressBar(t.stderr, { delayMs: 20 });
    bar.start(10);
    for (let i = 0; i < 3; i++) bar.tick();
    bar.print('a.md\n  1:1  error  something\n', t.stdout, true);
    await vi.waitFor(() => expect(screen(t.transcript).at(-1)).toMatch(/^ [█░]{40} 3\/10 files {2}\d+ files\/s {2}\S+ left$/), { timeout: 10_000 });
    bar.print('b.md\n  2:1  warning  other\n', t.stdout, true);
    // the bar was taken down before the text: the text is whole, the bar comes back under it
    expect(screen(t.transcript)).toEqual(['a.md', '  1:1  error  something', 'b.md', '  2:1  warning  other', '']);
    await vi.waitFor(() => expect(screen(t.transcript).at(-1)).toMatch(BAR), { timeout: 10_000 });
    for (let i = 3; i < 10; i++) bar.tick();
    await vi.waitFor(() => expect(screen(t.transcript).at(-1)).toMatch(/ 10\/10 files/), { timeout: 10_000 });
    bar.stop();
    expect(screen(t.transcript)).toEqual(['a.md', '  1:1  error  something', 'b.md', '  2:1  warning  other', '']);
    const after = t.transcript;
    await sleep(300);
    expect(t.transcript).toBe(after); // stopped for good
  });

  it('never draws over a line the report left open (JSON on the terminal), and comes back once it ends', async () => {
    const t = terminal();
    const bar = progressBar(t.stderr, { delayMs: 20 });
    bar.start(2);
    await vi.waitFor(() => expect(t.transcript).toMatch(BAR), { timeout: 10_000 });
    bar.tick();
    bar.print('[{"filePath":"/a.md"}', t.stdout, true);
    const open = t.transcript;
    await sleep(350); // three frames
    expect(t.transcript).toBe(open);
    bar.tick();
    bar.print(',{"filePath":"/b.md"}]\n', t.stdout, true);
    await vi.waitFor(() => expect(screen(t.transcript).at(-1)).toMatch(/ 2\/2 files/), { timeout: 10_000 });
    bar.stop();
    expect(screen(t.transcript)).toEqual(['[{"filePath":"/a.md"},{"filePath":"/b.md"}]', '']);
  });

  it('leaves text for another stream alone (a report redirected to a file): only the bar\'s own line changes', async () => {
    const t = terminal();
    let file = '';
    const bar = progressBar(t.stderr, { delayMs: 20 });
    bar.start(3);
    await vi.waitFor(() => expect(t.transcript).toMatch(BAR), { timeout: 10_000 });
    bar.print('[{"filePath":"/a.md"}', (s) => (file += s), false);
    bar.tick();
    await vi.waitFor(() => expect(screen(t.transcript).at(-1)).toMatch(/ 1\/3 files/), { timeout: 10_000 });
    bar.stop();
    expect(file).toBe('[{"filePath":"/a.md"}');
    expect(screen(t.transcript)).toEqual(['']);
  });

  it('shows no bar for a run with no files, and stop() before the delay cancels it', async () => {
    const t = terminal();
    const none = progressBar(t.stderr, { delayMs: 10 });
    none.start(0);
    const early = progressBar(t.stderr, { delayMs: 10 });
    early.start(5);
    early.stop();
    await sleep(200);
    none.stop();
    expect(t.transcript).toBe('');
  });
});
