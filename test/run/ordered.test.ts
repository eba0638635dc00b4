import { describe, expect, it } from 'vitest';
import { ordered } from '../../src/run/ordered.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ordered', () => {
  it('yields results in the items\' order whatever order they finish in, with at most `width` in flight', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    let running = 0;
    let most = 0;
    const out: number[] = [];
    for await (const r of ordered(items, 4, async (i) => {
      running++;
      most = Math.max(most, running);
      await sleep((i * 7919) % 13); // finish out of order
      running--;
      return i * 10;
    })) {
      out.push(r);
    }
    expect(out).toEqual(items.map((i) => i * 10));
    expect(most).toBe(4);
  });

  it('a failing task is thrown in its turn, after the results before it, and none is left unhandled', async () => {
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const r of ordered([1, 2, 3, 4], 3, async (i) => {
          await sleep(i === 3 ? 0 : 5);
          if (i === 3) throw new Error('boom');
          return i;
        })) {
          out.push(r);
        }
      })(),
    ).rejects.toThrow('boom');
    expect(out).toEqual([1, 2]);
  });
});
