// Child process of the oracle harness (build.ts): loads a Hexo site with the real hexo (this repository's
// pinned devDependency, hexo 8.1.2), prints on stdout, as JSON, every post Hexo published (from its own model)
// and what it logged at warn/error level, and writes the site to public/. Usage: node hexo-build.cjs <site>.
// The caller pins TZ: Hexo reads dates in the machine's zone before applying the site's `timezone`.
'use strict';

const path = require('node:path');
const { format, stripVTControlCharacters } = require('node:util');
const Hexo = require('hexo');

async function main(dir) {
  const hexo = new Hexo(dir, { silent: true });
  const log = [];
  // hexo/dist/box/index.js logs a post that fails as log.error({ err }, 'Process failed: %s', path).
  for (const level of ['error', 'warn']) {
    hexo.log[level] = (...args) => {
      const err = args[0] && typeof args[0] === 'object' && 'err' in args[0] ? args.shift().err : null;
      log.push(stripVTControlCharacters(`${level}: ${format(...args)}${err ? ` (${err})` : ''}`));
    };
  }
  await hexo.init();
  await hexo.load();
  const posts = hexo.locals
    .get('posts')
    .toArray()
    .map((p) => ({
      source: path.relative(dir, p.full_source).split(path.sep).join('/'),
      title: p.title,
      date: p.date.toISOString(),
      categories: p.categories.map((c) => c.name),
      url: p.path,
      html: p.content,
    }));
  await hexo.call('generate', {});
  await hexo.exit();
  process.stdout.write(JSON.stringify({ posts, log }));
}

main(path.resolve(process.argv[2])).catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
