#!/usr/bin/env node
// The floor: the least any linter of these posts must do, in one process. Read each file, split its front
// matter with gray-matter, parse the body with parse5 keeping source locations. Nothing else.
// Every real post starts with a blank line before `---`, which gray-matter does not look past (Hexo does):
// leading blank lines are dropped first, so that the floor parses the YAML as every generator does.
//
// Usage: node bench/floor.mjs DIR   (prints {"files":N,"bytes":B})
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parseFragment } from 'parse5';

const dir = path.resolve(process.argv[2] ?? '.');
let files = 0;
let bytes = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
  const buffer = readFileSync(path.join(entry.parentPath, entry.name));
  const text = buffer.toString('utf8').replace(/^\s*\n/, '');
  // options given: gray-matter caches every text it parses without options
  const { content } = matter(text, { excerpt: false });
  parseFragment(content, { sourceCodeLocationInfo: true });
  files++;
  bytes += buffer.length;
}
process.stdout.write(`${JSON.stringify({ files, bytes })}\n`);
