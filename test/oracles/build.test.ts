// The oracle harness itself: a generator that is missing fails the run, naming it (it never passes silently),
// and the generators are the versions the expectations in test/e2e/generators-*.test.ts were checked against.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { copySite } from './sites.js';
import { tempDir } from '../e2e/helpers.js';

describe('the oracle harness', () => {
  const PATH = process.env.PATH;
  afterEach(() => {
    process.env.PATH = PATH;
  });

  for (const name of ['jekyll', 'hugo'] as const) {
    it(`throws when ${name} is not installed`, () => {
      const site = copySite(name, tempDir());
      process.env.PATH = '/nonexistent';
      expect(() => buildSite(name, site)).toThrow(`${name} is not installed, and the oracle tests need it: .ci/run installs jekyll and hugo (apt-get)`);
    });
  }

  it('runs hexo 8.1.2 (lock file), jekyll 4.3.1 and hugo 0.111.3 (Debian)', () => {
    expect(createRequire(import.meta.url)('hexo/package.json').version).toBe('8.1.2');
    expect(spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe('jekyll 4.3.1');
    expect(spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout).toMatch(/^hugo v0\.111\.3\b/);
  });
});
