// End-to-end: the progress bar of the real CLI on a real pseudo-terminal (util-linux's `script` gives the run
// a pty and records what reaches it). A plugin rule that takes 150 ms a file makes the run last past the
// bar's one-second delay on any machine.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, newslint, tempDir } from './helpers.js';
import { screen } from '../helpers/terminal.js';

const FILES = 12;
const BAR = /files\/s/;

function slowSite(): string {
  const dir = tempDir();
  writeFileSync(
    path.join(dir, 'slow.mjs'),
    `const pause = new Int32Array(new SharedArrayBuffer(4));
     export default { meta: { id: 'slow', description: 'takes its time', fixable: false, severity: 'warn', docs: 'x' },
       check() { Atomics.wait(pause, 0, 0, 150); } };`,
  );
  writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ plugins: ['./slow.mjs'] }));
  for (let i = 0; i < FILES; i++) {
    writeFileSync(path.join(dir, `post-${String(i).padStart(2, '0')}.md`), `---\ntitle: t\ndate: 2020-01-01 00:00:00\n---\n<p>text</p><p></p>\n`);
  }
  return dir;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a shell command on a new pty; returns what reached the terminal and the exit code. */
function onPty(command: string, cwd: string, env: Record<string, string | undefined> = {}) {
  const base = { ...process.env, TERM: 'xterm' } as Record<string, string | undefined>;
  // Unset, not empty: Node warns on stderr when both colour variables are set, even to ''.
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR']) delete base[name];
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...base, ...env } as NodeJS.ProcessEnv });
  if (r.error) throw new Error(`util-linux's script(1) is needed to run a pty: ${r.error.message}`);
  return { transcript: r.stdout, status: r.status };
}

describe('progress bar', () => {
  const dir = slowSite();
  const check = `node ${sh(BIN)} check --no-color .`;
  const plain = newslint(['check', '--no-color', '.'], dir, { CI: '' });

  it('is shown on an interactive terminal once the run takes a second, and erased: the screen holds the report alone', () => {
    expect(plain.status).toBe(1);
    const { transcript, status } = onPty(check, dir);
    expect(status).toBe(1);
    expect(transcript).toMatch(new RegExp(`\\d+/${FILES} files {2}\\d+ files/s {2}\\S+ left`));
    expect(screen(transcript)).toEqual(screen(plain.stdout));
  });

  it('never writes to stdout: a report redirected to a file is the same as without a terminal', () => {
    const out = path.join(dir, 'report.txt');
    const { transcript, status } = onPty(`${check} > ${sh(out)}`, dir);
    expect(status).toBe(1);
    expect(transcript).toMatch(BAR);
    expect(screen(transcript).join('')).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
  });

  it('is not shown under CI=true, with --quiet, or when stderr is not a terminal', () => {
    for (const [command, env] of [
      [check, { CI: 'true' }],
      [`node ${sh(BIN)} check --no-color --quiet .`, {}],
      [`${check} 2> ${sh(path.join(dir, 'stderr.txt'))}`, {}],
    ] as [string, Record<string, string>][]) {
      const { transcript } = onPty(command, dir, env);
      expect(transcript, command).not.toMatch(BAR);
      expect(transcript, command).not.toContain('\x1b');
    }
    expect(readFileSync(path.join(dir, 'stderr.txt'), 'utf8')).toBe('');
    expect(plain.stderr).toBe('');
  });
});
