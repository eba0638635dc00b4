// SARIF 2.1.0 (OASIS), the format GitHub code scanning and other security dashboards upload: one run, whose
// tool.driver lists every loaded rule, and one result per problem, written as the results arrive (the run's
// head is written before the first result, its invocation after the last).
//
// Choices worth knowing:
// - Files are named relative to %SRCROOT% (the working directory, given in originalUriBaseIds), as
//   percent-encoded URI references; a file outside it gets its absolute file: URL.
// - partialFingerprints["newslint/v1"] identifies a problem across runs while lines move: a hash of the rule
//   id, the file's path, the message and the problem's index among identical ones in that file (suppressed
//   ones included), never the line. GitHub uses it to match alerts from one upload to the next.
// - A problem with no rule (a file that could not be read, decoded or parsed) is a result of the rule
//   "newslint/fatal", listed among the rules: GitHub shows results as alerts on the file, whereas
//   toolExecutionNotifications only reach the tool's status page, and an unparsable post is a problem the
//   user must see at the post. Internal errors (a rule crashed, a write failed) are results too, and are also
//   reported as notifications of an invocation whose executionSuccessful is false.
// - A fix is an artifactChange whose deletedRegion is charOffset/charLength: offsets in UTF-16 code units into
//   the decoded text without its BOM (what fix ranges are), which the region says in its properties. Rename
//   fixes have no SARIF shape and are left out.
// - columnKind is utf16CodeUnits: newslint's columns count UTF-16 code units, as ESLint's do.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintMessage, SeverityName, SuppressedMessage } from '../types.js';
import type { Formatter, FormatterRule } from './index.js';
import { safeJson, wellFormed } from './escape.js';
import { reportPath } from './words.js';
import { VERSION } from '../version.js';

export const FINGERPRINT_KEY = 'newslint/v1';
export const FATAL_RULE = 'newslint/fatal';
export const SRCROOT = '%SRCROOT%';
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/newslint/newslint';
const OFFSETS = 'UTF-16 code units into the decoded text, without its byte order mark';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<SeverityName, Level> = { error: 'error', warn: 'warning', off: 'note' };

export const sarif: Formatter = ({ cwd, rulesMeta }) => {
  const ids = [...Object.keys(rulesMeta).filter((id) => id !== FATAL_RULE), FATAL_RULE];
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const notifications: unknown[] = [];
  let first = true;
  let any = false; // whether a result was written
  const open = () => {
    if (!first) return '';
    first = false;
    const run = {
      tool: { driver: { name: 'newslint', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules: ids.map((id) => rule(id, rulesMeta[id])) } },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUrl(cwd) } },
      columnKind: 'utf16CodeUnits',
    };
    // the run's object is left open: its results follow, then its invocation
    return `{"version":"2.1.0","$schema":${safeJson(SCHEMA)},"runs":[${safeJson(run).slice(0, -1)},"results":[\n`;
  };
  return {
    file(r) {
      const head = open();
      const name = reportPath(cwd, r.filePath);
      const artifactLocation = path.isAbsolute(name) ? { uri: pathToFileURL(wellFormed(name)).href } : { uri: uriReference(name), uriBaseId: SRCROOT };
      const problems: (LintMessage | SuppressedMessage)[] = [...r.messages, ...(r.suppressedMessages ?? [])];
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
      const seen = new Map<string, number>();
      const results: string[] = [];
      for (const m of problems) {
        const ruleId = m.ruleId ?? FATAL_RULE;
        const same = JSON.stringify([ruleId, name, m.message]);
        const occurrence = seen.get(same) ?? 0;
        seen.set(same, occurrence + 1);
        const result: Record<string, unknown> = { ruleId };
        if (ruleIndex.has(ruleId)) result.ruleIndex = ruleIndex.get(ruleId);
        Object.assign(result, {
          level: m.severity === 2 ? 'error' : 'warning',
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation, region: region(m) } }],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(same, occurrence) },
        });
        if ('suppressions' in m && m.suppressions.length) {
          result.suppressions = m.suppressions.map((s) => ({
            kind: s.kind === 'directive' ? 'inSource' : 'external',
            ...(s.justification ? { justification: s.justification } : {}),
          }));
        }
        if (m.fix) {
          const [start, end] = m.fix.range;
          result.fixes = [{
            description: { text: 'newslint --fix' },
            artifactChanges: [{
              artifactLocation,
              replacements: [{ deletedRegion: { charOffset: start, charLength: end - start, properties: { offsets: OFFSETS } }, insertedContent: { text: m.fix.text } }],
            }],
          }];
        }
        if (m.internal) notifications.push({ level: 'error', message: { text: m.message }, locations: result.locations, ...(m.ruleId ? { associatedRule: { id: m.ruleId } } : {}) });
        results.push(safeJson(result));
      }
      if (!results.length) return head;
      const separator = any ? ',\n' : '';
      any = true;
      return `${head}${separator}${results.join(',\n')}`;
    },
    end() {
      const invocation = { executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications };
      return `${open()}\n],"invocations":[${safeJson(invocation)}]}]}\n`;
    },
  };
};

function rule(id: string, meta: FormatterRule | undefined) {
  if (id === FATAL_RULE) {
    return {
      id,
      shortDescription: { text: 'Every file can be read, decoded and parsed as its site generator reads it, and checked.' },
      defaultConfiguration: { level: 'error' },
    };
  }
  return {
    id,
    shortDescription: { text: meta?.description || id },
    ...(meta?.docs ? { helpUri: meta.docs } : {}),
    defaultConfiguration: { level: LEVEL[meta?.severity ?? 'warn'] },
    properties: { fixable: Boolean(meta?.fixable) },
  };
}

/** SARIF regions are 1-based with an exclusive end column, as newslint's messages are. */
function region(m: LintMessage) {
  const r: Record<string, number> = { startLine: Math.max(1, m.line), startColumn: Math.max(1, m.column) };
  if (m.endLine !== undefined && m.endColumn !== undefined && (m.endLine > r.startLine || (m.endLine === r.startLine && m.endColumn >= r.startColumn))) {
    r.endLine = m.endLine;
    r.endColumn = m.endColumn;
  }
  return r;
}

function fingerprint(same: string, occurrence: number): string {
  return createHash('sha256').update(`${same}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

/** A relative path with `/` separators as a URI reference: every segment percent-encoded (`:`, `#`, `%`, spaces…). */
function uriReference(relative: string): string {
  return relative.split('/').map((segment) => encodeURIComponent(wellFormed(segment))).join('/');
}

function directoryUrl(dir: string): string {
  const href = pathToFileURL(wellFormed(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
