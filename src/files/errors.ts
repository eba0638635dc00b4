// The errors of the file rooms: a command that names nothing to check (usage), and a file that cannot be
// read, decoded or written.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A file that cannot be read, decoded or written; `line` (1-based) points at the first bad byte when known.
 * Severity 1 marks a file skipped on purpose (a FIFO or a device), not broken.
 */
export class FileError extends Error {
  constructor(message: string, readonly line = 1, readonly column = 1, readonly severity: 1 | 2 = 2) {
    super(message);
    this.name = 'FileError';
  }
}

export function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}
