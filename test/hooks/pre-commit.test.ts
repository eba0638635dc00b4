// The pre-commit hooks (.pre-commit-hooks.yaml) run by the real pre-commit (Debian's, /usr/bin/pre-commit), as a
// user's .pre-commit-config.yaml points at this repository: pre-commit clones it at a commit, installs it as a
// node package (npm install, which runs the prepare script's build; npm pack; npm install -g) with the system's
// node, and runs `newslint check` on the staged posts. The install is the slow part (about a minute and a half
// here: npm installs the repository's dev dependencies to build it), done once in beforeAll; every test after it
// reuses the environment, as a user's later commits do.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NPM_ENV, POSTS, ROOT, gitRepo, must, run, snapshotRepo, tempDir, write } from './helpers.js';

const PRE_COMMIT = '/usr/bin/pre-commit';

let snapshot: { dir: string; rev: string };
let env: Record<string, string>;
let repo: string;

/** A user's repository whose .pre-commit-config.yaml (committed) points at the snapshot of this one. */
function userRepo(): string {
  const dir = gitRepo('pre-commit-user');
  // language_version: system: pre-commit links the system's node into its environment instead of downloading one
  write(dir, {
    '.pre-commit-config.yaml': [
      'repos:',
      `  - repo: ${snapshot.dir}`,
      `    rev: ${snapshot.rev}`,
      '    hooks:',
      '      - id: newslint',
      '        language_version: system',
      '      - id: newslint-fix',
      '        language_version: system',
      '        stages: [manual]', // only when asked for (--hook-stage manual): a commit runs the check
      '',
    ].join('\n'),
  });
  must('git', ['add', '.pre-commit-config.yaml'], dir);
  must('git', ['commit', '-q', '--no-verify', '-m', 'pre-commit config'], dir);
  return dir;
}

function preCommit(args: string[]) {
  const r = run(PRE_COMMIT, args, repo, env);
  return { ...r, output: r.stdout + r.stderr };
}

beforeAll(() => {
  if (!existsSync(PRE_COMMIT)) throw new Error(`${PRE_COMMIT} is missing: apt-get install pre-commit`);
  snapshot = snapshotRepo();
  env = { ...NPM_ENV, PRE_COMMIT_HOME: tempDir('pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
  // the install (once: the environment is kept in PRE_COMMIT_HOME, by repository and rev, for every test's repo)
  must(PRE_COMMIT, ['install-hooks'], userRepo(), env);
}, 420_000); // 1.5 to 4 minutes measured here (2 shared cores), most of it npm installing the build's dev dependencies

beforeEach(() => {
  repo = userRepo();
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares the check and the fix hooks as the README shows them', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks.map((h) => h.id)).toEqual(['newslint', 'newslint-fix']);
    for (const h of hooks) {
      expect(h).toMatchObject({ language: 'node', files: '\\.(md|markdown|html?)$', args: [], require_serial: false });
      expect(h.minimum_pre_commit_version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(hooks[0].entry).toBe('newslint check');
    expect(hooks[1].entry).toBe('newslint check --fix');
  });
});

describe('pre-commit run', () => {
  it('fails on a staged post with a problem, naming the file and the rule', () => {
    write(repo, { 'post.md': POSTS.unfixable });
    must('git', ['add', 'post.md'], repo);
    const r = preCommit(['run', 'newslint', '--files', 'post.md']);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toMatch(/newslint\.+Failed/);
    expect(r.output).toContain('post.md');
    expect(r.output).toContain('image-alt');
  });

  it('passes a clean post, and an HTML page', () => {
    write(repo, { 'post.md': POSTS.clean, 'page.html': POSTS.clean.replace('[link](https://example.com/)', '<a href="https://example.com/">a link</a>') });
    must('git', ['add', 'post.md', 'page.html'], repo);
    const r = preCommit(['run', 'newslint', '--files', 'post.md', 'page.html']);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/newslint\.+Passed/);
  });

  it('leaves files that are not posts alone (the files pattern)', () => {
    write(repo, { 'notes.txt': POSTS.unfixable });
    must('git', ['add', 'notes.txt'], repo);
    const r = preCommit(['run', 'newslint', '--files', 'notes.txt']);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/newslint\.+\(no files to check\)Skipped/);
  });

  it('newslint-fix fixes the post and fails because it changed it; the next run passes', () => {
    write(repo, { 'fixable.md': POSTS.fixable });
    must('git', ['add', 'fixable.md'], repo);
    const first = preCommit(['run', 'newslint-fix', '--hook-stage', 'manual', '--files', 'fixable.md']);
    expect(first.status, first.output).toBe(1);
    expect(first.output).toContain('files were modified by this hook');
    expect(readFileSync(path.join(repo, 'fixable.md'), 'utf8')).not.toContain('<p></p>');
    const second = preCommit(['run', 'newslint-fix', '--hook-stage', 'manual', '--files', 'fixable.md']);
    expect(second.status, second.output).toBe(0);
  });
});

describe('git commit with the hook installed', () => {
  it('blocks a commit of a post with a problem, and lets a clean one through', () => {
    must(PRE_COMMIT, ['install'], repo, env);
    const commits = () => run('git', ['rev-list', '--count', 'HEAD'], repo).stdout.trim() || '0';
    const before = commits();
    write(repo, { 'post.md': POSTS.unfixable });
    must('git', ['add', 'post.md'], repo);
    const blocked = run('git', ['commit', '-m', 'add a post'], repo, env);
    expect(blocked.status, blocked.stdout + blocked.stderr).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('image-alt');
    expect(commits()).toBe(before);

    write(repo, { 'post.md': POSTS.clean });
    must('git', ['add', 'post.md'], repo);
    const ok = run('git', ['commit', '-m', 'add a clean post'], repo, env);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(commits()).not.toBe(before);
  });
});
