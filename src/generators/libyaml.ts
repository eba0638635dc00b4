// Jekyll (Ruby's Psych) and Hugo (Go's yaml.v2) read YAML with libyaml or a port of it; newslint reads it with
// js-yaml and the reader's own scalar rules (a js-yaml schema). This is how their parsers differ in what
// they read, beyond the scalars:
//
// - Only the first document is read (Psych.parse returns at its end; yaml.Unmarshal decodes one): a later
//   `--- x` or `... x` line and everything after it is never parsed.
// - libyaml ends the document as soon as the root node is complete: a line that cannot continue it (a key
//   less indented than the first one) ends the data silently, where js-yaml reports an error.
// - A repeated key replaces the earlier one (js-yaml's `json` mode).
//
// Known difference, left as it is: libyaml refuses a tab where a line's content would start in block context
// ("found character that cannot start any token"); js-yaml reads past it. The differential tests in
// test/generators/ list it.

import yaml from 'js-yaml';

const NEXT_DOCUMENT = /\n(?:---|\.\.\.)(?=[ \t\r\n]|$)/;
const ROOT_ENDED = 'end of the stream or a document separator is expected';

/**
 * Loads `source` as libyaml-based readers do, with `schema` for the scalars. Throws js-yaml's errors, and
 * the schema's. `listener`, when given, makes a js-yaml event listener for each parse attempt.
 */
export function loadLikeLibyaml(source: string, schema: yaml.Schema, listener?: () => yaml.LoadOptions['listener']): unknown {
  // the first line may itself be a `---` document marker (Jekyll parses its opening fence)
  const next = NEXT_DOCUMENT.exec(source.slice(3));
  let text = next ? source.slice(0, next.index + 4) : source;
  for (let attempt = 0; ; attempt++) {
    try {
      return yaml.load(text, { schema, json: true, listener: listener?.() });
    } catch (err) {
      const e = err as yaml.YAMLException;
      if (attempt > 1 || !(e instanceof yaml.YAMLException) || e.reason !== ROOT_ENDED || !e.mark) throw err;
      text = text.slice(0, e.mark.position);
    }
  }
}

/**
 * A js-yaml schema for a libyaml-based reader: every plain scalar read with `plain` (its own resolution
 * rules), merge keys (`<<`), quoted scalars as strings, `explicit` tags, and any other tag tolerated (a
 * scalar read as if untagged, a collection as it is) instead of refused as js-yaml does.
 */
export function libyamlSchema(plain: (s: string) => unknown, explicit: yaml.Type[] = []): yaml.Schema {
  const merge = new yaml.Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: string | null) => data === '<<' });
  const plainScalar = new yaml.Type('tag:yaml.org,2002:plain', {
    kind: 'scalar',
    resolve: () => true,
    construct: (data: string | null) => (data === null ? null : plain(data)),
  });
  const unknown = ['tag:', '!'].flatMap((prefix) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) =>
        new yaml.Type(prefix, {
          kind,
          multi: true,
          construct: (data: unknown) => (kind === 'scalar' ? plain(String(data ?? '')) : data ?? (kind === 'sequence' ? [] : {})),
        }),
    ),
  );
  return yaml.FAILSAFE_SCHEMA.extend({ implicit: [merge, plainScalar], explicit: [...explicit, ...unknown] });
}
