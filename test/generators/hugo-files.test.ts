// Hugo 0.111.3 (Debian's /usr/bin/hugo) itself decides: a temp site built by the real hugo, and
// post-file-name flags exactly the content files that make no page; after --fix with "rename": true, Hugo
// publishes every renamed one.
import { describe, expect, it } from 'vitest';
import { buildHugo, hugoSite, post, postFileName } from './helpers.js';

const PUBLISHED = ['posts/ok.md', 'posts/_under.md', 'posts/_dir/x.md', 'posts/~tilde.md', 'posts/a%zz 100%.md', 'posts/x.markdown', 'posts/y.html', 'posts/v.fr.md'];
const DROPPED: Record<string, string | null> = {
  'posts/.dot.md': 'posts/dot.md',
  'posts/#hash.md': 'posts/hash.md',
  'posts/tilde.md~': 'posts/tilde.md',
  'posts/up.MD': 'posts/up.md',
  'posts/.UP2.MD': 'posts/UP2.md',
  'posts/.md': null,
  'posts/.dotdir/x.md': null,
  'posts/#hashdir/x.md': null,
  'posts/tdir~/index.md': null,
  'posts/abs.md': null,
  'posts/skipdir/x.md': null,
  'posts/upper.md': null,
  'posts/w.txt': null,
};

describe('Hugo makes pages of exactly the files post-file-name does not flag', () => {
  it('builds, drops and renames as the rule says', async () => {
    const files = [...PUBLISHED, ...Object.keys(DROPPED)];
    const config = 'ignoreFiles = ["^/.*/content/posts/abs\\\\.md$", "skipdir$", "(?i)UPPER"]\n';
    const dir = hugoSite(config, Object.fromEntries(files.map((f) => [f, post()])));
    const before = buildHugo(dir);
    expect(before.error).toBeNull();
    expect(before.published).toEqual([...PUBLISHED].sort());

    const content = `${dir}/content`;
    const { flagged } = await postFileName(dir, content, files);
    expect(Object.fromEntries(Object.entries(flagged).map(([f, v]) => [f, v.rename && `${f.slice(0, f.lastIndexOf('/') + 1)}${v.rename}`]))).toEqual(DROPPED);

    const { renamed } = await postFileName(dir, content, files, { fix: true });
    const renames = Object.fromEntries(Object.entries(DROPPED).filter(([, to]) => to)) as Record<string, string>;
    expect(renamed).toEqual(renames);
    expect(buildHugo(dir).published).toEqual([...PUBLISHED, ...Object.values(renames)].sort());
  });
});
