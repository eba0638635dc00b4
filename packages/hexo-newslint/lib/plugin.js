'use strict';
// hexo-newslint: registers newslint with a Hexo instance.
// - a before_post_render filter: each post (and page) is linted as its file, fixed in memory with `fix` (the
//   default), and the problems left are logged with file:line:col; source files are never written;
// - with `failOn: error|warn`, a command other than `hexo server` that met such a problem ends with exit code 1;
// - the console command `hexo newslint [--fix]`: newslint's CLI over the site's source folder.

const path = require('node:path');
const { createRequire } = require('node:module');
const { readOptions } = require('./options.js');
const { lintPost } = require('./post.js');
const { logProblems, failing } = require('./report.js');
const { runCli } = require('./cli.js');

module.exports = function register(hexo) {
  const { options, error } = readOptions(hexo.config.newslint);
  const fail = () => {
    throw new Error(`newslint: ${error}`);
  };
  if (error) hexo.log.error(`newslint: ${error}`);

  // What one generation (a build; each regeneration of `hexo server`) met; whether any failed the build.
  let tally = null;
  let failed = 0;
  let linters = null;
  hexo.extend.filter.register('before_post_render', async (data) => {
    if (error) fail();
    linters ??= createLinters(hexo, options);
    const outcome = await lintPost(data, await linters);
    if (!outcome) return data;
    tally ??= { posts: 0, fixed: 0, errors: 0, warnings: 0, failing: 0 };
    tally.posts++;
    if (outcome.fixed) tally.fixed++;
    const counts = logProblems(hexo, data.full_source, outcome.problems);
    tally.errors += counts.errors;
    tally.warnings += counts.warnings;
    if (failing(options.failOn, counts)) tally.failing++;
    return data;
  });

  // Hexo renders only the posts that changed since db.json was written: a gate checks every post, every time.
  hexo.extend.filter.register('before_generate', () => {
    tally = null;
    if (options.failOn === 'never' || isServer(hexo)) return Promise.resolve();
    const stale = ['Post', 'Page'].flatMap((model) => hexo.model(model).filter((doc) => doc.content != null).toArray());
    return Promise.all(
      stale.map((doc) => {
        doc.content = undefined; // what render_post looks for (a field of the model cannot be null)
        return doc.save();
      }),
    );
  }, 1); // before Hexo's render_post (priority 10)

  hexo.extend.filter.register('after_generate', () => {
    if (!tally) return;
    const { posts, fixed, errors, warnings } = tally;
    hexo.log.info(`newslint: ${posts} ${plural(posts, 'post')} checked, ${fixed} fixed in memory, ${errors} ${plural(errors, 'error')} and ${warnings} ${plural(warnings, 'warning')} left`);
    if (!isServer(hexo)) failed += tally.failing;
  });

  hexo.extend.filter.register('before_exit', () => {
    if (!failed) return;
    hexo.log.error(`newslint: ${failed} ${plural(failed, 'post')} with problems at failOn level "${options.failOn}": exit code 1`);
    process.exitCode = 1;
  });

  hexo.extend.console.register(
    'newslint',
    "Check the site's source folder with newslint (as `newslint check`); --fix writes the fixes",
    { usage: '[--fix]', arguments: [], options: [{ name: '--fix', desc: 'Fix the files on disk (atomic writes)' }] },
    (args) => (error ? fail() : runCli(hexo, options, { fix: Boolean(args.fix) })),
  );
};

/** The NewsLint instances a post needs (src/api.ts: NewsLint.create), and Hexo's own front-matter splitter. */
async function createLinters(hexo, options) {
  const { NewsLint } = await import('newslint');
  const settings = {
    cwd: hexo.base_dir,
    configFile: options.config === null ? undefined : path.resolve(hexo.base_dir, options.config),
    onWarning: (message) => hexo.log.warn(`newslint: ${message}`),
  };
  let checking, fixing;
  try {
    checking = await NewsLint.create(settings);
    fixing = options.fix ? await NewsLint.create({ ...settings, fix: true }) : null;
  } catch (err) {
    throw new Error(`newslint: ${err.message}`); // a config newslint cannot use (ConfigError): the build stops
  }
  const { split } = createRequire(path.join(hexo.core_dir, 'package.json'))('hexo-front-matter');
  return { checking, fixing, split };
}

/** `hexo server` (or s): failOn does not stop a server. */
const isServer = (hexo) => hexo.extend.console.alias[hexo.env.cmd] === 'server';

const plural = (n, word) => (n === 1 ? word : `${word}s`);
