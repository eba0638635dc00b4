import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import { GENERATORS, makeSite, siteWithoutRoot } from '../../src/generators/index.js';
import rule from '../../rules/no-escaped-braces.js';
import { describeStableFixes, HTML_PIECES } from '../helpers/stable-fix.js';

const jekyll = siteWithoutRoot('jekyll');
const hugo = siteWithoutRoot('hugo');
const siteWith = (name: 'hexo' | 'jekyll', config: Record<string, unknown>) =>
  makeSite(GENERATORS[name], null, null, 'test', GENERATORS[name].settings(null, config), {});

RuleTester.run(rule, {
  valid: [
    '<style>.a{color:red}</style>',
    '<script>if (a) { b(); }</script>',
    '<p>a { b } c</p>',
    { code: '<p>"if (x) &#123;"，</p>', name: 'decoded in normal text: renders as {' },
    { code: '<pre><code class="copyable">class A &#123;\n&#125;</code></pre>', name: 'decoded in pre/code' },
    { code: '<textarea>&#123;</textarea>', name: 'decoded in textarea (RCDATA)' },
    { code: '<svg><style>.a&#123;fill:red&#125;</style></svg>', name: 'SVG <style> is not raw text: decoded' },
    { code: '<p>&#123;&#123; x &#125;&#125;</p>', name: 'already escaped template' },
    { code: '```\n{{ x }} {% y %}\n```\n', name: 'fenced code: Hexo hides it from Nunjucks' },
    { code: '~~~\n{# c #}\n~~~\n', name: 'tilde fence' },
    { code: 'Write `{{ name }}` here, or\n\n    {% indented %}\n', name: 'inline and indented code: Hexo hides them too' },
    { code: '<pre>{{ x }}</pre><code>{% y %}</code>', name: 'pre and code are literal regions' },
    { code: '<script>var t = "{{x}}";</script>', name: 'script content is a literal region' },
    { code: '{% raw %}{{ x }} {% y %}{% endraw %} and {%raw%}{#{%endraw%}', name: 'raw blocks' },
    { code: '{% raw %}{% raw %}{{ x }}{% endraw %}{{ y }}{% endraw %} {% verbatim %}{# z #}{% endverbatim %}', name: 'nested raw, verbatim' },
    { code: '---\ntitle: "{{ x }}"\n---\nbody\n', name: 'front matter is not rendered by Nunjucks' },
    { code: '```html\n<style>a&#123;b&#125;</style>\n```\n', name: 'a <style> in fenced code is not an element' },
    { code: '    <script>f() &#123; &#125;</script>\n', name: 'a <script> in indented code is not an element' },
    '<style>a&#123 b</style>',
    'a { {b} } { % c',
    { code: 'a {{ x b and {% y and {# z', name: 'Hexo: nothing whole, so Nunjucks does not run and publishes them as written' },
    { code: '<!-- {{ x }} {% foo %} #} --> text', name: 'Hexo: HTML comments are hidden from Nunjucks' },
    {
      code: "{% img /images/cat.png 'A cat' %} {% post_link hello-world %} {% asset_img a.png %} {% iframe https://example.com/v %}\n\n" +
        '{% codeblock lang:js %}\nconst a = 1;\n{% endcodeblock %}\n\n{% blockquote Someone %}\nq\n{% endblockquote %} {% quote %}q{% endquote %}\n\n' +
        '{% pullquote %}p{% endpullquote %} {%- link text /a/ -%} {% url_for x /a %}',
      name: "Hexo's own tags, with their end tags",
    },
    { code: '{% youtube dQw4w9WgXcQ %} {% note info %}n{% endnote %}', options: { tags: ['youtube', 'note'] }, name: 'tags the site registers' },
    { code: '---\ntitle: a\ndisableNunjucks: true\n---\n{{ x }} {% foo %} #}\n', name: 'Hexo: disableNunjucks in the front matter' },
    { code: '{{ x }} {% foo %}', site: siteWith('hexo', { marked: { disableNunjucks: true } }), name: "Hexo: marked.disableNunjucks in the site's config" },
    // Jekyll: the Liquid of real posts stays as written
    { code: '{% include blog_img.md src="/assets/a.png" alt="A screen" %}', site: jekyll, name: 'Jekyll: include' },
    { code: '[the first post]({% post_url 2020-01-01-welcome %}) and {% link _posts/2020-01-01-welcome.md %}', site: jekyll, name: 'Jekyll: post_url, link' },
    { code: '{% capture greeting %}Hello{% endcapture %}{{ greeting }} {% assign n = 3 %}{{ n | plus: 1 }}', site: jekyll, name: 'Jekyll: capture and assign define variables' },
    { code: '{{ x }}{% assign x = 1 %}', site: jekyll, name: 'Jekyll: a variable the post defines below its use' },
    { code: '<a href="{{ site.baseurl }}/about/">{{ page.title | escape }}</a> {{ layout.x }} {{ paginator.page }} {{ jekyll.version }} {{ content }}', site: jekyll, name: 'Jekyll: the payload roots' },
    { code: '<img src="{{ "/assets/logo.png" | relative_url }}"> {{ \'{{\' }} {{ 1 }} {{ (1..3) | join: "," }} {{ true }}', site: jekyll, name: 'Jekyll: literals' },
    { code: '{% for post in site.posts %}{{ post.title }} {{ forloop.index }}{% else %}none{% endfor %}', site: jekyll, name: 'Jekyll: for defines its variable and forloop' },
    { code: '{% if a %}1{% elsif b %}2{% else %}3{% endif %}{% unless c %}4{% endunless %}{% case d %}{% when 1 %}5{% else %}6{% endcase %}', site: jekyll, name: 'Jekyll: blocks with their middle and end tags' },
    { code: '{% tablerow i in (1..2) %}{{ tablerowloop.col }}{% endtablerow %}{% increment c %}{{ c }}{% cycle "a", "b" %}', site: jekyll, name: 'Jekyll: tablerow, increment, cycle' },
    { code: '{% highlight ruby %}\nputs 1\n{% endhighlight %}', site: jekyll, name: 'Jekyll: highlight' },
    { code: '{% raw %}{{ message }} {% foo %}{% endraw %} {%- raw -%}{{ y }}{% endraw -%}', site: jekyll, name: 'Jekyll: raw; an end tag with - after the name closes it' },
    { code: '{% comment %}{{ x }} {% foo %} {% endif %}{% endcomment %} {% # an inline comment %}', site: jekyll, name: 'Jekyll: comments ignore unknown tags' },
    { code: 'Kramdown ids {#setup} and {# c #} mean nothing to Liquid', site: jekyll },
    { code: '{% seo %} {% feed_meta %}', site: jekyll, options: { tags: ['seo', 'feed_meta'] }, name: 'Jekyll: tags the plugins register' },
    { code: '---\nrender_with_liquid: false\n---\n{{ message }} {% foo %}\n', site: jekyll, name: 'Jekyll: render_with_liquid: false' },
    { code: '```\n{{ message }}\n```\n', site: jekyll, name: 'Jekyll: code is a literal region (a gap: Liquid renders it)' },
    // Hugo: content is not a template
    { code: 'Vue writes {{ message }}, Jinja {% if x %}, comments {# c #} {{ x', site: hugo, name: 'Hugo: publishes them as written' },
    { code: 'A {{< figure src="/a.png" >}} {{% note %}}n{{% /note %}} {{</* figure */>}} {{< broken', site: hugo, name: 'Hugo: shortcodes are written on purpose' },
  ],
  invalid: [
    {
      name: '掘金 style full of escapes',
      code: '<div class="markdown-body"><style>.markdown-body&#123;word-break:break-word;color:#333&#125;.markdown-body h1&#123;font-size:30px&#125;</style><p>x</p></div>',
      errors: [{ messageId: 'rawText', line: 1, column: 49, endColumn: 136 }],
      output: '<div class="markdown-body"><style>.markdown-body{word-break:break-word;color:#333}.markdown-body h1{font-size:30px}</style><p>x</p></div>',
    },
    {
      name: 'every spelling, adjacent ones included',
      code: '<style>\n@media (x) &#x7B;a&#X7d;&#125;\nb&lbrace;c&rbrace;d&lcub;&rcub;e&#0123;&#00125;\n</style>',
      errors: [{ messageId: 'rawText', line: 2, column: 12 }],
      output: '<style>\n@media (x) {a}}\nb{c}d{}e{}\n</style>',
    },
    {
      code: '<script>function f() &#123; return 1; &#125;</script><xmp>&#123;</xmp>',
      errors: [
        { message: '2 escaped brace(s) like "&#123;" in <script> are not decoded there, so the script breaks; fix decodes them' },
        { messageId: 'rawText', column: 59 },
      ],
      output: '<script>function f() { return 1; }</script><xmp>{</xmp>',
    },
    {
      name: 'decoding would write template syntax: report only',
      code: '<script>var t = "&#123;&#123; name &#125;&#125;";</script>\n<style>a&#123;#x#&#125;</style>',
      errors: [
        {
          message: '4 escaped brace(s) like "&#123;" in <script> are not decoded there, so the script breaks; decoding them would write "{{ name }}", which Hexo reads as template syntax: wrap it in {% raw %}…{% endraw %} and decode them by hand',
          line: 1,
          column: 18,
        },
        { messageId: 'rawTextTemplate', line: 2, column: 9 },
      ],
      output: null,
    },
    {
      name: 'template syntax already there is not made by decoding',
      code: '<script>var t = "{{x}}"; if (a) &#123; b(); &#125;</script>',
      errors: [{ messageId: 'rawText', column: 33 }],
      output: '<script>var t = "{{x}}"; if (a) { b(); }</script>',
    },
    {
      name: 'decoding would write {{ where Nunjucks runs: report only',
      code: '<textarea>{% img a %}</textarea><style>&#123;{',
      errors: [{ messageId: 'rawTextTemplate', column: 40 }],
      output: null,
    },
    {
      name: 'a <style> left open at the end',
      code: 'x<style>a&#123;b&#125;',
      errors: [{ messageId: 'rawText', column: 10 }],
      output: 'x<style>a{b}',
    },
    {
      name: 'a <style> inside <pre> is still raw text',
      code: '<pre><style>a&#123;b&#125;</style></pre>',
      errors: 1,
      output: '<pre><style>a{b}</style></pre>',
    },
    {
      code: '<p>Vue: {{ message }} and {% if x %} and {# c #}</p>',
      errors: [
        {
          message: 'Hexo reads "{{ message }}" as a Nunjucks variable: the page shows its value (nothing when undefined) instead of the text; fix writes "&#123;{ message }}"',
          column: 9,
          endColumn: 22,
        },
        {
          message: 'Hexo reads "{% if x %}" as Nunjucks\'s own “if” tag and fails the build: no {% endif %} follows (the post ends first); fix writes "&#123;% if x %}"',
          column: 27,
          endColumn: 37,
        },
        { message: 'Hexo reads "{# c #}" as a Nunjucks comment: the page shows nothing of it; fix writes "&#123;# c #&#125;"', column: 42, endColumn: 49 },
      ],
      output: '<p>Vue: &#123;{ message }} and &#123;% if x %} and &#123;# c #&#125;</p>',
    },
    {
      name: "Nunjucks's own tags with their end tags: swallowed, every part escaped at once",
      code: '{% if a %}x{% else %}y{% endif %} {% set n = 1 %}',
      errors: [
        { messageId: 'swallowed', column: 1 },
        { message: /^Hexo reads "\{% else %\}" as part of Nunjucks's own “if” tag: /, column: 12 },
        { message: /^Hexo reads "\{% endif %\}" as the end of Nunjucks's own “if” tag: /, column: 23 },
        { message: /^Hexo reads "\{% set n = 1 %\}" as Nunjucks's own “set” tag: the page shows nothing of it;/ },
      ],
      output: '&#123;% if a %}x&#123;% else %}y&#123;% endif %} &#123;% set n = 1 %}',
    },
    {
      name: 'Hexo: unknown tags, stray end tags, loaders and an empty variable fail the build',
      code: '{% youtube abc %} {% endcodeblock %} {% include "nav.html" %} {% include-code a.js %} {{ }} {% %}',
      errors: [
        { message: 'Hexo reads "{% youtube abc %}" as a Nunjucks tag and fails the build: unknown block tag: youtube; fix writes "&#123;% youtube abc %}"' },
        { message: /and fails the build: unknown block tag: endcodeblock;/ },
        { message: /as Nunjucks's own “include” tag and fails the build: template not found/ },
        { message: /^Hexo reads "\{% include-code a\.js %\}" as Nunjucks's own “include” tag and fails the build: template not found/ },
        { message: /^Hexo reads "\{\{ \}\}" as a Nunjucks variable and fails the build: unexpected token: \}\};/ },
        { message: /and fails the build: tag name expected;/ },
      ],
      output: '&#123;% youtube abc %} &#123;% endcodeblock %} &#123;% include "nav.html" %} &#123;% include-code a.js %} &#123;{ }} &#123;% %}',
    },
    {
      name: 'Hexo: a block tag that nothing closes',
      code: '{% codeblock %}\nconst a = 1;\n',
      errors: [{ message: 'Hexo reads "{% codeblock %}" as a Hexo “codeblock” tag and fails the build: no {% endcodeblock %} follows (unexpected end of file); fix writes "&#123;% codeblock %}"' }],
      output: '&#123;% codeblock %}\nconst a = 1;\n',
    },
    {
      name: 'Hexo: in the body of a code tag an entity would show: no fix',
      code: '{% codeblock lang:html %}\n<p>{{ message }}</p>\n{% endcodeblock %} {% blockquote %}{{ quoted }}{% endblockquote %}',
      errors: [
        {
          message: 'Hexo reads "{{ message }}" as a Nunjucks variable: the page shows its value (nothing when undefined) instead of the text; an entity would show as written inside {% codeblock %}: wrap it in {% raw %}…{% endraw %}',
          line: 2,
          column: 4,
        },
        { messageId: 'swallowed', line: 3, column: 36 },
      ],
      output: '{% codeblock lang:html %}\n<p>{{ message }}</p>\n{% endcodeblock %} {% blockquote %}&#123;{ quoted }}{% endblockquote %}',
    },
    {
      name: 'runs of braces: one report, every brace that starts a template escaped',
      code: 'a {{{ b }}} c {{% d',
      errors: [{ messageId: 'swallowed', column: 3, endColumn: 11 }, { messageId: 'fails', column: 15, endColumn: 18 }],
      output: 'a &#123;&#123;{ b }}} c &#123;&#123;% d',
    },
    {
      name: 'Hexo: once Nunjucks runs, unclosed starts and a stray #} fail the build',
      code: '{% img /a.png %} then a#} and {{ y',
      errors: [
        { message: 'Hexo reads "#}" as the end of a Nunjucks comment and fails the build: unexpected end of comment (none began); fix writes "#&#125;"', column: 24 },
        { message: 'Hexo reads "{{" as a Nunjucks variable and fails the build: expected variable end (no }} closes it); fix writes "&#123;{"', column: 31 },
      ],
      output: '{% img /a.png %} then a#&#125; and &#123;{ y',
    },
    {
      name: 'Hexo: {# with no #} after it is an unclosed comment',
      code: '{{t}} and ## Title {#custom-id}',
      errors: [{ messageId: 'swallowed', column: 1 }, { message: /^Hexo reads "\{#" as a Nunjucks comment and fails the build: expected end of comment, got end of file;/, column: 20 }],
      output: '&#123;{t}} and ## Title &#123;#custom-id}',
    },
    {
      name: 'attributes and Markdown text',
      code: '<a title="{{t}}">x</a>\n\n## Title {#custom-id}\n',
      errors: [{ line: 1, column: 11 }, { line: 3, column: 10 }],
      output: '<a title="&#123;{t}}">x</a>\n\n## Title &#123;#custom-id}\n',
    },
    {
      name: 'an unclosed raw block protects nothing',
      code: '{% raw %} {{ x }}',
      errors: [{ message: 'Hexo reads "{% raw %}" as a {% raw %} that no {% endraw %} closes: the tag vanishes, and what follows the last raw tag is rendered; fix writes "&#123;% raw %}"' }, { column: 11 }],
      output: '&#123;% raw %} &#123;{ x }}',
    },
    {
      name: 'Hexo: only {% endraw %} without - closes a raw block',
      code: '{%- raw -%}{{ x }}{%- endraw -%}',
      errors: [{ messageId: 'swallowed', column: 1 }, { messageId: 'swallowed', column: 12 }, { message: /fails the build: unknown block tag: endraw;/, column: 19 }],
      output: '&#123;%- raw -%}&#123;{ x }}&#123;%- endraw -%}',
    },
    {
      name: 'Hexo: the Liquid of a Jekyll post',
      code: '{% include blog_img.md src="/a.png" alt="A" %} {{ site.baseurl }}',
      errors: [{ messageId: 'fails' }, { messageId: 'swallowed' }],
      output: '&#123;% include blog_img.md src="/a.png" alt="A" %} &#123;{ site.baseurl }}',
    },
    {
      name: "Hexo: marked.disableNunjucks is the Markdown renderer's; an .html post still goes through Nunjucks",
      code: '<p>{{ x }}</p>',
      filePath: 'post.html',
      site: siteWith('hexo', { marked: { disableNunjucks: true } }),
      errors: [{ messageId: 'swallowed' }],
      output: '<p>&#123;{ x }}</p>',
    },
    {
      name: 'disableNunjucks: false in the front matter wins over the config',
      code: '---\ndisableNunjucks: false\n---\n{{ x }}\n',
      site: siteWith('hexo', { marked: { disableNunjucks: true } }),
      errors: [{ messageId: 'swallowed', line: 4 }],
      output: '---\ndisableNunjucks: false\n---\n&#123;{ x }}\n',
    },
    // Jekyll
    {
      name: 'Jekyll: what Liquid swallows or fails on, around Liquid written on purpose',
      site: jekyll,
      code: '{% include blog_img.md src="/a.png" alt="A" %}\nVue: {{ message }}, {{ post.title }}; Django: {% url \'home\' %} {{ site.title }}\n',
      errors: [
        {
          message: 'Jekyll reads "{{ message }}" as a Liquid variable nothing defines: the page shows nothing in its place; fix writes "&#123;{ message }}"',
          line: 2,
          column: 6,
          endColumn: 19,
        },
        { message: /^Jekyll reads "\{\{ post\.title \}\}" as a Liquid variable nothing defines:/, line: 2, column: 21 },
        { message: 'Jekyll reads "{% url \'home\' %}" as a Liquid tag and fails the build: Unknown tag \'url\'; fix writes "&#123;% url \'home\' %}"', line: 2, column: 47 },
      ],
      output: '{% include blog_img.md src="/a.png" alt="A" %}\nVue: &#123;{ message }}, &#123;{ post.title }}; Django: &#123;% url \'home\' %} {{ site.title }}\n',
    },
    {
      name: 'Jekyll: syntax errors stop the build; Liquid reads no further than an unclosed raw',
      site: jekyll,
      code: '{% if page.x %}open {% endfor %}\n{% else %} {{ x } {%- raw -%}',
      errors: [
        { message: /^Jekyll reads "\{% endfor %\}" as a Liquid tag and fails the build: 'endfor' is not a valid delimiter for if tags\. use endif;/, line: 1, column: 21 },
        { message: "Jekyll reads \"{{ x }\" as a Liquid variable and fails the build: Variable '{{ x }' was not properly terminated with regexp: /\\}\\}/; fix writes \"&#123;{ x }\"", line: 2, column: 12 },
        { message: /"\{%- raw -%\}" as a Liquid tag and fails the build: 'raw' tag was never closed;/, line: 2, column: 19 },
      ],
      // the next pass finds the if never closed, the one after the else left outside
      output: '&#123;% if page.x %}open &#123;% endfor %}\n&#123;% else %} &#123;{ x } &#123;%- raw -%}',
    },
    {
      name: 'Jekyll: a block never closed',
      site: jekyll,
      code: '{% if page.x %}open {% else %}shut',
      errors: [{ message: "Jekyll reads \"{% if page.x %}\" as a Liquid tag and fails the build: 'if' tag was never closed; fix writes \"&#123;% if page.x %}\"" }],
      output: '&#123;% if page.x %}open &#123;% else %}shut',
    },
    {
      name: 'Jekyll: stray tags at the top',
      site: jekyll,
      code: '{% endif %} {% else %} {%%} {{ a',
      errors: [
        { message: /fails the build: Unknown tag 'endif';/ },
        { message: /fails the build: Unexpected outer 'else' tag;/ },
        { message: /fails the build: Tag '\{%%\}' was not properly terminated with regexp: \/\\%\\\}\/;/ },
        { message: /fails the build: Variable '\{\{' was not properly terminated/ },
      ],
      output: '&#123;% endif %} &#123;% else %} &#123;%%} &#123;{ a',
    },
    {
      name: 'Jekyll: in {% highlight %} an entity would show: no fix',
      site: jekyll,
      code: '{% highlight html %}\n<p>{{ message }}</p>\n{% endhighlight %}',
      errors: [{ message: /^Jekyll reads "\{\{ message \}\}" as a Liquid variable nothing defines: the page shows nothing in its place; an entity would show as written inside \{% highlight %\}: wrap it in \{% raw %\}…\{% endraw %\}$/ }],
      output: null,
    },
    {
      name: 'Jekyll: with liquid.strict_variables an undefined variable fails the build',
      site: siteWith('jekyll', { liquid: { strict_variables: true } }),
      code: '{{ message }} {{ site.title }}',
      errors: [{ message: 'Jekyll reads "{{ message }}" as a Liquid variable nothing defines and fails the build: undefined variable message (the site sets liquid.strict_variables); fix writes "&#123;{ message }}"' }],
      output: '&#123;{ message }} {{ site.title }}',
    },
    {
      name: 'Jekyll: {{{ }}} and an empty variable',
      site: jekyll,
      code: '{{{ x }}} {{ }}',
      errors: [{ messageId: 'swallowed', column: 1, endColumn: 9 }, { message: /^Jekyll reads "\{\{ \}\}" as an empty Liquid variable:/ }],
      output: '&#123;&#123;{ x }}} &#123;{ }}',
    },
    {
      name: 'Jekyll: decoding a script would write Liquid',
      site: jekyll,
      code: '<script>var t = "&#123;&#123; site.title &#125;&#125;";</script><style>a&#123;#x#&#125;</style>',
      errors: [
        { message: /decoding them would write "\{\{ site\.title \}\}", which Jekyll reads as template syntax: wrap it in \{% raw %\}…\{% endraw %\} and decode them by hand$/ },
        { messageId: 'rawText', column: 73 },
      ],
      output: '<script>var t = "&#123;&#123; site.title &#125;&#125;";</script><style>a{#x#}</style>',
    },
    {
      name: 'Jekyll: tags the site registers end where it says',
      site: jekyll,
      options: { tags: ['tabs'] },
      code: '{% tabs %}a{% endtabs %} {% tab %}',
      errors: [{ message: /fails the build: Unknown tag 'tab';/ }],
      output: '{% tabs %}a{% endtabs %} &#123;% tab %}',
    },
    // Hugo: only the raw-text part applies (a Hugo post may not start with "<": Hugo fails the build on it)
    {
      name: 'Hugo: escaped braces in a <style>',
      site: hugo,
      code: 'x <style>a&#123;b&#125;</style> {{ message }}',
      errors: [{ messageId: 'rawText' }],
      output: 'x <style>a{b}</style> {{ message }}',
    },
    {
      name: 'Hugo: decoding a script would write a shortcode',
      site: hugo,
      code: 'x <script>var t = "&#123;&#123;< x >&#125;&#125;"; var u = "&#123;&#123; y &#125;&#125;";</script><script>&#123;&#123; z &#125;&#125;</script>',
      errors: [
        { message: /decoding them would write "\{\{< x >\}\}", which Hugo reads as template syntax: write each shortcode in it as \{\{<\/\* name \*\/>\}\} and decode them by hand$/ },
        { messageId: 'rawText', column: 107 },
      ],
      output: 'x <script>var t = "&#123;&#123;< x >&#125;&#125;"; var u = "&#123;&#123; y &#125;&#125;";</script><script>{{ z }}</script>',
    },
  ],
});

describe('no-escaped-braces: the same post in three sites', () => {
  const post = '{% include blog_img.md src="/a.png" alt="A" %}\n\nVue writes {{ message }}; see {{ site.baseurl }}/about.\n';
  const configured = [RuleTester.configure(rule)];
  const fixed = (name: 'hexo' | 'jekyll' | 'hugo') => fixText(post, { rules: configured, site: siteWithoutRoot(name) }).output;
  it('Hexo escapes all of it, Jekyll only what Liquid would swallow, Hugo nothing', () => {
    expect(fixed('hexo')).toBe('&#123;% include blog_img.md src="/a.png" alt="A" %}\n\nVue writes &#123;{ message }}; see &#123;{ site.baseurl }}/about.\n');
    expect(fixed('jekyll')).toBe('{% include blog_img.md src="/a.png" alt="A" %}\n\nVue writes &#123;{ message }}; see {{ site.baseurl }}/about.\n');
    expect(fixed('hugo')).toBe(post);
  });
});

describe('no-escaped-braces is linear', () => {
  const configured = [RuleTester.configure(rule)];
  const count = (text: string, site = siteWithoutRoot()) => lintText(text, { rules: configured, site }).length;
  it('on a megabyte of braces, unclosed tags and quotes, in each generator', () => {
    const t = Date.now();
    expect(count(`<p>{{ x }} ${'{'.repeat(1_000_000)}</p>`)).toBe(2);
    expect(count('{% raw %}'.repeat(100_000))).toBe(1);
    expect(count('{%- raw -%}{{ x }}'.repeat(20_000))).toBe(40_000);
    expect(count(`{{ x }} ${'{{"'.repeat(300_000)}`)).toBe(2);
    expect(count(`{% img a %}${'#}'.repeat(50_000)}`)).toBe(50_000);
    expect(count(`<style>${'&#123;'.repeat(200_000)}</style>`)).toBe(1);
    expect(count(`<script>${'&#123;&#123;x&#125;&#125;'.repeat(20_000)}</script>`)).toBe(1);
    expect(count('{{'.repeat(100_000), jekyll)).toBe(100_000);
    expect(count('{%'.repeat(100_000), jekyll)).toBe(100_000);
    expect(count(`{% raw %}${'{{ a %}'.repeat(100_000)}`, jekyll)).toBe(1);
    expect(count('{{ message }}'.repeat(50_000), jekyll)).toBe(50_000);
    expect(count('{% if a %}'.repeat(50_000), jekyll)).toBe(50_000);
    expect(count(`x${'{{<'.repeat(300_000)}${'{{%'.repeat(300_000)}`, hugo)).toBe(0);
    expect(Date.now() - t).toBeLessThan(40_000); // quadratic would take hours
  }, 120_000);
});

describe('no-escaped-braces on the real posts', () => {
  const root = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const configured = [RuleTester.configure(rule)];
  it('掘金 electron post: the <style> is decoded, the <pre><code> JS is left as written', () => {
    const filePath = path.join(root, '编程/掘金/分类/electron集成sqlite3  MVC封装使用.md');
    const text = readFileSync(filePath, 'utf8');
    const messages = lintText(text, { filePath, rules: configured });
    expect(messages.length).toBe(1);
    expect(messages[0].message).toMatch(/^74 escaped brace\(s\) like "&#123;" in <style>/);
    const { output } = fixText(text, { filePath, rules: configured });
    expect(lintText(output, { filePath, rules: configured })).toEqual([]);
    expect((output.match(/&#12[35];/g) ?? []).length).toBe(160 - 74);
    expect(output.length).toBe(text.length - 74 * 5);
    expect(output).toContain('<style>.markdown-body{word-break:break-word;');
    expect(output).toContain('<pre><code class="copyable">class UserListTable &#123;');
  });
  it('煎蛋 post: an escape in a paragraph renders fine, nothing reported', () => {
    const filePath = path.join(root, '图片/煎蛋/首页/ChromeOS更新源码打错一个符号，笔记本变砖.md');
    expect(lintText(readFileSync(filePath, 'utf8'), { filePath, rules: configured })).toEqual([]);
  });
});

describeStableFixes(rule);
describeStableFixes(rule, [...HTML_PIECES, '}}', '#}', '{% if a %}', '{% endif %}', '{{ site.x }}', '{% highlight %}', '{% endhighlight %}'], 1000, jekyll);
describeStableFixes(rule, [...HTML_PIECES, '{{<', '>}}', '{{%', '%}}'], 500, hugo);
