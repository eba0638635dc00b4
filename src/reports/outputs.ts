// Where reports go: `-f name[:file]` (repeatable) and `-o file`. Each format gets its own writer; a report with a
// file is written to it as the results arrive (synchronous appends, never the whole report in memory), at most
// one goes to stdout, and when none does stdout gets a one-line summary naming the files.

import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../api.js';
import { UsageError } from '../files/errors.js';
import { escapeControl } from '../formatters/escape.js';
import { formatters, type FormatterContext, type ReportWriter } from '../formatters/index.js';
import { plural } from '../formatters/words.js';
import { ReportError } from './read.js';

/** One report: its format, and its file (absent: stdout). */
export interface OutputTarget {
  format: string;
  file?: string;
}

/** Commander's parser for a repeatable `-f name[:file]`. The name ends at the first colon (a Windows path keeps its own). */
export function parseFormatOption(value: string, previous: OutputTarget[] = []): OutputTarget[] {
  const colon = value.indexOf(':');
  const format = colon < 0 ? value : value.slice(0, colon);
  if (!Object.hasOwn(formatters, format)) {
    throw new UsageError(`unknown format "${format}" (choose from ${Object.keys(formatters).join(', ')}; name:file writes it to a file)`);
  }
  if (colon >= 0 && colon === value.length - 1) throw new UsageError(`--format ${value} names no file after the colon`);
  return [...previous, colon < 0 ? { format } : { format, file: value.slice(colon + 1) }];
}

/** The reports a run writes: stylish by default; `-o` is the file of the one format given without a file. */
export function planOutputs(formats: OutputTarget[] | undefined, outputFile: string | undefined, cwd: string): OutputTarget[] {
  const targets = formats?.length ? formats.map((t) => ({ ...t })) : [{ format: 'stylish' } as OutputTarget];
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`only one report can go to stdout, and ${toStdout.map((t) => t.format).join(', ')} have no file: write the others to files (--format name:file)`);
  }
  if (outputFile !== undefined) {
    if (!toStdout.length) throw new UsageError('--output-file is the file of the format given without one, but every --format names its own file');
    toStdout[0].file = outputFile;
  }
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.file === undefined) continue;
    const abs = path.resolve(cwd, t.file);
    if (seen.has(abs)) throw new UsageError(`two reports would be written to the same file: ${t.file}`);
    seen.add(abs);
  }
  return targets;
}

interface Sink {
  target: OutputTarget;
  writer: ReportWriter;
  write(text: string): void;
  close(): void;
}

/** Every report of a run, open: results go to all of them, then end() closes them. */
export class ReportOutputs {
  private problems = 0;
  private errors = 0;
  private warnings = 0;
  private filesWithProblems = 0;

  private constructor(
    private readonly sinks: Sink[],
    private readonly stdout: (text: string) => void,
  ) {}

  /**
   * Opens each report's file (creating its folder) before anything is linted, so that a path that cannot be
   * written stops the run at once: ReportError naming it (exit 2).
   */
  static open(targets: OutputTarget[], context: FormatterContext, stdout: (text: string) => void): ReportOutputs {
    const sinks: Sink[] = [];
    try {
      for (const target of targets) {
        // a report in a file is not for a terminal: no colour codes in it
        const writer = formatters[target.format]({ ...context, color: target.file === undefined && context.color });
        sinks.push(target.file === undefined ? { target, writer, write: stdout, close() {} } : fileSink(target, writer, context.cwd));
      }
    } catch (err) {
      for (const s of sinks) s.close();
      throw err;
    }
    return new ReportOutputs(sinks, stdout);
  }

  /** The format written to stdout, if one is. */
  get stdoutFormat(): string | undefined {
    return this.sinks.find((s) => s.target.file === undefined)?.target.format;
  }

  /** Whether some report goes to a file (it must be complete even when nobody reads stdout any more). */
  get hasFiles(): boolean {
    return this.sinks.some((s) => s.target.file !== undefined);
  }

  file(result: FileResult): void {
    if (result.messages.length) this.filesWithProblems++;
    this.problems += result.messages.length;
    this.errors += result.errorCount;
    this.warnings += result.warningCount;
    for (const s of this.sinks) {
      const text = s.writer.file(result);
      if (text) s.write(text);
    }
  }

  /** Closes every report; when none went to stdout, prints the summary there. */
  end(): void {
    for (const s of this.sinks) {
      // json ends with a newline, as it always has; other formats end their text themselves
      s.write(s.writer.end() + (s.target.format === 'json' ? '\n' : ''));
      s.close();
    }
    if (this.stdoutFormat === undefined) this.stdout(`${this.summary()}\n`);
  }

  private summary(): string {
    const files = this.sinks.map((s) => escapeControl(s.target.file!));
    const where = `${files.length === 1 ? 'report' : 'reports'} written to ${files.join(', ')}`;
    if (!this.problems) return `✔ no problems; ${where}`;
    const mark = this.errors ? '✖' : '⚠';
    return `${mark} ${plural(this.problems, 'problem')} (${plural(this.errors, 'error')}, ${plural(this.warnings, 'warning')}) in ${plural(this.filesWithProblems, 'file')}; ${where}`;
  }
}

function fileSink(target: OutputTarget, writer: ReportWriter, cwd: string): Sink {
  const file = path.resolve(cwd, target.file!);
  const fail = (err: unknown): never => {
    throw new ReportError(`cannot write the ${target.format} report to ${target.file}: ${(err as Error).message}`);
  };
  let fd: number | undefined;
  try {
    makeFolder(path.dirname(file));
    fd = openSync(file, 'w');
  } catch (err) {
    fail(err);
  }
  return {
    target,
    writer,
    write(text) {
      try {
        writeFileSync(fd!, text);
      } catch (err) {
        fail(err);
      }
    },
    close() {
      if (fd === undefined) return;
      const open = fd;
      fd = undefined;
      try {
        closeSync(open);
      } catch (err) {
        fail(err);
      }
    },
  };
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdirSync never returns on a path under /proc (each
 * level answers ENOENT), where this fails with that error.
 */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw err;
    makeFolder(path.dirname(dir));
    mkdirSync(dir);
  }
}
