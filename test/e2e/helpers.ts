import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/newslint.js');
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a subprocess. */
export function newslint(args: string[], cwd = ROOT, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file; optionally with copies of fixture paths. */
export function tempDir(...copies: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-e2e-'));
  temps.push(dir);
  for (const c of copies) cpSync(path.join(FIXTURES, c), path.join(dir, path.basename(c)), { recursive: true });
  return dir;
}

/** A config turning every rule off except those given. */
export function onlyRules(allIds: string[], enabled: Record<string, unknown>): string {
  const rules: Record<string, unknown> = Object.fromEntries(allIds.map((id) => [id, 'off']));
  return JSON.stringify({ rules: { ...rules, ...enabled } });
}

export function ruleIds(): string[] {
  const r = newslint(['rules', '--format', 'json']);
  return JSON.parse(r.stdout).map((m: { id: string }) => m.id);
}
