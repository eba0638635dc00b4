// Content quoted in a message (a title, a URL, a file name): one line, shortened, in double quotes. The
// formatters escape what it holds; this keeps it readable.

/** Shortens content quoted in a message (the formatter escapes it; this keeps it readable). */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
