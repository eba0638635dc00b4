#!/usr/bin/env node
// The GitHub Action's logic (action.yml runs it as its one step before the SARIF upload). It reads the inputs
// as GitHub passes them to a step, INPUT_<NAME> environment variables, runs `newslint check` with them, and
// writes the step's outputs to $GITHUB_OUTPUT and a one-line summary to $GITHUB_STEP_SUMMARY. It exits with
// newslint's exit code (0 clean, 1 problems, 2 usage, config or internal error), so the step fails on problems.
// Plain Node, no dependencies: it runs before newslint is installed, and outside GitHub (the tests run it).
//
// newslint itself runs through npx (`npx --yes --package newslint@<version> -- newslint check …`), the
// version being the `version` input or else this action's own package.json version: `uses: …@v0.1.0` runs
// newslint 0.1.0, and a project that has that version in node_modules uses it without a download.
// NEWSLINT_BIN, when set, names a newslint bin script to run with this node instead (a checkout's build).

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SARIF_FILE = 'newslint.sarif';

/** An input as GitHub gives it to a step: INPUT_ and the name upper-cased, spaces as underscores; trimmed. */
function input(env, name, fallback = '') {
  const value = (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  return value === '' ? fallback : value;
}

/** A boolean input, read as @actions/core's getBooleanInput reads one (YAML 1.2's core schema). */
function booleanInput(env, name) {
  const value = input(env, name, 'false');
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`input "${name}" must be true or false, got "${value}"`);
}

/**
 * Paths: one per line when the input has several lines (a path may then hold spaces), otherwise separated by
 * whitespace. Blank lines are skipped.
 */
export function splitPaths(text) {
  const parts = text.includes('\n') ? text.split(/\r?\n/).map((p) => p.trim()) : text.split(/\s+/);
  return parts.filter(Boolean);
}

/** The inputs the action declares, read from the environment. Throws on an invalid boolean. */
export function readInputs(env) {
  return {
    paths: splitPaths(input(env, 'paths', '.')),
    format: input(env, 'format', 'github'),
    fix: booleanInput(env, 'fix'),
    sarif: booleanInput(env, 'sarif'),
    version: input(env, 'version'),
    args: input(env, 'args').split(/\s+/).filter(Boolean),
  };
}

/** The newslint version this action's own package.json gives (the action's ref, as released). */
export function ownVersion() {
  const pkg = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

/** npx's package spec for a version input: a version, range or tag is newslint's; a path or URL is as given. */
export function packageSpec(version) {
  return /[/\\:]/.test(version) || version.endsWith('.tgz') ? version : `newslint@${version}`;
}

/** The command (program and arguments) that runs `newslint check` with these inputs, reporting also to jsonFile. */
export function checkCommand(inputs, env, jsonFile) {
  const launcher = env.NEWSLINT_BIN
    ? [process.execPath, env.NEWSLINT_BIN]
    : [process.platform === 'win32' ? 'npx.cmd' : 'npx', '--yes', '--package', packageSpec(inputs.version || ownVersion()), '--', 'newslint'];
  const args = ['check', '--format', inputs.format, '--format', `json:${jsonFile}`];
  if (inputs.sarif) args.push('--format', `sarif:${SARIF_FILE}`);
  if (inputs.fix) args.push('--fix');
  args.push(...inputs.args, '--', ...inputs.paths);
  return { program: launcher[0], args: [...launcher.slice(1), ...args] };
}

/** Problems and files in newslint's JSON report (ESLint's shape), or null when there is none to read. */
export function countReport(jsonFile) {
  let results;
  try {
    results = JSON.parse(readFileSync(jsonFile, 'utf8'));
  } catch {
    return null;
  }
  const sum = (key) => results.reduce((n, r) => n + (r[key] ?? 0), 0);
  return {
    files: results.length,
    filesWithProblems: results.filter((r) => r.errorCount + r.warningCount > 0).length,
    errors: sum('errorCount'),
    warnings: sum('warningCount'),
    fixable: sum('fixableErrorCount') + sum('fixableWarningCount'),
  };
}

function summaryLine(code, counts, fix) {
  if (!counts) return `newslint exited ${code} without a report (see the step's log)`;
  const n = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const what = `${n(counts.errors, 'error')} and ${n(counts.warnings, 'warning')} in ${n(counts.filesWithProblems, 'file')} (${n(counts.files, 'file')} checked)`;
  const fixable = !fix && counts.fixable ? `; ${counts.fixable} fixable with \`fix: true\`` : '';
  return `${code === 0 ? '✔' : '✖'} newslint: ${what}${fixable}`;
}

/** Appends `name=value` lines to the file GitHub reads a step's outputs from (when there is one). */
function setOutputs(env, outputs) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
}

export function main(env = process.env, cwd = process.cwd()) {
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (err) {
    process.stderr.write(`newslint action: ${err.message}\n`);
    return 2;
  }
  const temp = mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'newslint-action-'));
  try {
    const jsonFile = path.join(temp, 'report.json');
    const { program, args } = checkCommand(inputs, env, jsonFile);
    // stdio inherited: the annotations (-f github) must reach the runner's log as newslint writes them
    const r = spawnSync(program, args, { cwd, stdio: 'inherit', env });
    if (r.error) process.stderr.write(`newslint action: could not run ${program}: ${r.error.message}\n`);
    const code = r.status ?? 2;
    const counts = countReport(jsonFile);
    const sarif = inputs.sarif && existsSync(path.join(cwd, SARIF_FILE)) ? SARIF_FILE : '';
    setOutputs(env, { 'exit-code': code, errors: counts?.errors ?? '', warnings: counts?.warnings ?? '', 'sarif-file': sarif });
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${summaryLine(code, counts, inputs.fix)}\n`);
    return code;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
