// Files never checked, in .gitignore syntax (read with the `ignore` package, as ESLint and markdownlint-cli2
// read theirs): the config's `ignores`, relative to the config file's folder, and a .newslintignore in the
// working directory, relative to it (where ESLint 8 read .eslintignore). Matching is case-sensitive, as git's
// is on Linux; `!pattern` re-includes, and as in git a file in an ignored folder cannot be re-included.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { ConfigError } from '../rules.js';

export const IGNORE_FILE = '.newslintignore';

type Ignore = ReturnType<typeof ignore>;

interface List {
  dir: string;
  source: string;
  matcher: Ignore;
}

export class IgnoreRules {
  private constructor(private readonly lists: List[]) {}

  /** The config's `ignores` (relative to `configDir`) and the .newslintignore in `cwd`, when there is one. */
  static load({ cwd, configDir, ignores = [] }: { cwd: string; configDir: string | null; ignores?: string[] }): IgnoreRules {
    const lists: List[] = [];
    if (ignores.length && configDir !== null) lists.push(list(configDir, 'the config\'s "ignores"', ignores));
    const file = path.join(cwd, IGNORE_FILE);
    let text: string | null = null;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new ConfigError(`cannot read ${file}: ${(err as Error).message}`);
    }
    if (text !== null) lists.push(list(cwd, IGNORE_FILE, text.replace(/^\uFEFF/, '')));
    return new IgnoreRules(lists);
  }

  /** Why a file (an absolute path) is ignored (`.newslintignore: drafts/`), or null when it is not. */
  ignoredBy(file: string): string | null {
    for (const { dir, source, matcher } of this.lists) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) continue; // not below its folder
      const rule = matcher.test(rel).rule;
      if (rule) return `${source}: ${rule.pattern}`;
    }
    return null;
  }
}

function list(dir: string, source: string, patterns: string | string[]): List {
  return { dir, source, matcher: ignore({ ignorecase: false }).add(patterns) };
}
