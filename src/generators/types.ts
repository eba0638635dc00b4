// What newslint knows about a site generator: the shapes every generator module (hexo/, jekyll/, hugo/)
// fills in. Rules never test a generator by name for behaviour; they ask the post's Generator.

import type { Range } from '../types.js';

export const GENERATOR_NAMES = ['hexo', 'jekyll', 'hugo'] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

/** A front-matter block as a generator finds it. All offsets are into the article's text. */
export interface FrontMatterBlock {
  /** How the generator parses what is inside: YAML, JSON (Hexo's `;;;` is JSON without its outer braces), TOML. */
  language: 'yaml' | 'json' | 'toml';
  /** From the opening fence (or the first character, for Hexo's fence-less form) to the end of the closing fence. */
  range: Range;
  /** The text the generator parses. */
  contentRange: Range;
  /** Hexo's `;;;` JSON: the generator parses `{` + content + `}`. */
  bracesAdded?: boolean;
  /** Where the body starts: what the generator renders begins here. */
  bodyStart: number;
}

/** What a site's own configuration says about how posts are read and published. Folders are absolute. */
export interface SiteSettings {
  /**
   * The IANA zone in which the generator reads dates without an offset (Hexo `timezone`, Jekyll
   * `timezone`, Hugo `timeZone`); undefined: the build machine's own zone (Hexo, Jekyll) or UTC (Hugo).
   */
  timezone?: string;
  /** Where the content lives: Hexo `source_dir`, Jekyll `source`, Hugo `contentDir`. */
  contentDir: string;
  /**
   * Folders that are never walked unless named on the command line: generated output (Hexo `public_dir`,
   * Jekyll `destination`, Hugo `publishDir` and `resources/`), themes, scaffolds, dependencies.
   */
  skipDirs: string[];
  /** The generator's own exclude / include lists (globs, as its config writes them). */
  exclude: string[];
  include: string[];
  /** Hexo `skip_render`, `ignore` (globs); empty elsewhere. */
  skipRender: string[];
  ignore: string[];
  /** Hexo `render_drafts`, Jekyll `show_drafts`, Hugo `buildDrafts`. */
  renderDrafts: boolean;
  /** The site's permalink pattern and URL, where the generator has them. */
  permalink?: string;
  url?: string;
  /** The whole site config as read (data only), for generator modules that need more. */
  raw: Record<string, unknown>;
}

/** The site a post belongs to: its generator, its root and its settings. Read-only; shared by every post of a site. */
export interface Site {
  readonly generator: Generator;
  /** The folder the site's config file is in, or null when no site was found (defaults apply). */
  readonly root: string | null;
  /** The site config file that was read, or null. */
  readonly configFile: string | null;
  /** Why this generator: e.g. "_config.yml with a package.json that depends on hexo", "generator in newslint.config.json", "the default". */
  readonly reason: string;
  readonly settings: Readonly<SiteSettings>;
}

/** Overrides from newslint's own config (its `site` key), applied over what the site config says. */
export interface SiteOverrides {
  timezone?: string;
  contentDir?: string;
  exclude?: string[];
  include?: string[];
  skipRender?: string[];
  ignore?: string[];
  renderDrafts?: boolean;
  permalink?: string;
  url?: string;
}

/** The files that mark a site root, as one generator reads them. */
export interface SiteMarker {
  /** The config file read for settings, or null. */
  configFile: string | null;
  /** Human-readable: which files made this folder a site of this generator. */
  reason: string;
  /** A config file names the generator (strong), or only the layout suggests it (weak, e.g. dated `_posts`). */
  strength: 'strong' | 'weak';
}

export interface Generator {
  readonly name: GeneratorName;
  /** As people write it: "Hexo". */
  readonly title: string;
  /** The versions whose source and real builds this module was checked against. */
  readonly checked: string;
  /**
   * Whether `dir` is the root of a site of this generator, judged from the names in it (`entries`) and,
   * where needed, the files' contents. Returns null when it is not.
   */
  detect(dir: string, entries: ReadonlySet<string>): Promise<SiteMarker | null>;
  /** Settings from the site's config file (already parsed as data), with the generator's defaults. */
  settings(root: string | null, config: Record<string, unknown>): SiteSettings;
  /**
   * Front matter exactly where this generator finds it, with the data it loads from it; null when it finds
   * none. Throws ArticleError, saying that the generator cannot read it either, when the generator would
   * fail on the post.
   */
  readFrontMatter(text: string): LoadedFrontMatter | null;
  /**
   * Why this generator never publishes the file (files.ts: which files it skips by name and where, and which
   * it drops while building), or null when it publishes it, or when the file is none of its posts.
   */
  unpublished(file: PostFile, site: Site): Unpublished | null;
}

/** A post file as the generator's file rules see it. */
export interface PostFile {
  /** The file's absolute path. */
  readonly path: string;
  /** The front matter as this generator loads it ({} when there is none). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The source text of top-level front-matter values by key (the last of a repeated key), e.g. a date as written. */
  readonly sources: Readonly<Record<string, string>>;
}

/** Why a generator does not publish a file. */
export interface Unpublished {
  /** `dropped`: the post alone is left out, silently or with a log line. `site-fails`: the whole build stops. */
  effect: 'dropped' | 'site-fails';
  /** Why, as a clause naming the part of the name (or setting) at fault: `the name "_a.md" starts with "_", …`. */
  reason: string;
  /**
   * A new name for the file, in its own folder, under which the generator publishes it (checked with the
   * same rules), or null when renaming the file alone does not do it.
   */
  rename: string | null;
  /** What the user can do instead, when `rename` is null. */
  advice: string;
}

export interface LoadedFrontMatter {
  block: FrontMatterBlock;
  /** The data as the generator loads it (js-yaml's values for Hexo: a YAML timestamp is a Date). */
  data: Record<string, unknown>;
}
