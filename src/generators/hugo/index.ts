// Hugo (checked against hugo 0.111.3, Debian's package: its source and real builds in the tests).

import path from 'node:path';
import { bool, list, str } from '../config-file.js';
import { hugoBareUrls } from './autolinks.js';
import { readHugoFrontMatter } from './front-matter.js';
import { hugoIgnores } from './sources.js';
import { hugoTemplates } from './templates.js';
import { hugoDates } from './dates.js';
import { hugoUnpublished } from './files.js';
import type { Generator } from '../types.js';

const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml'];
/** Output, themes, and what is never content: templates (layouts/, archetypes/), files copied verbatim (static/). */
const SKIPPED = { publishDir: 'public', resourceDir: 'resources', themesDir: 'themes', layoutDir: 'layouts', archetypeDir: 'archetypes', staticDir: 'static' };

export const hugo: Generator = {
  name: 'hugo',
  title: 'Hugo',
  checked: 'hugo 0.111.3 (yaml.v2, goldmark 1.5.4)',

  async detect(dir, entries) {
    const configFile = CONFIG_FILES.find((f) => entries.has(f));
    return configFile ? { configFile: path.join(dir, configFile), reason: configFile, strength: 'strong' } : null;
  },

  settings(root, config) {
    const base = root ?? process.cwd();
    return {
      timezone: str(config, 'timeZone') ?? str(config, 'timezone'),
      contentDir: path.resolve(base, str(config, 'contentDir') ?? 'content'),
      skipDirs: [...Object.entries(SKIPPED).map(([key, fallback]) => path.resolve(base, str(config, key) ?? fallback)), path.join(base, 'node_modules')],
      exclude: list(config, 'ignoreFiles'),
      include: [],
      skipRender: [],
      ignore: [],
      renderDrafts: bool(config, 'buildDrafts', false),
      url: str(config, 'baseURL'),
      raw: config,
    };
  },

  readFrontMatter: readHugoFrontMatter,
  ignores: hugoIgnores,
  bareUrls: hugoBareUrls,
  templates: hugoTemplates,
  dates: hugoDates,
  unpublished: hugoUnpublished,
};
