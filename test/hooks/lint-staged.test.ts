// The lint-staged setup the README shows, with the real tools as a user installs them: the packed newslint and
// lint-staged (the version this repository pins) installed into a fresh git repository, whose package.json
// runs `newslint check --fix` on staged posts, from a git pre-commit hook (core.hooksPath) and on its own.

import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { POSTS, ROOT, gitRepo, installPacked, must, packRepo, run, write } from './helpers.js';

const LINT_STAGED = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/lint-staged/package.json'), 'utf8')).version;

let project: string;

beforeAll(() => {
  project = gitRepo('lint-staged');
  write(project, {
    'package.json': JSON.stringify({ name: 'site', private: true, 'lint-staged': { '*.{md,markdown,html,htm}': 'newslint check --fix' } }, null, 2),
    '.gitignore': 'node_modules/\n',
    '.githooks/pre-commit': '#!/bin/sh\nexec npx lint-staged\n',
  });
  chmodSync(path.join(project, '.githooks/pre-commit'), 0o755);
  installPacked(project, packRepo(), `lint-staged@${LINT_STAGED}`);
  must('git', ['config', 'core.hooksPath', '.githooks'], project);
  must('git', ['add', '.'], project);
  must('git', ['commit', '-q', '--no-verify', '-m', 'site'], project);
}, 240_000);

afterEach(() => {
  // back to the last commit: no staged or new posts left for the next test
  must('git', ['reset', '-q', '--hard'], project);
  must('git', ['clean', '-q', '-f', '--', '*.md'], project);
});

const staged = (name: string) => must('git', ['show', `:${name}`], project);

describe('lint-staged with newslint check --fix', () => {
  it('fixes a staged post and stages the fix', () => {
    write(project, { 'fixable.md': POSTS.fixable });
    must('git', ['add', 'fixable.md'], project);
    const r = run('npx', ['lint-staged'], project);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(staged('fixable.md')).not.toContain('<p></p>');
    expect(readFileSync(path.join(project, 'fixable.md'), 'utf8')).toBe(staged('fixable.md'));
  });

  it('fails on a problem no fix can clean, naming it', () => {
    write(project, { 'unfixable.md': POSTS.unfixable });
    must('git', ['add', 'unfixable.md'], project);
    const r = run('npx', ['lint-staged'], project);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('image-alt');
  });

  it('from the pre-commit hook: blocks the commit of a post with a problem, commits the fixed text of one without', () => {
    const head = () => must('git', ['rev-parse', 'HEAD'], project).trim();
    const before = head();
    write(project, { 'unfixable.md': POSTS.unfixable });
    must('git', ['add', 'unfixable.md'], project);
    const blocked = run('git', ['commit', '-m', 'a post with an image'], project);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('image-alt');
    expect(head()).toBe(before);

    must('git', ['reset', '-q', '--hard'], project);
    write(project, { 'fixable.md': POSTS.fixable });
    must('git', ['add', 'fixable.md'], project);
    const ok = run('git', ['commit', '-m', 'a fixable post'], project);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(head()).not.toBe(before);
    expect(must('git', ['show', 'HEAD:fixable.md'], project)).toBe(POSTS.fixable.replace('<p></p>\n', ''));
  });
});
