// --concurrency auto|off|N: what it accepts, and how many worker threads a run gets.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/files/errors.js';
import { AUTO_MIN_FILES, parseConcurrency, workerThreads } from '../../src/pool/concurrency.js';
import { cli, tempDir } from '../safety/helpers.js';

describe('parseConcurrency', () => {
  it('takes auto, off and a number of threads', () => {
    expect(parseConcurrency('auto')).toBe('auto');
    expect(parseConcurrency(' off ')).toBe('off');
    expect(parseConcurrency('1')).toBe(1);
    expect(parseConcurrency('16')).toBe(16);
  });

  it('refuses anything else with a usage error', () => {
    for (const bad of ['0', '-1', '1.5', '02', 'two', '', '1000', 'Auto']) expect(() => parseConcurrency(bad), bad).toThrow(UsageError);
  });
});

describe('workerThreads', () => {
  it('off and empty runs use none; N uses N, never more than the files', () => {
    expect(workerThreads('off', 100_000, 8)).toBe(0);
    expect(workerThreads(4, 0, 8)).toBe(0);
    expect(workerThreads(4, 100_000, 2)).toBe(4);
    expect(workerThreads(4, 3, 2)).toBe(3);
  });

  it(`auto: none below ${AUTO_MIN_FILES} files or on one core, else one per core`, () => {
    expect(workerThreads('auto', AUTO_MIN_FILES - 1, 2)).toBe(0);
    expect(workerThreads('auto', AUTO_MIN_FILES, 2)).toBe(2);
    expect(workerThreads('auto', 100_000, 8)).toBe(8);
    expect(workerThreads('auto', 100_000, 1)).toBe(0);
  });
});

describe('newslint check --concurrency', () => {
  it('a bad value is a usage error: exit 2, said on stderr, nothing linted', () => {
    const r = cli(['check', '--concurrency', 'many', '.'], tempDir('newslint-pool-'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--concurrency expects auto, off or a number of worker threads \(1 to 999\), got "many"/);
  });
});
