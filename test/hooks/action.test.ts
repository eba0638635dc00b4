// The GitHub Action (action.yml): its structure, and its script (.github/action/run.mjs) run as the composite
// step runs it, outside GitHub: inputs as INPUT_* variables, a fake GITHUB_OUTPUT and GITHUB_STEP_SUMMARY,
// newslint from this checkout's build (NEWSLINT_BIN) against posts in a temp folder.

import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NPM_ENV, POSTS, ROOT, packRepo, run, tempDir, write } from './helpers.js';

const SCRIPT = path.join(ROOT, '.github/action/run.mjs');
const BIN = path.join(ROOT, 'bin/newslint.js');

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

/** A folder of posts: clean.md, fixable.md (an empty paragraph), unfixable.md (an image without alt). */
function posts(): string {
  const dir = tempDir('action');
  write(dir, { 'posts/clean.md': POSTS.clean, 'posts/fixable.md': POSTS.fixable, 'posts/unfixable.md': POSTS.unfixable });
  return dir;
}

function action(inputs: Record<string, string>, dir = posts(), extraEnv: Record<string, string> = {}): ActionRun {
  const temp = tempDir('runner');
  const outputFile = path.join(temp, 'output');
  const summaryFile = path.join(temp, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = { NEWSLINT_BIN: BIN, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: temp, ...extraEnv };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const r = run(process.execPath, [SCRIPT], dir, env);
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { ...r, outputs, summary: readFileSync(summaryFile, 'utf8'), dir };
}

/** The workflow commands on stdout, `::error file=…,line=…::message`: the kind, the message and the properties. */
function annotations(stdout: string): Record<string, string>[] {
  return [...stdout.matchAll(/^::(error|warning|notice) ([^:]*)::(.*)$/gm)].map(([, kind, props, message]) => ({
    kind,
    message,
    ...Object.fromEntries(props.split(',').map((p) => p.split('=') as [string, string])),
  }));
}

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const steps: Record<string, any>[] = action.runs.steps;

  it('is a composite action with a name, a description and described inputs and outputs', () => {
    expect(action).toMatchObject({ name: 'newslint', runs: { using: 'composite' } });
    expect(action.description).toEqual(expect.any(String));
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'fix', 'sarif', 'version', 'args']);
    expect(action.inputs).toMatchObject({ paths: { default: '.' }, format: { default: 'github' }, fix: { default: 'false' }, sarif: { default: 'false' } });
    for (const i of Object.values<Record<string, unknown>>(action.inputs)) expect(i.description).toEqual(expect.any(String));
    for (const [name, o] of Object.entries<Record<string, string>>(action.outputs)) {
      expect(o.description).toEqual(expect.any(String));
      expect(o.value).toBe(`\${{ steps.newslint.outputs.${name} }}`);
    }
  });

  it('passes every input to the script as the INPUT_ variable it reads, and sets a shell on every run step', () => {
    const script = readFileSync(SCRIPT, 'utf8');
    const step = steps.find((s) => s.id === 'newslint')!;
    for (const name of Object.keys(action.inputs)) {
      expect(step.env[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
      expect(script).toContain(`'${name}'`); // input(env, 'name') in readInputs
    }
    for (const s of steps.filter((s) => s.run)) expect(s.shell).toBeTruthy();
    expect(step.run).toContain('$GITHUB_ACTION_PATH/.github/action/run.mjs');
  });

  it('uploads the SARIF file in a later step that runs whatever the check exits with', () => {
    const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload.if).toMatch(/^always\(\) && /);
    expect(upload.with.sarif_file).toBe('${{ steps.newslint.outputs.sarif-file }}');
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.findIndex((s) => s.id === 'newslint'));
  });
});

describe('the action script', () => {
  it('with the defaults: annotations on stdout, exit 1, the counts in the outputs and the summary', () => {
    const r = action({});
    expect(r.status, r.stderr).toBe(1);
    const notes = annotations(r.stdout);
    expect(notes.map((n) => [n.kind, n.file, n.line, n.title])).toEqual([
      ['error', 'posts/fixable.md', '8', 'newslint(no-empty-paragraph)'],
      ['error', 'posts/unfixable.md', '6', 'newslint(image-alt)'],
    ]);
    expect(r.outputs).toEqual({ 'exit-code': '1', errors: '2', warnings: '0', 'sarif-file': '' });
    expect(r.summary).toBe('✖ newslint: 2 errors and 0 warnings in 2 files (3 files checked); 1 fixable with `fix: true`\n');
    expect(existsSync(path.join(r.dir, 'newslint.sarif'))).toBe(false);
  });

  it('sarif: true writes newslint.sarif beside the annotations and names it in the outputs', () => {
    const r = action({ sarif: 'true' });
    expect(r.status, r.stderr).toBe(1);
    expect(annotations(r.stdout)).toHaveLength(2);
    expect(r.outputs['sarif-file']).toBe('newslint.sarif');
    const sarif = JSON.parse(readFileSync(path.join(r.dir, 'newslint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['image-alt', 'no-empty-paragraph']);
  });

  it('fix: true fixes the files and fails on what no fix can clean', () => {
    const r = action({ fix: 'True' });
    expect(r.status, r.stderr).toBe(1);
    expect(readFileSync(path.join(r.dir, 'posts/fixable.md'), 'utf8')).toBe(POSTS.fixable.replace('<p></p>\n', ''));
    expect(annotations(r.stdout).map((n) => n.file)).toEqual(['posts/unfixable.md']);
    expect(r.outputs).toMatchObject({ 'exit-code': '1', errors: '1' });
    expect(r.summary).not.toContain('fixable');
  });

  it('paths one per line (spaces in a name), args passed on, exit 0 and no annotation when clean', () => {
    const dir = posts();
    write(dir, { 'new posts/a post.md': POSTS.clean });
    const r = action({ paths: 'posts/clean.md\nnew posts/a post.md\n', args: '--max-warnings 0 --quiet' }, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.outputs).toEqual({ 'exit-code': '0', errors: '0', warnings: '0', 'sarif-file': '' });
    expect(r.summary).toBe('✔ newslint: 0 errors and 0 warnings in 0 files (2 files checked)\n');
    // args reach newslint: a rule turned off for the run
    const off = action({ paths: 'posts/unfixable.md', args: '--rule image-alt:off' });
    expect(off.status, off.stderr).toBe(0);
  });

  it('another format goes to the log as newslint writes it', () => {
    const r = action({ format: 'compact', paths: 'posts/unfixable.md' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('posts/unfixable.md:6:1: error Image has no alt text');
  });

  it('exits 2 on an invalid boolean input, and on a usage error with no report to count', () => {
    const bad = action({ fix: 'yes' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('input "fix" must be true or false, got "yes"');
    const usage = action({ args: '--no-such-option' });
    expect(usage.status).toBe(2);
    expect(usage.outputs).toEqual({ 'exit-code': '2', errors: '', warnings: '', 'sarif-file': '' });
    expect(usage.summary).toContain('newslint exited 2 without a report');
  });

  it('without NEWSLINT_BIN runs newslint through npx, at the version of its own package.json by default', () => {
    const bin = tempDir('fake-npx');
    const argsFile = path.join(bin, 'args');
    writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`);
    chmodSync(path.join(bin, 'npx'), 0o755);
    const npx = (inputs: Record<string, string>) => {
      action(inputs, posts(), { NEWSLINT_BIN: '', PATH: `${bin}${path.delimiter}${process.env.PATH}` });
      return readFileSync(argsFile, 'utf8').split('\n').slice(0, 5);
    };
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(npx({})).toEqual(['--yes', '--package', `newslint@${version}`, '--', 'newslint']);
    expect(npx({ version: '0.2' })[2]).toBe('newslint@0.2');
    expect(npx({ version: '/tmp/newslint-0.1.0.tgz' })[2]).toBe('/tmp/newslint-0.1.0.tgz');
  });

});

describe('the action script through the real npx', () => {
  let tarball: string;
  beforeAll(() => {
    tarball = packRepo(); // dist/ as `npm test` built it
  });

  it('runs a packed newslint (version: a tarball path), as on a runner without NEWSLINT_BIN', () => {
    const r = action({ version: tarball, paths: 'posts/unfixable.md posts/clean.md', sarif: 'true' }, posts(), { ...NPM_ENV, NEWSLINT_BIN: '' });
    expect(r.status, r.stderr).toBe(1);
    expect(annotations(r.stdout).map((n) => [n.kind, n.file, n.title])).toEqual([['error', 'posts/unfixable.md', 'newslint(image-alt)']]);
    expect(r.outputs).toEqual({ 'exit-code': '1', errors: '1', warnings: '0', 'sarif-file': 'newslint.sarif' });
    expect(JSON.parse(readFileSync(path.join(r.dir, 'newslint.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});
