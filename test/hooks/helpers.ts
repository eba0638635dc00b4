// What the hook tests share: running tools, temporary git repositories, a snapshot of this repository as
// pre-commit clones it, and the packed package as a user installs it.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { pack } from '../helpers/pack.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command; never throws on a non-zero exit (the tests assert it). */
export function run(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed; its output otherwise explains why the test cannot go on. */
export function must(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): string {
  const r = run(cmd, args, cwd, env);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** npm as the brief's packed-package tests use it: the warm cache first, no audit, no funding notes. */
export const NPM_ENV = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(name = 'hooks'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `newslint-${name}-`));
  temps.push(dir);
  return dir;
}

/** A new git repository with a committer set, in a fresh temp folder. */
export function gitRepo(name = 'repo'): string {
  const dir = tempDir(name);
  must('git', ['init', '-q', '-b', 'main'], dir);
  must('git', ['config', 'user.name', 'newslint test'], dir);
  must('git', ['config', 'user.email', 'test@newslint.invalid'], dir);
  must('git', ['config', 'commit.gpgsign', 'false'], dir);
  return dir;
}

/** Writes files (relative path → text) under dir. */
export function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/**
 * This repository as a commit would hold it now (tracked and new files that .gitignore does not exclude, as they
 * are in the working tree: uncommitted changes too), committed in a fresh repository: what pre-commit clones.
 */
export function snapshotRepo(): { dir: string; rev: string } {
  const dir = gitRepo('snapshot');
  const files = must('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0').filter(Boolean);
  for (const f of files) {
    try {
      cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // deleted in the working tree, not yet in git
    }
  }
  must('git', ['add', '-A'], dir);
  must('git', ['commit', '-q', '-m', 'snapshot'], dir);
  return { dir, rev: must('git', ['rev-parse', 'HEAD'], dir).trim() };
}

/** `npm pack` of this repository (dist/ as `npm test` built it) into a temp folder: the tarball's path. */
export function packRepo(): string {
  return pack(ROOT, tempDir('pack')).tarball;
}

/** Installs a packed tarball (and other packages) into a project folder, as `npm i -D newslint …` would. */
export function installPacked(project: string, tarball: string, ...others: string[]): void {
  must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarball, ...others], project, NPM_ENV);
}

/** Posts the hook tests commit: one clean, one only fixable, one that no fix can clean (an image without alt). */
export const POSTS = {
  clean: '---\ntitle: A clean post\ndate: 2024-01-02 10:00:00\n---\n\nText with a [link](https://example.com/).\n',
  fixable: '---\ntitle: A fixable post\ndate: 2024-01-02 10:00:00\n---\n\nText.\n\n<p></p>\n',
  unfixable: '---\ntitle: A post with an image\ndate: 2024-01-02 10:00:00\n---\n\n<img src="/a.png">\n',
};
