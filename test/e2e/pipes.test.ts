// End-to-end: a reader that stops reading (`newslint check … | head`) closes the pipe. newslint then stops
// quietly, as grep does: no EPIPE stack trace, the exit code of what it saw, and a --fix run still finishes
// writing every file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './helpers.js';

const POSTS = 300;

function dirtySite(): string {
  const dir = tempDir();
  for (let i = 0; i < POSTS; i++) {
    writeFileSync(path.join(dir, `post-${String(i).padStart(3, '0')}.md`), `---\ntitle: t${i}\ndate: 2020-01-01 00:00:00\n---\n<p>text ${i}</p><p></p>\n`);
  }
  return dir;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs `newslint args | head -c 64` in bash; newslint's own exit code and stderr. */
function piped(args: string, cwd: string) {
  const script = `node ${sh(BIN)} ${args} 2>err.txt | head -c 64 > /dev/null; echo "\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: Number(r.stdout.trim()), stderr: readFileSync(path.join(cwd, 'err.txt'), 'utf8') };
}

describe('a closed output pipe', () => {
  for (const format of ['stylish', 'json']) {
    it(`check --format ${format} | head: exits 1 (problems seen), nothing on stderr`, () => {
      const { status, stderr } = piped(`check --format ${format} --concurrency off .`, dirtySite());
      expect(stderr).toBe('');
      expect(status).toBe(1);
    }, 120_000);
  }

  it('with workers, too', () => {
    const { status, stderr } = piped('check --format json --concurrency 2 .', dirtySite());
    expect(stderr).toBe('');
    expect(status).toBe(1);
  }, 120_000);

  it('check --fix | head: every file is still fixed', () => {
    const dir = dirtySite();
    const { status, stderr } = piped('check --fix --format json .', dir);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const posts = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(posts).toHaveLength(POSTS);
    for (const post of posts) expect(readFileSync(path.join(dir, post), 'utf8')).not.toContain('<p></p>');
  }, 120_000);

  it('merge-reports | head: exits as the merged report would, quietly', () => {
    const dir = dirtySite();
    const report = spawnSync('node', [BIN, 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    writeFileSync(path.join(dir, 'report.json'), report.stdout);
    const { status, stderr } = piped('merge-reports report.json', dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
  }, 120_000);
});
