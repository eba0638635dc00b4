// Walking: turning command-line inputs (files, folders, globs) into the sorted list of files to check.

import { lstat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { UsageError } from './errors.js';
import { TEMP_PREFIX, removeStaleTempFiles } from './write.js';

export const DEFAULT_EXTENSIONS = ['.md', '.markdown', '.html', '.htm'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Folders whose names start with a dot (.git, .github, .cache) are not walked; files whose names do are. */
const DOT_FOLDERS = '**/.*/**';

export interface ExpandOptions {
  cwd: string;
  extensions: string[];
  ignorePatterns: string[];
  /**
   * Remove temporary files that an earlier, killed newslint left in the folders walked (and in the folders
   * of files named), when the process that wrote them is gone. Only --fix runs do this.
   */
  removeStaleTemps?: boolean;
  /** Folders not to walk below a folder named on the command line (a site's generated output, themes). */
  skipDirsFor?: (folder: string) => Promise<readonly string[]>;
  /** Whether a file found while walking `folder` is left out (another site's output, a generator's exclude). */
  skipFile?: (file: string, folder: string) => Promise<boolean>;
  /** Why a file is ignored besides `ignorePatterns` (the config's `ignores`, .newslintignore), or null. */
  ignoredBy?: (file: string) => string | null;
  /** Told of each file named on the command line that is ignored (and so not checked), with why. */
  onIgnoredFile?: (file: string, why: string) => void;
}

/**
 * Turns command-line inputs into a sorted list of absolute file paths. A path that exists is always taken
 * literally (post names are full of glob characters); only a path that does not exist is tried as a glob.
 */
export async function expandInputs(
  inputs: string[],
  { cwd, extensions, ignorePatterns, removeStaleTemps = false, skipDirsFor = async () => [], skipFile = async () => false, ignoredBy = () => null, onIgnoredFile = () => {} }: ExpandOptions,
): Promise<string[]> {
  const exts = extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  // By the end of the name, not path.extname: a post named just ".md" has no extension to Node, but Hexo and
  // Jekyll see a Markdown file (and do not publish it: a problem newslint must be able to report).
  const hasExt = (f: string) => {
    const name = path.basename(f).toLowerCase();
    return exts.some((e) => name.endsWith(e));
  };
  const ignored = picomatch([...ALWAYS_IGNORED, ...ignorePatterns], { dot: true });
  const whyIgnored = (abs: string) => {
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    if (ignored(rel) || ignored(`${rel}/`) || rel.split('/').some((part) => part === 'node_modules' || part === '.git')) return 'ignorePatterns, --ignore-pattern or node_modules/.git';
    return ignoredBy(abs);
  };
  const isIgnored = (abs: string) => whyIgnored(abs) !== null;
  const found = new Set<string>();
  const tempDirs = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const info = await lstat(abs).catch(() => null);
    if (info?.isDirectory()) {
      // Symbolic links are not followed (no loops, nothing outside the tree). Regular files are linted;
      // FIFOs, sockets and devices with a matching extension are listed so that reading reports them as
      // skipped (reading one would block or never end).
      const skip = (await skipDirsFor(abs)).filter((d) => d !== abs && isInside(d, abs));
      const entries = await fg('**/*', {
        cwd: abs,
        absolute: true,
        onlyFiles: false,
        dot: true,
        followSymbolicLinks: false,
        objectMode: true,
        ignore: [...ALWAYS_IGNORED, DOT_FOLDERS, ...skip.map((d) => `${fg.escapePath(path.relative(abs, d).split(path.sep).join('/'))}/**`)],
        suppressErrors: true,
      });
      let matched = 0;
      for (const e of entries) {
        const d = e.dirent;
        if (d.isDirectory() || d.isSymbolicLink()) continue;
        const f = path.normalize(e.path);
        if (path.basename(f).startsWith(TEMP_PREFIX)) tempDirs.add(path.dirname(f));
        if (!hasExt(f) || isIgnored(f) || (await skipFile(f, abs))) continue;
        found.add(f);
        matched++;
      }
      // As ESLint does: a folder that yields nothing to check is a mistake in the command, not a clean run.
      if (!matched) {
        throw new UsageError(`no ${exts.join(', ')} files to check in folder "${input}" (see --ext and --ignore-pattern)`);
      }
    } else if (info) {
      const why = whyIgnored(abs);
      if (why === null) found.add(abs); // a file named explicitly is linted whatever its extension
      else onIgnoredFile(abs, why);
      tempDirs.add(path.dirname(abs));
    } else if (fg.isDynamicPattern(input)) {
      const entries = await fg(input.split(path.sep).join('/'), {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ALWAYS_IGNORED,
        suppressErrors: true,
      });
      const matched = entries.map((f) => path.normalize(f)).filter((f) => hasExt(f) && !isIgnored(f));
      if (!matched.length) throw new UsageError(`no files match the pattern "${input}"`);
      for (const f of matched) (found.add(f), tempDirs.add(path.dirname(f)));
    } else {
      throw new UsageError(`no such file or folder: "${input}"`);
    }
  }
  if (removeStaleTemps) await removeStaleTempFiles(tempDirs);
  return [...found].sort();
}

/** True when `p` is `dir` or lies below it. */
export function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
