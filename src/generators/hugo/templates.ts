// Template syntax in a Hugo post, as Hugo 0.111.3 reads it (parser/pageparser/pagelexer.go,
// pagelexer_shortcode.go), checked against real `hugo` builds in test/generators/templates-hugo.test.ts:
// content is not a template. `{{ x }}`, `{% x %}` and `{# x #}` are published as written; only shortcodes
// are read, everywhere in the body (code blocks and <script> included): `{{< name … >}}`, `{{% name … %}}`,
// their closing `{{< /name >}}`, and `{{</* … */>}}`, which Hugo publishes as `{{< … >}}`. A shortcode is
// written on purpose: Hugo's content has no other way to get one.

import type { TemplateSyntax, TemplateUse } from '../types.js';

export const hugoTemplates: TemplateSyntax = {
  keepLiteral: 'write each shortcode in it as {{</* name */>}}',
  scan(text, from) {
    const uses: TemplateUse[] = [];
    // Past the last closer nothing closes a shortcode (keeps hostile input linear).
    const last = { '<': text.lastIndexOf('>}}'), '%': text.lastIndexOf('%}}') };
    for (let k = text.indexOf('{{', from); k !== -1; k = text.indexOf('{{', k)) {
      const mark = text[k + 2];
      if (mark !== '<' && mark !== '%') {
        k += 2;
        continue;
      }
      const comment = text.startsWith('/*', k + 3);
      const closer = `${comment ? '*/' : ''}${mark === '<' ? '>' : '%'}}}`;
      const at = k + 3 <= last[mark] ? text.indexOf(closer, k + 3) : -1;
      const end = at === -1 ? k + 3 : at + closer.length;
      uses.push({ range: [k, end], kind: 'shortcode', intentional: true });
      k = end;
    }
    return uses;
  },
};
