// ESLint's JSON shape: an array of results with their messages and counts. JSON.stringify escapes every
// control character and lone surrogate, so the output is valid JSON whatever the content holds.

import type { Formatter } from './index.js';

export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => {
      const out: Record<string, unknown> = {
        filePath: r.filePath,
        messages: r.messages,
        errorCount: r.errorCount,
        fatalErrorCount: r.fatalErrorCount,
        warningCount: r.warningCount,
        fixableErrorCount: r.fixableErrorCount,
        fixableWarningCount: r.fixableWarningCount,
      };
      if (r.output !== undefined) out.output = r.output;
      return out;
    }),
  );
