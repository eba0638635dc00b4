// Jekyll 4.3.1 (Debian's /usr/bin/jekyll) itself decides: temp sites built by the real jekyll, and
// post-file-name flags exactly the posts the build leaves out; after --fix with "rename": true, Jekyll
// publishes every renamed post. Time.parse's limits on a name's date are checked with the real ruby.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildJekyll, jekyllSite, post, postFileName, writeFiles } from './helpers.js';

const PUBLISHED = [
  '_posts/2021-01-01-ok.md',
  '_posts/sub/2021-01-02-insub.md',
  '_posts/sub/_sub2/2021-01-03-deep.md',
  'blog/_posts/2021-1-4-short.md',
  '_posts/21-01-05-yy.md',
  '_posts/2021-02-30-feb.md',
  '_posts/2021-01-06-a%zz.md',
  '_posts/2021-13-01-fm-date.md',
  '_posts/_incl/2021-01-08-included.md',
];
const DROPPED: Record<string, string | null> = {
  '_posts/undated.md': '_posts/2021-05-05-undated.md',
  '_posts/no-date.md': null,
  '_posts/x 2021-01-19-mid.md': null,
  '_posts/_2021-01-09-under.md': '_posts/2021-01-09-under.md',
  '_posts/.2021-01-10-dot.md': '_posts/2021-01-10-dot.md',
  '_posts/#2021-01-11-hash.md': '_posts/2021-01-11-hash.md',
  '_posts/~2021-01-12-tilde.md': '_posts/2021-01-12-tilde.md',
  '_posts/sub/_2021-01-15-y.md': '_posts/sub/2021-01-15-y.md',
  '_posts/_sub/2021-01-13-x.md': null,
  '_posts/.dotsub/2021-01-14-x.md': null,
  '_cat/_posts/2021-01-16-x.md': null,
  '_posts/ex/2021-01-17-e.md': null,
  '_posts/2021-01-18-xyz.md': null,
};
const special: Record<string, string> = {
  '_posts/undated.md': post('t', "date: '2021-05-05 10:00:00'\n"),
  '_posts/2021-13-01-fm-date.md': post('t', 'date: 2021-01-07\n'),
};

describe('Jekyll drops exactly the posts post-file-name flags', () => {
  it('builds, drops and renames as the rule says', async () => {
    const files = [...PUBLISHED, ...Object.keys(DROPPED)];
    const dir = jekyllSite("include: ['_incl']\nexclude: ['_posts/ex', '_posts/2021-01-18-x*']\n", { ...Object.fromEntries(files.map((f) => [f, special[f] ?? post()])), 'about.md': post() });
    const before = buildJekyll(dir);
    expect(before.error).toBeNull();
    expect(before.published).toEqual([...PUBLISHED, 'about.md'].sort());

    const { flagged } = await postFileName(dir, dir, [...files, 'about.md']);
    expect(Object.fromEntries(Object.entries(flagged).map(([f, v]) => [f, v.rename && `${f.slice(0, f.lastIndexOf('/') + 1)}${v.rename}`]))).toEqual(DROPPED);

    const { renamed } = await postFileName(dir, dir, files, { fix: true });
    const renames = Object.fromEntries(Object.entries(DROPPED).filter(([, to]) => to)) as Record<string, string>;
    expect(renamed).toEqual(renames);
    const after = buildJekyll(dir);
    expect(after.published).toEqual([...PUBLISHED, ...Object.values(renames), 'about.md'].sort());
  });

  it('collections_dir: posts only below it', async () => {
    const dir = jekyllSite('collections_dir: coll\n', { 'coll/_posts/2021-01-01-in.md': post(), '_posts/2021-01-01-out.md': post() });
    expect(buildJekyll(dir).published).toEqual(['_posts/2021-01-01-in.md']); // page.path is relative to the collections folder
    const { flagged } = await postFileName(dir, dir, ['coll/_posts/2021-01-01-in.md', '_posts/2021-01-01-out.md']);
    expect(flagged).toEqual({ '_posts/2021-01-01-out.md': { message: expect.stringMatching(/collections_dir is "coll", and Jekyll reads posts only below it/), rename: null } });
  });

  it("a name's impossible date stops the whole build", async () => {
    const dir = jekyllSite('', { '_posts/2021-01-01-ok.md': post(), '_posts/2021-00-10-m0.md': post() });
    expect(buildJekyll(dir).error).toMatch(/Invalid date '2021-00-10': Document '_posts\/2021-00-10-m0.md' does not have a valid date in the filename/);
    const { flagged } = await postFileName(dir, dir, ['_posts/2021-01-01-ok.md', '_posts/2021-00-10-m0.md']);
    expect(flagged).toEqual({ '_posts/2021-00-10-m0.md': { message: expect.stringMatching(/^Jekyll cannot build the site with this post: the date "2021-00-10" in its name has no month 0/), rename: null } });
  });
});

describe("Ruby's Time.parse on a name's date", () => {
  it('refuses exactly a month outside 1–12 or a day outside 1–31, as the rule says', async () => {
    const dates = ['2021-01-01', '2021-1-1', '21-01-01', '99-1-1', '202-01-01', '0000-01-01', '2021-02-29', '2021-02-31', '2021-04-31', '2021-01-31', '2021-01-32', '2021-01-00', '2021-00-01', '2021-12-01', '2021-13-01', '01-31-12', '2021-99-99', '99-0-31'];
    const r = spawnSync('ruby', ['-rtime', '-e', 'ARGV.each { |d| begin; Time.parse(d); puts "ok"; rescue ArgumentError; puts "invalid"; end }', ...dates], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const names = dates.map((d) => `_posts/${d}-x.md`);
    const dir = writeFiles(jekyllSite('', {}), Object.fromEntries(names.map((n) => [n, post()])));
    const { flagged } = await postFileName(dir, dir, names);
    expect(names.map((n) => (flagged[n] ? 'invalid' : 'ok'))).toEqual(r.stdout.trim().split('\n'));
    expect(Object.values(flagged).every((f) => f.message.startsWith('Jekyll cannot build the site with this post'))).toBe(true);
  });
});
