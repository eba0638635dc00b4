// Shared by the safety suite: the built CLI, the bundled rules in-process, seeded randomness, and small dirty
// posts cut from the real scraped posts in fixtures/real.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { resolveRules } from '../../src/config.js';
import { loadBuiltinRules } from '../../src/rules.js';
import type { ConfiguredRule } from '../../src/engine/linter.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/newslint.js');
export const REAL_POSTS = path.join(ROOT, 'fixtures/real/_posts');
export const IS_ROOT = process.getuid?.() === 0;

/** The seed of this run: NEWSLINT_SEED when set (to replay a failure), otherwise fresh; always printed. */
export function runSeed(label: string): number {
  const env = process.env.NEWSLINT_SEED;
  const seed = env ? Number(env) : (Date.now() ^ (process.pid << 8)) >>> 0;
  console.log(`[${label}] seed ${seed} (replay with NEWSLINT_SEED=${seed})`);
  return seed;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI to completion. */
export function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}, timeoutMs = 240_000): Run {
  const t = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    maxBuffer: 512 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

/** Runs the built CLI and SIGKILLs it after `afterMs`; resolves when it has exited. */
export function cliKilledAfter(args: string[], cwd: string, afterMs: number): Promise<{ killed: boolean; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, afterMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ killed: killed && status === null, status });
    });
  });
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) {
    spawnSync('chattr', ['-R', '-i', t], { stdio: 'ignore' });
    rmSync(t, { recursive: true, force: true });
  }
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'newslint-safety-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Every real post: [relative path, text]. */
export function realPosts(): [string, string][] {
  return readdirSync(REAL_POSTS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, readFileSync(path.join(REAL_POSTS, f), 'utf8')]);
}

/** The bundled rules under the default config (newslint:recommended), as the CLI runs them. */
export async function bundledRules(): Promise<ConfiguredRule[]> {
  const { enabled } = await resolveRules({ config: { filePath: null, data: {} }, rules: await loadBuiltinRules() });
  return enabled;
}

/** Every bundled rule turned on at error level, opinionated ones too. */
export async function allRulesOn(): Promise<ConfiguredRule[]> {
  const all = await loadBuiltinRules();
  const overrides = Object.fromEntries(all.map((r) => [r.meta.id, 'error' as const]));
  const { enabled } = await resolveRules({ config: { filePath: null, data: {} }, rules: all, overrides });
  return enabled;
}

/** Splits a real post into its front matter block (blank line and fences included) and its body. */
export function splitPost(text: string): { head: string; body: string } {
  const open = text.indexOf('---');
  const close = text.indexOf('\n---', open + 3);
  if (open === -1 || close === -1) return { head: '', body: text };
  const end = close + 4;
  return { head: text.slice(0, end), body: text.slice(end) };
}

/**
 * A small dirty post in the real posts' shapes: a real front matter (RFC 2822 date, trailing space after
 * `categories:`, proxy URLs) and a slice of a real body (empty paragraphs, images without alt, ZAKER captions),
 * ending, like the originals, with a line of spaces and no final newline.
 */
export function smallDirtyPost(posts: [string, string][], random: () => number, maxBody = 1500): string {
  const [, text] = posts[Math.floor(random() * posts.length)];
  const { head, body } = splitPost(text);
  const start = Math.floor(random() * Math.max(1, body.length - maxBody));
  // cut at tag boundaries so the slice stays in the corpus' shapes
  const from = Math.max(0, body.lastIndexOf('<', start));
  let to = body.indexOf('>', from + Math.floor(random() * maxBody));
  if (to === -1) to = body.length;
  return `${head}\n${body.slice(from, to + 1)}\n            `;
}

/**
 * Copies a fixture tree and makes the copy writable: the checked-out fixtures may be read-only, and --fix
 * refuses to replace a read-only file.
 */
export function copyWritable(src: string, dest: string): void {
  cpSync(src, dest, { recursive: true });
  for (const f of ['', ...(readdirSync(dest, { recursive: true, encoding: 'utf8' }) as string[])]) {
    const p = path.join(dest, f);
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
  }
}
