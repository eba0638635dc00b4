// Which site a post belongs to: found from the files upward of it, once per folder. A config file that
// names the generator (Hexo's _config.yml with a package.json depending on hexo, Jekyll's _config.yml with
// a Gemfile naming jekyll, Hugo's hugo.toml) beats a layout that only suggests one (Jekyll's dated _posts),
// whichever is nearer; newslint's own `generator` setting beats both; Hexo when nothing says otherwise.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readSiteConfig } from './config-file.js';
import { DEFAULT_GENERATOR, GENERATORS, makeSite, siteWithoutRoot } from './index.js';
import type { Generator, GeneratorName, Site, SiteMarker, SiteOverrides } from './types.js';

export interface SiteFinderOptions {
  /** newslint's `generator` setting: the generator, whatever the files say. */
  generator?: GeneratorName;
  /** newslint's `site` setting: applied over the site's own config. */
  overrides?: SiteOverrides;
}

interface Found {
  generator: Generator;
  dir: string;
  marker: SiteMarker;
}

export class SiteFinder {
  private readonly byDir = new Map<string, Promise<Site>>();
  private readonly byRoot = new Map<string, Promise<Site>>();
  private readonly markers = new Map<string, Promise<Found[]>>();

  constructor(private readonly options: SiteFinderOptions = {}) {}

  /** The site of a file. */
  forFile(file: string): Promise<Site> {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  /** The site of a folder (the folder itself may be the root). */
  forDir(dir: string): Promise<Site> {
    const abs = path.resolve(dir);
    let site = this.byDir.get(abs);
    if (!site) this.byDir.set(abs, (site = this.find(abs)));
    return site;
  }

  private async find(dir: string): Promise<Site> {
    const wanted = this.options.generator;
    let weak: Found | undefined;
    for (let d = dir; ; d = path.dirname(d)) {
      for (const found of await this.markersIn(d)) {
        if (wanted && found.generator.name !== wanted) continue;
        if (found.marker.strength === 'strong') return this.load(found);
        weak ??= found;
      }
      if (path.dirname(d) === d) break;
    }
    if (weak) return this.load(weak);
    const name = wanted ?? DEFAULT_GENERATOR;
    return siteWithoutRoot(name, this.options.overrides, wanted ? 'generator in the newslint config' : 'the default (no site config found)');
  }

  private markersIn(dir: string): Promise<Found[]> {
    let found = this.markers.get(dir);
    if (!found) {
      found = (async () => {
        const names = await readdir(dir).catch(() => [] as string[]);
        if (!names.length) return [];
        const entries = new Set(names);
        const out: Found[] = [];
        for (const generator of Object.values(GENERATORS)) {
          const marker = await generator.detect(dir, entries);
          if (marker) out.push({ generator, dir, marker });
        }
        return out;
      })();
      this.markers.set(dir, found);
    }
    return found;
  }

  private load({ generator, dir, marker }: Found): Promise<Site> {
    const key = `${generator.name}\0${dir}`;
    let site = this.byRoot.get(key);
    if (!site) {
      site = (async () => {
        const config = marker.configFile ? await readSiteConfig(marker.configFile) : {};
        const reason = this.options.generator ? `generator in the newslint config; ${marker.reason}` : marker.reason;
        return makeSite(generator, dir, marker.configFile, reason, generator.settings(dir, config), this.options.overrides ?? {});
      })();
      this.byRoot.set(key, site);
    }
    return site;
  }
}
