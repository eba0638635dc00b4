// The progress bar of a long check: files done of all, files per second and time left, on stderr, drawn by
// cli-progress. Only where someone watches it (stderr is a terminal, not under CI, not with --quiet, not on a
// dumb terminal), only once the run has taken a second (a quick run never flashes one), and taken down before
// anything else is written to the terminal and at the end, so the report reads as if it had never been there.
// It shows counts and times only, never a file name: names are content (escaping would not make a bar of them
// readable anyway).

import { clearLine, cursorTo } from 'node:readline';
import cliProgress from 'cli-progress';

/** Whether a run shows a progress bar: stderr is a terminal, CI is not set, not --quiet, TERM is not dumb. */
export function progressWanted({ stderrIsTTY, env, quiet }: { stderrIsTTY: boolean; env: NodeJS.ProcessEnv; quiet: boolean }): boolean {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return stderrIsTTY && !ci && !quiet && env.TERM !== 'dumb';
}

export interface Progress {
  /** The run has `total` files to check: the bar shows up after the delay, if the run is still going. */
  start(total: number): void;
  /** One more file done. */
  tick(): void;
  /**
   * Writes text with `write`. When the text goes to the terminal the bar is on (`toTerminal`), the bar is taken
   * down first and drawn again on its next frame, below the text; after text that leaves a line open it waits
   * for the line to end.
   */
  print(text: string, write: (text: string) => void, toTerminal: boolean): void;
  /** Takes the bar down for good (call it however the run ends: its timer keeps the process alive). */
  stop(): void;
}

/** A run without a bar. */
export const noProgress: Progress = {
  start() {},
  tick() {},
  print: (text, write) => text && write(text),
  stop() {},
};

export const PROGRESS_DELAY_MS = 1000;

/** A bar on `terminal` (a TTY stream). */
export function progressBar(terminal: NodeJS.WriteStream, { delayMs = PROGRESS_DELAY_MS } = {}): Progress {
  let total = 0;
  let done = 0;
  let startedAt = 0;
  let delay: NodeJS.Timeout | undefined;
  let bars: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  let drawn = false; // the bar is on the screen now
  let lineOpen = false; // the last text written to the terminal did not end its line: no bar until it does
  // cli-progress draws through this gate: while a line of text is open, drawing the bar would overwrite it.
  const gate = {
    isTTY: true,
    get columns() {
      return terminal.columns;
    },
    write: (s: string) => lineOpen || terminal.write(s),
  };
  const show = () => {
    bars = new cliProgress.MultiBar(
      {
        stream: gate as unknown as NodeJS.WritableStream,
        format: (options, params) => line(options, params.progress, done, total, startedAt),
        fps: 10,
        forceRedraw: true, // the bar comes back on the next frame after text was written over it
        clearOnComplete: true,
        linewrap: true, // cut to the terminal's width; false would switch wrapping off and leave it off if killed
        hideCursor: false, // a killed run must not leave the cursor hidden
        gracefulExit: false, // Ctrl-C ends the run as usual
      },
      cliProgress.Presets.shades_classic,
    );
    bars.on('redraw-post', () => (drawn = !lineOpen));
    bar = bars.create(total, done);
    bars.update();
  };
  const takeDown = () => {
    if (!drawn) return;
    cursorTo(terminal, 0);
    clearLine(terminal, 0);
    drawn = false;
  };
  return {
    start(count) {
      total = count;
      startedAt = Date.now();
      if (total > 0) delay = setTimeout(show, delayMs);
    },
    tick() {
      done++;
      bar?.update(done);
    },
    print(text, write, toTerminal) {
      if (!text) return;
      if (toTerminal) {
        takeDown();
        lineOpen = !text.endsWith('\n');
      }
      write(text);
    },
    stop() {
      clearTimeout(delay);
      if (!bars) return;
      takeDown();
      bars.stop();
      bars = bar = undefined;
    },
  };
}

/** ` ████░░░░ 1234/20000 files  612 files/s  31s left` */
function line(options: cliProgress.Options, progress: number, done: number, total: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? cliProgress.Format.TimeFormat(Math.ceil((total - done) / rate), options, 1) : '?';
  return ` ${cliProgress.Format.BarFormat(progress, options)} ${done}/${total} files  ${Math.round(rate)} files/s  ${left} left`;
}
