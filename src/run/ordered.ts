// Running a task over many items with a bounded number in flight, and taking the results in the items' own
// order: the report stays sorted by path whatever the concurrency, and no more than `width` results (and
// files' texts) are held at once.

export async function* ordered<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && inFlight.length < width) {
      const p = task(items[next++]);
      p.catch(() => {}); // a later task's rejection is thrown in its turn, not reported as unhandled meanwhile
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length) {
    const head = inFlight.shift()!;
    const result = await head;
    fill();
    yield result;
  }
}
