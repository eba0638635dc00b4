// Jekyll (checked against jekyll 4.3.1, Debian's package: its source and real builds in the tests).

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bool, list, str } from '../config-file.js';
import { jekyllBareUrls } from './autolinks.js';
import { readJekyllFrontMatter } from './front-matter.js';
import { jekyllIgnores } from './sources.js';
import { jekyllTemplates } from './templates.js';
import { jekyllDates } from './dates.js';
import { DATED_NAME, jekyllUnpublished } from './files.js';
import type { Generator } from '../types.js';

const CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'];
/** lib/jekyll/configuration.rb: DEFAULT_EXCLUDES, added to every site's own `exclude`; `include` starts with .htaccess. */
const DEFAULT_EXCLUDES = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

/** Templates, data and plugins are not pages (each folder can be renamed in _config.yml). */
const NOT_PAGES = { layouts_dir: '_layouts', includes_dir: '_includes', data_dir: '_data', plugins_dir: '_plugins', sass_dir: '_sass' };

export const jekyll: Generator = {
  name: 'jekyll',
  title: 'Jekyll',
  checked: 'jekyll 4.3.1 (Psych 4.0.3, Liquid 5.4.0, kramdown 2.4.0)',

  async detect(dir, entries) {
    const configFile = CONFIG_FILES.find((f) => entries.has(f));
    if (configFile && entries.has('Gemfile') && (await mentions(path.join(dir, 'Gemfile'), /\b(?:jekyll|github-pages)\b/))) {
      return { configFile: path.join(dir, configFile), reason: `${configFile} beside a Gemfile that names jekyll`, strength: 'strong' };
    }
    if (entries.has('_posts')) {
      const names = await readdir(path.join(dir, '_posts')).catch(() => [] as string[]);
      if (names.some((n) => DATED_NAME.test(n))) {
        return {
          configFile: configFile ? path.join(dir, configFile) : null,
          reason: '_posts with dated file names (YYYY-MM-DD-title.md)',
          strength: 'weak',
        };
      }
    }
    return null;
  },

  settings(root, config) {
    const base = root ?? process.cwd();
    const source = path.resolve(base, str(config, 'source') ?? '.');
    const templateDirs = Object.entries(NOT_PAGES).map(([key, fallback]) => path.resolve(source, str(config, key) ?? fallback));
    return {
      timezone: str(config, 'timezone'),
      contentDir: source,
      skipDirs: [path.resolve(base, str(config, 'destination') ?? '_site'), ...templateDirs, path.join(source, '.jekyll-cache'), path.join(source, 'node_modules'), path.join(source, 'vendor')],
      exclude: [...new Set([...list(config, 'exclude'), ...DEFAULT_EXCLUDES])],
      include: [...new Set(['.htaccess', ...list(config, 'include')])],
      skipRender: [],
      ignore: [],
      renderDrafts: bool(config, 'show_drafts', false),
      permalink: str(config, 'permalink') ?? 'date',
      url: str(config, 'url'),
      raw: config,
    };
  },

  readFrontMatter: readJekyllFrontMatter,
  ignores: jekyllIgnores,
  bareUrls: jekyllBareUrls,
  templates: jekyllTemplates,
  dates: jekyllDates,
  unpublished: jekyllUnpublished,
};

async function mentions(file: string, pattern: RegExp): Promise<boolean> {
  try {
    return pattern.test(await readFile(file, 'utf8'));
  } catch {
    return false;
  }
}
