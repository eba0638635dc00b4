// What newslint knows about a site generator: the shapes every generator module (hexo/, jekyll/, hugo/)
// fills in. Rules never test a generator by name for behaviour; they ask the post's Generator.

import type { FileFacts, Range } from '../types.js';

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
   * fail on the post (drop it, or fail the build). `settings` are the site's, where they change the outcome.
   */
  readFrontMatter(text: string, settings?: Readonly<SiteSettings>): LoadedFrontMatter | null;
  /** Whether the generator never reads this file at all (its site's ignore/exclude settings): not walked. */
  ignores(file: string, site: Site): boolean;
  /**
   * Bare URLs (no `<…>`, no `[…](…)`) that the generator's Markdown renderer publishes as links, in a run of a
   * post's Markdown text: each from its scheme or `www.` to the furthest character the link can take, trailing
   * punctuation the renderer may trim included. A fix inside one changes the published link. Empty when the
   * renderer links no bare URLs. Linear-time: `text` is untrusted.
   */
  bareUrls(text: string): Range[];
  /** The template syntax this generator reads in a post's body, and what it does with each piece (templates.ts). */
  readonly templates: TemplateSyntax;
  /** How the generator reads and publishes front-matter dates (./<generator>/dates.ts). */
  readonly dates: DateModel;
  /**
   * Why this generator never publishes the file (files.ts: which files it skips by name and where, and which
   * it drops while building), or null when it publishes it, or when the file is none of its posts.
   */
  unpublished(file: PostFile, site: Site): Unpublished | null;
}

/**
 * What a generator takes for template syntax in a post: Hexo runs Nunjucks over it, Jekyll Liquid, Hugo only
 * its shortcodes. `scan` finds every piece the engine would read, intended or not, as data for rules.
 */
export interface TemplateSyntax {
  /** How an author keeps text from the engine, as a message says it: "wrap it in {% raw %}…{% endraw %}". */
  readonly keepLiteral: string;
  /** Every piece of template syntax in `text` from `from` on, in order, as the generator's engine reads the post. */
  scan(text: string, from: number, context: TemplateContext): TemplateUse[];
}

/** What a scan may know beyond the text. */
export interface TemplateContext {
  /** The post's front matter as the generator loaded it (Hexo's `disableNunjucks`, Jekyll's `render_with_liquid`), or null. */
  readonly data: Record<string, unknown> | null;
  readonly settings: Readonly<SiteSettings>;
  readonly format: 'markdown' | 'html';
  /** Code as Markdown and HTML read the text (Markdown code spans and blocks, `<code>` elements), sorted by start. */
  readonly code: readonly Range[];
  /** Tag names a site's plugins register, beyond the generator's own. */
  readonly tags: readonly string[];
}

/** One piece of template syntax: a variable, a tag, a comment or a shortcode. */
export interface TemplateUse {
  /**
   * From its first `{` to the end of its closer (`}}`, `%}`, `#}`, `>}}`); a block tag's opening or closing tag
   * alone; the opener alone when it is never closed. A Nunjucks `#}` with no comment to close is a use too.
   */
  range: Range;
  kind: 'variable' | 'tag' | 'comment' | 'shortcode';
  /**
   * Written for the generator: a tag it (or the `tags` context) registers, with its end tag; a Liquid variable
   * the site or the post defines; a shortcode. Otherwise text the engine takes by accident.
   */
  intentional: boolean;
  /** For an accidental use: the page shows something else in its place (`swallowed`), or the build stops (`fails`). */
  effect?: 'swallowed' | 'fails';
  /** For an accidental use, what the engine takes it for, completing "Hexo reads "{{ x }}" as …": "a Nunjucks variable". */
  reads?: string;
  /**
   * For an accidental use, what follows: for `swallowed` what the page shows ("its value (nothing when
   * undefined) instead of the text"), for `fails` the engine's error ("unknown block tag: foo").
   */
  outcome?: string;
  /**
   * For an accidental use: the offsets of the braces to write as `&#123;` / `&#125;` so that the engine sees
   * plain text, which the page then shows as written. Null where the page would show the entity itself (in
   * the body of a code tag such as `{% codeblock %}`): see `inCode`.
   */
  escape?: number[] | null;
  /** The code tag whose body holds the use ("{% codeblock %}"), when `escape` is null. */
  inCode?: string;
}

/** A front-matter date value as written. */
export interface DateSource {
  /** The value's source text, quotes included; '' for an empty value (`date:`). */
  source: string;
  /** How the front matter is read: YAML, or JSON (Hexo's `;;;`, Hugo's `{…}`). */
  language: 'yaml' | 'json';
}

export type DateReading =
  /**
   * The generator publishes this instant (ms since 1970, UTC) on this machine. `canonical`: the value is in
   * a form the generator documents and means the instant it publishes, on any build machine. `floating`:
   * the generator reads it as wall-clock time in the build machine's zone (the site sets no timezone), so
   * what it publishes moves with the machine, as every zone-less date of that site does. `why`: how the
   * generator comes to the instant, for when it is not the one written.
   */
  | { kind: 'instant'; ms: number; canonical: boolean; floating?: boolean; why?: string }
  /** The generator cannot read it and dates the post as its `fallback` says. */
  | { kind: 'unreadable' }
  /** The generator cannot read it and stops the build. */
  | { kind: 'fatal'; why: string }
  /** newslint does not know what the generator makes of it. */
  | { kind: 'unknown' };

/** What a date model may know about the post beyond one value. */
export interface DatePost {
  filePath: string;
  file: FileFacts | null;
  settings: Readonly<SiteSettings>;
  /** The site's timezone, or the one newslint's config gives instead. */
  timezone: string | undefined;
  /** Another top-level front-matter value (the last one with that key), or null when absent. */
  value(key: string): DateSource | null;
}

/** What the generator dates a post by when a date key is missing or unreadable. */
export interface DateFallback {
  /**
   * 'post': something in the post itself (its file name, another key) that stays put; 'file': a file time,
   * which any write moves; 'build': the time of the build; 'zero': Hugo's zero date; 'none': no date at
   * all, and nothing needs one; 'unknown': newslint cannot tell.
   */
  kind: 'post' | 'file' | 'build' | 'zero' | 'none' | 'unknown';
  /** As messages say it: "the file's creation time". */
  what: string;
  /** The instant, when newslint knows it. */
  ms: number | null;
  /** The instant is wall-clock time on the build machine (see DateReading). */
  floating?: boolean;
}

/** Writing dates: ISO 8601 (`T`), or the generator's own documented form. */
export type DateStyle = 'iso' | 'generator';

export interface DateModel {
  /** The front-matter keys the generator reads as dates, the post's own date first. */
  readonly keys: readonly string[];
  /** A key as the generator compares keys (Hugo ignores case). */
  foldKey(key: string): string;
  /** The zone in which the generator reads a date that names none: the site's timezone, or its default. */
  zone(timezone: string | undefined): string;
  /** What the generator publishes for a value of `key`, on this machine. */
  read(value: DateSource, key: string, timezone: string | undefined): DateReading;
  /**
   * Values (scalars' text, unquoted) that the generator reads as `ms`, best first. `dateOnly`: a date
   * without time may stand for the instant. `floating`: write wall-clock time in the build machine's zone
   * (for a value the generator read so), else a form that means `ms` on any machine. The caller quotes each
   * as the front matter needs and keeps the first that `read` gives back as `ms`, canonical.
   */
  write(ms: number, timezone: string | undefined, style: DateStyle, dateOnly: boolean, floating: boolean): string[];
  /** How the generator dates the post when `key` is missing or unreadable. */
  fallback(key: string, post: DatePost): DateFallback;
}

export interface LoadedFrontMatter {
  block: FrontMatterBlock;
  /** The data as the generator loads it (js-yaml's values for Hexo: a YAML timestamp is a Date). */
  data: Record<string, unknown>;
  /**
   * Set when the generator finds the block but cannot load it and still publishes the post, without the
   * block's data (Jekyll): why, and where. `data` is then empty.
   */
  unreadable?: { reason: string; offset: number };
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
