// ESLint's JSON shape: an array of results with their messages and counts, written one result at a time.
// JSON.stringify escapes every C0 control character and lone surrogate, so the output is valid JSON whatever the
// content holds; DEL, C1 controls, line/paragraph separators and bidirectional controls are escaped too (they
// are legal in JSON strings, but would still reach a terminal raw).

import type { FileResult } from '../api.js';
import type { Formatter } from './index.js';

const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const json: Formatter = () => {
  let first = true;
  return {
    file(r) {
      const text = `${first ? '[' : ','}${toJson(r)}`;
      first = false;
      return text;
    },
    end: () => (first ? '[]' : ']'),
  };
};

function toJson(r: FileResult): string {
  const out: Record<string, unknown> = {
    filePath: r.filePath,
    messages: r.messages,
    ...(r.suppressedMessages?.length ? { suppressedMessages: r.suppressedMessages } : {}),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
  };
  if (r.output !== undefined) out.output = r.output;
  if (r.renamedTo !== undefined) out.renamedTo = r.renamedTo;
  return JSON.stringify(out).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
