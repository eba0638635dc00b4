// example/no-nbsp-run: a run of non-breaking spaces in a post's body, as scrapers copy them from a page laid
// out with `&nbsp;&nbsp;&nbsp;`, becomes one ordinary space. Code (Markdown code, <pre>, <code>…) is left alone.

// A non-breaking space as the character U+00A0 or as an HTML reference: &nbsp; &#160; &#xA0;
const NBSP = String.raw`(?:\u00a0|&nbsp;|&#160;|&#x0*a0;)`;
// A run: two or more of them, maybe with ordinary spaces between
const RUN = String.raw`${NBSP}(?:[ \t]*${NBSP})+`;

export default {
  meta: {
    id: 'no-nbsp-run',
    description: 'A run of non-breaking spaces in the body should be one space',
    fixable: true,
    severity: 'warn',
    docs: 'https://github.com/newslint/newslint/tree/main/examples/newslint-plugin-example#no-nbsp-run',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // the shortest run reported: 2 reports `&nbsp;&nbsp;`, 3 lets it pass
        min: { type: 'integer', minimum: 2, default: 2 },
      },
    },
    messages: {
      run: 'A run of {{count}} non-breaking spaces: write one space',
    },
  },
  check({ article, options, report }) {
    const run = new RegExp(RUN, 'gi'); // made per call: a rule keeps no state between calls
    run.lastIndex = article.bodyStart;
    for (let m = run.exec(article.text); m; m = run.exec(article.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (article.isLiteral(start)) continue;
      const count = m[0].match(new RegExp(NBSP, 'gi')).length;
      if (count < options.min) continue;
      report({
        messageId: 'run',
        data: { count },
        range: [start, end],
        fix: (fixer) => fixer.replaceTextRange([start, end], ' '),
      });
    }
  },
};
