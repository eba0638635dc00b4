// Crash consistency: --fix killed with SIGKILL at random moments never leaves a file half-written. Every file
// is byte-identical to its original or to its fully fixed version, and the temporary files a kill can leave
// are removed by the next --fix run (only those whose writer process is dead). Half the kills hit a run on
// two worker threads (--concurrency 2), where several files are being written at once.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliKilledAfter, realPosts, rng, runSeed, smallDirtyPost, tempDir } from './helpers.js';

const POSTS = 2000;
const KILLS = Number(process.env.NEWSLINT_KILL_RUNS ?? 10);
const TEMP = /^\.newslint-tmp-/;

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort();
}

describe('crash consistency under SIGKILL', () => {
  let base: string;
  let original: string;
  let fixedDir: string;
  let names: string[];
  let fullRunMs = 0;
  const seed = runSeed('crash');
  const random = rng(seed);

  beforeAll(() => {
    base = tempDir();
    original = path.join(base, 'original');
    const posts = realPosts();
    for (let i = 0; i < POSTS; i++) {
      const dir = path.join(original, `feed-${i % 20}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `post ${i} (draft) [${i % 7}].md`), smallDirtyPost(posts, random, 900));
    }
    names = listFiles(original).filter((f) => f.endsWith('.md'));
    fixedDir = path.join(base, 'fixed');
    cpSync(original, fixedDir, { recursive: true });
    const run = cli(['check', '--fix', '--format', 'json', '.'], fixedDir);
    fullRunMs = run.ms;
    expect(run.status, run.stderr).not.toBe(2);
    console.log(`[crash] full --fix of ${POSTS} posts took ${run.ms} ms`);
  }, 600_000);

  it('generated posts are dirty: the full fix changed most of them', () => {
    const changed = names.filter((n) => !readFileSync(path.join(original, n)).equals(readFileSync(path.join(fixedDir, n))));
    expect(changed.length).toBeGreaterThan(POSTS * 0.8);
  });

  it(`leaves every file original or fully fixed after ${KILLS} random SIGKILLs, and the next run converges`, async () => {
    // Each kill hits a fresh copy at a moment drawn over the whole length of a full run; the first runs (and
    // any that left a temporary file) are then finished by a full run that must converge exactly.
    let actuallyKilled = 0;
    let tempsSeen = 0;
    for (let k = 0; k < KILLS; k++) {
      const dir = path.join(base, `run-${k}`);
      cpSync(original, dir, { recursive: true });
      const at = Math.floor(random() * fullRunMs);
      const concurrency = k % 2 ? '2' : 'off';
      const fix = ['check', '--fix', '--format', 'json', '--concurrency', concurrency, '.'];
      const { killed } = await cliKilledAfter(fix, dir, at);
      if (killed) actuallyKilled++;
      const after = listFiles(dir);
      const temps = after.filter((f) => TEMP.test(path.basename(f)));
      tempsSeen += temps.length;
      let fixedCount = 0;
      for (const n of names) {
        const now = readFileSync(path.join(dir, n));
        const isOriginal = now.equals(readFileSync(path.join(original, n)));
        const isFixed = now.equals(readFileSync(path.join(fixedDir, n)));
        if (!isOriginal && !isFixed) throw new Error(`seed ${seed}, kill at ${at} ms (--concurrency ${concurrency}): ${n} is neither original nor fixed`);
        if (isFixed && !isOriginal) fixedCount++;
      }
      // nothing but the posts, their 20 folders and, at most, temporary files
      expect(after.length).toBe(names.length + 20 + temps.length);
      console.log(`[crash] kill ${k} (--concurrency ${concurrency}) at ${at} ms: killed=${killed}, ${fixedCount} files fixed, ${temps.length} temp files`);
      if (k < 2 || temps.length) {
        const again = cli(fix, dir);
        expect(again.status, again.stderr).not.toBe(2);
        expect(listFiles(dir).filter((f) => TEMP.test(path.basename(f)))).toEqual([]);
        for (const n of names) {
          if (!readFileSync(path.join(dir, n)).equals(readFileSync(path.join(fixedDir, n)))) {
            throw new Error(`seed ${seed}: after a kill at ${at} ms and a rerun (--concurrency ${concurrency}), ${n} differs from the fully fixed version`);
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`[crash] ${KILLS} kill points tried, ${actuallyKilled} runs killed mid-way, ${tempsSeen} temp files left by kills (all removed by the next run)`);
    expect(actuallyKilled).toBeGreaterThan(KILLS / 3);
  }, 1_200_000);
});

describe('stale temporary files', () => {
  it.each(['off', '2'])('the next --fix (--concurrency %s) removes temp files of dead processes in folders it walks, keeps those of live ones; check alone removes nothing', async (concurrency) => {
    const dir = tempDir();
    const newslint = (...args: string[]) => cli([...args, '--concurrency', concurrency], dir);
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'a/b/post.md'), '---\ntitle: x\n---\n\n<p></p>\n');
    // a pid that certainly existed and is now gone
    const dead = await new Promise<number>((resolve) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('exit', () => resolve(c.pid!));
    });
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const staleName = `.newslint-tmp-${dead}-0123456789ab`;
      const liveName = `.newslint-tmp-${live.pid}-abcdef012345`;
      const lookalike = '.newslint-tmp-notapid-00';
      for (const n of [staleName, liveName, lookalike]) writeFileSync(path.join(dir, 'a/b', n), 'partial');
      writeFileSync(path.join(dir, staleName), 'partial');

      const check = newslint('check', '.');
      expect(check.status).not.toBe(2);
      expect(existsSync(path.join(dir, 'a/b', staleName))).toBe(true);

      const fix = newslint('check', '--fix', '.');
      expect(fix.status, fix.stderr).not.toBe(2);
      expect(existsSync(path.join(dir, 'a/b', staleName))).toBe(false);
      expect(existsSync(path.join(dir, staleName))).toBe(false);
      expect(existsSync(path.join(dir, 'a/b', liveName))).toBe(true);
      expect(existsSync(path.join(dir, 'a/b', lookalike))).toBe(true);
      expect(readFileSync(path.join(dir, 'a/b/post.md'), 'utf8')).not.toContain('<p></p>');

      // a file named on the command line: its folder is cleaned too
      writeFileSync(path.join(dir, 'a', staleName), 'partial');
      writeFileSync(path.join(dir, 'a/one.md'), '---\ntitle: y\n---\n\n<p></p>\n');
      newslint('check', '--fix', 'a/one.md');
      expect(existsSync(path.join(dir, 'a', staleName))).toBe(false);
    } finally {
      live.kill('SIGKILL');
    }
  });
});
