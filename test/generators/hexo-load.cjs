// Loads a Hexo site as `hexo generate` does, without writing it, and prints as JSON the sources of the posts
// and pages it published, the files it failed on ("Process failed: <path>") and the error that stopped it.
// Run as a child process (node test/generators/hexo-load.cjs <site>): a failing generation must not take the
// test runner with it.
const Hexo = require('hexo');

(async () => {
  const hexo = new Hexo(process.argv[2], { silent: true });
  const failed = [];
  await hexo.init();
  hexo.log.error = (data, format, file) => {
    if (typeof format === 'string' && format.startsWith('Process failed')) {
      failed.push({ file: String(file).replace(/\u001b\[\d+m/g, ''), error: String(data && data.err) });
    }
  };
  let stopped = null;
  try {
    await hexo.load();
  } catch (err) {
    stopped = String(err);
  }
  const sources = (model) => hexo.locals.get(model).map((doc) => doc.source).sort();
  process.stdout.write(JSON.stringify({ posts: sources('posts'), pages: sources('pages'), failed, stopped }));
})();
