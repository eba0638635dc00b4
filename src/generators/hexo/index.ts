// Hexo (checked against hexo 8.1.2 and hexo-front-matter 4.2.1: their source and real builds in the tests).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bool, list, str } from '../config-file.js';
import { hexoBareUrls } from './autolinks.js';
import { readHexoFrontMatter } from './front-matter.js';
import { hexoIgnores } from './sources.js';
import { hexoTemplates } from './templates.js';
import { hexoDates } from './dates.js';
import { hexoUnpublished } from './files.js';
import type { Generator } from '../types.js';

export const hexo: Generator = {
  name: 'hexo',
  title: 'Hexo',
  checked: 'hexo 8.1.2 (hexo-front-matter 4.2.1, js-yaml 4.3.2, nunjucks 3.2.4, hexo-renderer-marked 7.0.1)',

  async detect(dir, entries) {
    if (!entries.has('_config.yml') || !entries.has('package.json')) return null;
    if (!(await dependsOn(path.join(dir, 'package.json'), 'hexo'))) return null;
    return { configFile: path.join(dir, '_config.yml'), reason: '_config.yml beside a package.json that depends on hexo', strength: 'strong' };
  },

  settings(root, config) {
    // hexo/lib/hexo/default_config.ts
    const base = root ?? process.cwd();
    const sourceDir = path.resolve(base, str(config, 'source_dir') ?? 'source');
    const publicDir = path.resolve(base, str(config, 'public_dir') ?? 'public');
    return {
      timezone: str(config, 'timezone'),
      contentDir: sourceDir,
      skipDirs: [publicDir, path.join(base, 'themes'), path.join(base, 'scaffolds'), path.join(base, 'node_modules'), path.join(base, '.deploy_git')],
      exclude: list(config, 'exclude'),
      include: list(config, 'include'),
      skipRender: list(config, 'skip_render'),
      ignore: list(config, 'ignore'),
      renderDrafts: bool(config, 'render_drafts', false),
      permalink: str(config, 'permalink') ?? ':year/:month/:day/:title/',
      url: str(config, 'url') ?? 'http://example.com',
      raw: config,
    };
  },

  readFrontMatter: readHexoFrontMatter,
  ignores: hexoIgnores,
  bareUrls: hexoBareUrls,
  templates: hexoTemplates,
  dates: hexoDates,
  unpublished: hexoUnpublished,
};

/** Whether a package.json lists `name` in its dependencies or devDependencies. */
export async function dependsOn(packageJson: string, name: string): Promise<boolean> {
  try {
    const pkg = JSON.parse((await readFile(packageJson, 'utf8')).replace(/^\uFEFF/, ''));
    return Boolean(pkg?.dependencies?.[name] ?? pkg?.devDependencies?.[name]);
  } catch {
    return false;
  }
}
