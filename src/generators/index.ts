// The generator room: what Hexo, Jekyll and Hugo do with a post. Rules ask the post's site
// (article.site.generator, article.site.settings); nothing outside this folder knows a generator by name.

import path from 'node:path';
import { hexo } from './hexo/index.js';
import { jekyll } from './jekyll/index.js';
import { hugo } from './hugo/index.js';
import type { Generator, GeneratorName, Site, SiteOverrides, SiteSettings } from './types.js';

export type { FrontMatterBlock, Generator, GeneratorName, LoadedFrontMatter, PostFile, Site, SiteOverrides, SiteSettings, Unpublished } from './types.js';
export { GENERATOR_NAMES } from './types.js';

/** In the order detection tries them when one folder looks like several. */
export const GENERATORS: Readonly<Record<GeneratorName, Generator>> = Object.freeze({ hexo, jekyll, hugo });

/** The generator assumed when nothing says otherwise. */
export const DEFAULT_GENERATOR: GeneratorName = 'hexo';

/** A site with no root: the generator's defaults, plus overrides. What lintText and rule tests use. */
export function siteWithoutRoot(name: GeneratorName = DEFAULT_GENERATOR, overrides: SiteOverrides = {}, reason = 'the default'): Site {
  const generator = GENERATORS[name];
  return makeSite(generator, null, null, reason, generator.settings(null, {}), overrides);
}

export function makeSite(generator: Generator, root: string | null, configFile: string | null, reason: string, settings: SiteSettings, overrides: SiteOverrides): Site {
  const merged: SiteSettings = { ...settings };
  for (const [key, value] of Object.entries(overrides) as [keyof SiteOverrides, unknown][]) {
    if (value === undefined) continue;
    if (key === 'contentDir') merged.contentDir = path.resolve(root ?? process.cwd(), value as string);
    else (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return Object.freeze({ generator, root, configFile, reason, settings: Object.freeze(merged) });
}
