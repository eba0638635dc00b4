'use strict';
// `hexo newslint [--fix]`: newslint's own CLI (`newslint check`) over the site's source folder, in the site's
// folder, with the plugin's `config`. Its report goes to this terminal; its exit code becomes Hexo's.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

function runCli(hexo, options, { fix }) {
  const args = [newslintBin(), 'check'];
  if (fix) args.push('--fix');
  if (options.config !== null) args.push('--config', path.resolve(hexo.base_dir, options.config));
  args.push(hexo.source_dir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: hexo.base_dir, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal) return reject(new Error(`newslint: stopped by ${signal}`));
      if (code !== 0) process.exitCode = code;
      resolve();
    });
  });
}

/** The newslint bin of the installed package, found as Node finds the package (its exports need not list package.json). */
function newslintBin() {
  for (const dir of require.resolve.paths('newslint') ?? []) {
    const manifest = path.join(dir, 'newslint', 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.newslint);
  }
  throw new Error('newslint: the newslint package is not installed (npm i hexo-newslint installs it)');
}

module.exports = { runCli };
