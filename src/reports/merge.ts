// Merging the JSON reports of a sharded run into the report one run over all the files gives: every result once,
// in path order. Each report is already in path order (check writes them so), so the merge streams: it holds one
// result per report, however large the reports are.

import type { FileResult } from '../api.js';
import { ReportError, readReport } from './read.js';

interface Source {
  file: string;
  results: AsyncGenerator<FileResult>;
  head?: FileResult;
}

/**
 * The results of every report, merged in path order. A file in two reports is an error, not deduplicated:
 * shards never share a file, so the reports are not of one sharded run (a shard given twice, or a report of
 * another run), and which of the two results is right cannot be known. Throws ReportError naming the file(s).
 */
export async function* mergeReports(files: readonly string[]): AsyncGenerator<FileResult> {
  const sources: Source[] = files.map((file) => ({ file, results: readReport(file) }));
  try {
    for (const s of sources) await advance(s);
    for (;;) {
      let first: Source | undefined;
      for (const s of sources) if (s.head && (!first || s.head.filePath < first.head!.filePath)) first = s;
      if (!first) return;
      const result = first.head!;
      const twice = sources.find((s) => s !== first && s.head?.filePath === result.filePath);
      if (twice) {
        throw new ReportError(
          `${JSON.stringify(result.filePath)} is in both ${first.file} and ${twice.file}: ` +
            'the reports to merge must be of the shards of one run, each given once',
        );
      }
      await advance(first);
      yield result;
    }
  } finally {
    await Promise.all(sources.map((s) => s.results.return(undefined)));
  }
}

async function advance(s: Source): Promise<void> {
  const previous = s.head;
  const next = await s.results.next();
  s.head = next.done ? undefined : next.value;
  if (previous && s.head && !(previous.filePath < s.head.filePath)) {
    throw new ReportError(
      `${s.file}: not a newslint JSON report: its results are not in path order ` +
        `(${JSON.stringify(s.head.filePath)} after ${JSON.stringify(previous.filePath)})`,
    );
  }
}
