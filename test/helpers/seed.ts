// Seeds for property tests: CI runs a fixed seed per property (derived from its label), so a green run stays
// green; NEWSLINT_SEED replays one seed and NEWSLINT_FUZZ_RANDOM=1 draws fresh seeds for a soak. The seed is
// printed, so any failure can be replayed.

export function fuzzSeed(label: string): number {
  const fixed = [...label].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 20261129);
  const seed = process.env.NEWSLINT_SEED
    ? Number(process.env.NEWSLINT_SEED)
    : process.env.NEWSLINT_FUZZ_RANDOM
      ? (Date.now() ^ (process.pid << 12)) | 0
      : fixed;
  console.log(`[${label}] fast-check seed ${seed} (replay with NEWSLINT_SEED=${seed})`);
  return seed;
}
