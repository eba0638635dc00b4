// JUnit XML, as GitLab (artifacts:reports:junit) and Jenkins read it: one <testsuite> per file, named by its
// path; one failing <testcase> per problem ("rule-id line:col", classname the path); a clean file gets one
// passing testcase, so that no suite is empty. The <testsuites> root carries no totals: they would need every
// result before the first byte, and the readers named above add the suites up themselves.
//
// Content is untrusted and XML 1.0 cannot carry most C0 controls or lone surrogates, even as character
// references: those become a visible \uXXXX (controls) or U+FFFD (lone surrogates). Tab, CR and LF, and the
// characters a terminal would act on (DEL, C1, separators, bidi), are written as character references, so a
// parser gets them back exactly and the report's lines are its own.

import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { wellFormed } from './escape.js';
import { reportPath } from './words.js';

const XML_SPECIAL = /[<>&"']/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const AS_REFERENCE = /[\t\n\r\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text fit for an XML 1.0 attribute value or element content. */
export function xmlText(s: string): string {
  return wellFormed(s)
    .replace(NOT_IN_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(XML_SPECIAL, (c) => ENTITY[c])
    .replace(AS_REFERENCE, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

export const junit: Formatter = ({ cwd }) => {
  let first = true;
  const open = () => {
    if (!first) return '';
    first = false;
    return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="newslint">\n';
  };
  return {
    file(r) {
      const name = xmlText(reportPath(cwd, r.filePath));
      const problems = r.messages.length;
      // a file newslint could not read or parse is an <error> (the test could not run), not a <failure>
      const errors = r.messages.filter((m) => m.fatal).length;
      let out = `${open()}  <testsuite name="${name}" tests="${Math.max(problems, 1)}" failures="${problems - errors}" errors="${errors}">\n`;
      if (!problems) out += `    <testcase classname="${name}" name="newslint"/>\n`;
      for (const m of r.messages) out += testcase(name, m);
      return `${out}  </testsuite>\n`;
    },
    end: () => `${open()}</testsuites>\n`,
  };
};

/** One problem as a testcase: "rule-id line:col", failing with the message (an <error> when the file was not linted). */
function testcase(classname: string, m: LintMessage): string {
  const severity = m.severity === 2 ? 'error' : 'warning';
  const element = m.fatal ? 'error' : 'failure';
  const rule = m.ruleId ?? 'newslint';
  const detail = `${severity} at line ${m.line}, column ${m.column}: ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`;
  return (
    `    <testcase classname="${classname}" name="${xmlText(`${rule} ${m.line}:${m.column}`)}">` +
    `<${element} message="${xmlText(m.message)}" type="${severity}">${xmlText(detail)}</${element}></testcase>\n`
  );
}
