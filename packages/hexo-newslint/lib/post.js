'use strict';
// One post in Hexo's memory (a before_post_render filter's data): its whole file text (data.raw) linted, and with
// `fix`, fixed, as the file it is; Hexo gets the fixed body (data.content). Nothing is written.
//
// Front matter: Hexo has already read it into the post's fields (dates, categories, tags as relations) before
// this filter runs, so fixes to it cannot reach this build. They are not applied, and the problems they fix are
// reported as remaining, with their place in the file: `hexo newslint --fix` writes them.

/** The file names newslint checks in folders (its DEFAULT_EXTENSIONS); Hexo also renders .ejs, .njk, … pages. */
const POST_FILE = /\.(?:md|markdown|html?)$/i;

/**
 * Lints `data` (a Post or Page document being rendered); with fixes, replaces its body. `linters.fixing` is a
 * NewsLint that fixes (or null without `fix`), `linters.checking` one that does not; `split` is
 * hexo-front-matter's split, as Hexo reads posts. Returns null for a file newslint does not check, else
 * `{ problems, fixed }`: the problems left (positions in the post as fixed) and whether the body changed.
 */
async function lintPost(data, { fixing, checking, split }) {
  const file = data.full_source;
  if (typeof data.raw !== 'string' || typeof file !== 'string' || !POST_FILE.test(file)) return null;
  if (checking.ignoredBy(file)) return null;
  const site = await checking.siteFor(file);
  if (!fixing) return { problems: checking.lintText(data.raw, { filePath: file, site }).messages, fixed: false };

  const result = fixing.lintText(data.raw, { filePath: file, site });
  if (result.output === undefined) return { problems: result.messages, fixed: false };
  const before = parts(split, data.raw);
  const after = parts(split, result.output);
  // Only a body that is still the file's body (no other filter changed it) is replaced.
  if (!before || !after || data.content !== before.body) {
    return { problems: checking.lintText(data.raw, { filePath: file, site }).messages, fixed: false };
  }
  data.content = after.body;
  if (before.head === after.head) return { problems: result.messages, fixed: true };
  // The front matter was fixed too. Those fixes are not applied: its problems are the file's own (the fixable
  // ones included); the body's are those left in the fixed body, moved back to the file's lines.
  const headLines = lineCount(before.head);
  const shift = lineCount(after.head) - headLines;
  const head = checking.lintText(data.raw, { filePath: file, site }).messages.filter((m) => m.line <= headLines);
  const body = result.messages.filter((m) => m.line > headLines + shift).map((m) => ({ ...m, line: m.line - shift }));
  return { problems: [...head, ...body], fixed: true };
}

const lineCount = (text) => text.split('\n').length - 1;

/** A post's text as Hexo splits it: the front matter (with its fences) and the body, which ends the text. */
function parts(split, text) {
  let body;
  try {
    body = split(text).content;
  } catch {
    return null;
  }
  return text.endsWith(body) ? { head: text.slice(0, text.length - body.length), body } : null;
}

module.exports = { lintPost };
