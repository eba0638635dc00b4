// What a lint result was computed from, as linting a file reports it to the cache: the bytes (their digest,
// size and times), the site they were read in, and whether the rules looked at the file's times. Plain data,
// so that it crosses a worker boundary; the cache takes it off the result before anyone sees it.

import type { Site } from '../generators/index.js';
import type { FileFacts, LintMessage, SuppressedMessage } from '../types.js';
import { siteKey } from './key.js';

export interface Basis {
  /** SHA-256 of the bytes the messages describe. */
  digest: string;
  size: number;
  /** Modification and creation times of the file that held exactly those bytes (ms; birthtime null when unknown). */
  mtime: number;
  birthtime: number | null;
  /** When the bytes were read or written (ms): an mtime this recent may not move on an edit that follows at once. */
  seenAt: number;
  /** The rules read the file's times (a missing date falls back to them): a replay needs the same times. */
  timesUsed: boolean;
  /** siteKey() of the site the text was read in. */
  site: string;
  /** The file was renamed: its entry belongs to the new path, with the messages linting it there gives. */
  moved?: { path: string; messages: LintMessage[]; suppressedMessages: SuppressedMessage[] };
}

/** File facts that remember whether anyone read them. */
export function watchFacts(facts: FileFacts): { facts: FileFacts; used: () => boolean } {
  let used = false;
  const watched: FileFacts = Object.freeze({
    get size() {
      used = true;
      return facts.size;
    },
    get mtime() {
      used = true;
      return facts.mtime;
    },
    get birthtime() {
      used = true;
      return facts.birthtime;
    },
  });
  return { facts: watched, used: () => used };
}

/** The basis of messages that describe the bytes with this digest, held by a file with these facts. */
export function basisOf(digest: string, facts: FileFacts, site: Site, timesUsed: boolean): Basis {
  return {
    digest,
    size: facts.size,
    mtime: facts.mtime.getTime(),
    birthtime: facts.birthtime?.getTime() ?? null,
    seenAt: Date.now(),
    timesUsed,
    site: siteKey(site),
  };
}
