// Which posts Jekyll 4.3.1 (Debian's package) does not publish, and why: checked against its source
// (lib/jekyll/reader.rb, readers/post_reader.rb, entry_filter.rb, document.rb) and real builds in
// test/generators/jekyll-files.test.ts.
//
// - reader.rb read_directories walks the source folder, filtering each folder's entries with EntryFilter:
//   names starting with ".", "_", "#" or "~", ending with "~" or "." are skipped unless `include`d, and
//   `exclude`d ones are skipped; it reads the `_posts` (and, with show_drafts, `_drafts`) folder of every
//   folder it enters (only below `collections_dir` when that is set).
// - post_reader.rb lists `_posts` with Dir["**/*"], which never lists hidden (dot) files or folders, filters
//   each entry (its path below `_posts`) the same way (its first segment or its name special, its path
//   excluded) and keeps only those matching document.rb DATE_FILENAME_MATCHER: YYYY-MM-DD-title.ext.
// - document.rb populate_title parses that date when the front matter has none (utils.rb parse_date:
//   Time.parse), and a month outside 1–12 or a day outside 1–31 raises "Invalid date": the whole build stops.
//   Days 29–31 that a month lacks roll over (2021-02-30 is March 2nd).
// Not reported: posts dated in the future (skipped unless `future: true`) and `published: false`. Both are
// choices in the post's front matter, not accidents of its name, and a future post appears once its date
// has passed.

import path from 'node:path';
import { quote } from '../../util/quote.js';
import { publishableName, segmentsBelow, type DropProblem } from '../post-files.js';
import { globInclude, joinPath } from './glob.js';
import type { PostFile, Site, SiteSettings, Unpublished } from '../types.js';

/** A post's file name: YYYY-MM-DD-title.ext (document.rb DATE_FILENAME_MATCHER, on the name). */
export const DATED_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/;
/** A draft's: anything with an extension (DATELESS_FILENAME_MATCHER). */
const DATELESS_NAME = /^(.*)(\.[^.]+)$/;
/** entry_filter.rb SPECIAL_LEADING_CHAR_REGEX. */
const SPECIAL = /^[._#~]/;

interface Place {
  /** The source folder, when the site is known; null without one (nothing above the posts folder is checked). */
  source: string | null;
  /** Folders between the source folder and the posts folder. */
  above: string[];
  folder: '_posts' | '_drafts';
  /** Path segments below the posts folder: folders, then the name. */
  inside: string[];
}

export function jekyllUnpublished(file: PostFile, site: Site): Unpublished | null {
  const place = locate(file.path, site);
  if (!place) return null;
  const problem = problemOf(place, file, site.settings);
  if (!problem) return null;
  return { effect: problem.effect, reason: problem.reason, rename: rename(place, file, site.settings, problem), advice: problem.advice };
}

function rename(place: Place, file: PostFile, settings: SiteSettings, first: DropProblem): string | null {
  const folders = place.inside.slice(0, -1);
  return publishableName(place.inside[place.inside.length - 1], first, (name) => problemOf({ ...place, inside: [...folders, name] }, file, settings));
}

function locate(file: string, site: Site): Place | null {
  const known = site.root !== null;
  const segments = known ? segmentsBelow(site.settings.contentDir, file) : file.split(path.sep);
  if (!segments) return null;
  let at = -1;
  for (let i = segments.length - 2; i >= 0 && at === -1; i--) if (segments[i] === '_posts' || segments[i] === '_drafts') at = i;
  if (at === -1) return null;
  return {
    source: known ? site.settings.contentDir : null,
    above: known ? segments.slice(0, at) : [],
    folder: segments[at] as Place['folder'],
    inside: segments.slice(at + 1),
  };
}

function problemOf(place: Place, file: PostFile, settings: SiteSettings): DropProblem | null {
  const { source, above, folder, inside } = place;
  const name = inside[inside.length - 1];
  if (source !== null) {
    const collections = typeof settings.raw.collections_dir === 'string' ? settings.raw.collections_dir : '';
    if (collections && !`/${above.join('/')}`.startsWith(`/${collections}`)) {
      return {
        effect: 'dropped',
        reason: `collections_dir is ${quote(collections)}, and Jekyll reads posts only below it`,
        advice: `move it to ${quote(`${collections}/${folder}/`)}`,
      };
    }
    for (let i = 0; i < above.length; i++) {
      const skip = skipped(settings, source, above[i], `/${above.slice(0, i + 1).join('/')}`, true);
      if (skip) {
        return {
          effect: 'dropped',
          reason: `the folder ${quote(above[i])} ${skip.excluded ? `matches exclude ${quote(skip.excluded)}` : specialWhy(above[i])}, so Jekyll never reads the posts in it`,
          advice: skip.excluded ? 'change exclude in _config.yml' : `rename the folder ${quote(above[i])}`,
        };
      }
    }
  }
  // Dir["**/*"] does not list dot-files, nor anything in a dot-folder
  const dot = inside.findIndex((s) => s.startsWith('.'));
  if (dot !== -1) {
    const isName = dot === inside.length - 1;
    return {
      effect: 'dropped',
      reason: `${isName ? 'the name' : 'the folder'} ${quote(inside[dot])} starts with ".": Jekyll does not list hidden files in ${folder}/`,
      fix: isName ? stripSpecial : undefined,
      advice: isName ? 'rename it' : `rename the folder ${quote(inside[dot])}`,
    };
  }
  const entry = inside.join('/');
  const skip = source === null ? (isSpecial(entry) ? {} : null) : skipped(settings, source, entry, joinPath(`/${[...above, folder].join('/')}`, entry), false);
  if (skip?.excluded) return { effect: 'dropped', reason: `its path matches exclude ${quote(skip.excluded)}`, advice: 'change exclude in _config.yml' };
  if (skip) {
    // the entry's first segment is a folder when it has more than one
    const isName = inside.length === 1 || !SPECIAL.test(entry);
    const part = isName ? name : inside[0];
    return {
      effect: 'dropped',
      reason: `${isName ? 'the name' : 'the folder'} ${quote(part)} ${specialWhy(part)}`,
      fix: isName ? stripSpecial : undefined,
      advice: isName ? 'rename it' : `rename the folder ${quote(part)}`,
    };
  }
  if (folder === '_drafts') {
    return DATELESS_NAME.test(name) ? null : { effect: 'dropped', reason: `the name ${quote(name)} has no extension, and Jekyll reads only drafts that have one`, advice: 'give it an extension (.md)' };
  }
  const dated = DATED_NAME.exec(name);
  if (!dated) {
    const date = frontMatterDate(file);
    return {
      effect: 'dropped',
      reason: `the name ${quote(name)} does not start with a date: Jekyll publishes only posts named YYYY-MM-DD-title.ext`,
      fix: date ? (n) => (DATED_NAME.test(`${date}-${n}`) ? `${date}-${n}` : null) : undefined,
      advice: 'start its name with its date (YYYY-MM-DD-)',
    };
  }
  if (!hasDate(file.data)) {
    const wrong = invalidDate(dated[1]);
    if (wrong) {
      return {
        effect: 'site-fails',
        reason: `the date ${quote(dated[1])} in its name has ${wrong}: Jekyll stops the whole build ("Invalid date … does not have a valid date in the filename")`,
        advice: 'correct the date in its name, or give it a date in its front matter',
      };
    }
  }
  return null;
}

/**
 * EntryFilter#filter on one entry: null when Jekyll keeps it; `excluded` (the pattern) when `exclude` drops
 * it; `{}` when its name does (special, a backup, or ending with "."). `entry` is the name, or the path below
 * the folder being listed; `fromSource` its path from the source folder, which `exclude` is matched against.
 */
function skipped(settings: SiteSettings, source: string, entry: string, fromSource: string, isDir: boolean): { excluded?: string } | null {
  if (entry.endsWith('.')) return {}; // before include: not even an included name ending with "." is kept
  const include = settings.include;
  const included = globInclude(include, source, entry, isDir) ?? globInclude(include, source, entry.slice(entry.lastIndexOf('/') + 1), isDir);
  const excluded = globInclude(settings.exclude.filter((p) => !include.includes(p)), source, fromSource, isDir);
  if (excluded && !included) return { excluded };
  if (included) return null;
  return isSpecial(entry) ? {} : null;
}

/** entry_filter.rb special? or backup? (or a name ending with "."): the path or its last segment starts with . _ # ~, or it ends with ~ or a dot. */
function isSpecial(entry: string): boolean {
  return SPECIAL.test(entry) || SPECIAL.test(entry.slice(entry.lastIndexOf('/') + 1)) || entry.endsWith('~') || entry.endsWith('.');
}

function specialWhy(part: string): string {
  if (SPECIAL.test(part)) return `starts with "${part[0]}": Jekyll skips names starting with ".", "_", "#" or "~"`;
  if (part.endsWith('.')) return 'ends with ".": Jekyll skips it as it skips "." and ".."';
  return 'ends with "~": Jekyll skips backup files';
}

function stripSpecial(name: string): string {
  return name.replace(/^[._#~]+/, '').replace(/[~.]+$/, '');
}

/** document.rb modify_date: the name's date is only parsed when the front matter's is missing (nil or false). */
function hasDate(data: Readonly<Record<string, unknown>>): boolean {
  return data.date !== undefined && data.date !== null && data.date !== false;
}

/**
 * What Time.parse refuses in a name's date, or null: Date._parse reads YYYY-M-D (a two-digit year is 19xx
 * or 20xx) and Time.local takes a month 1–12 and a day 1–31 (checked with ruby in the tests).
 */
function invalidDate(date: string): string | null {
  const [, month, day] = date.split('-').map(Number);
  if (month < 1 || month > 12) return `no month ${month}`;
  if (day < 1 || day > 31) return `no day ${day}`;
  return null;
}

/** The post's date as its front matter writes it (YYYY-MM-DD, zero-padded), for a name; null without one. */
function frontMatterDate(file: PostFile): string | null {
  const written = file.sources.date ?? (typeof file.data.date === 'string' ? file.data.date : '');
  const m = /^\s*["']?(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(written);
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return invalidDate(date) ? null : date;
}
