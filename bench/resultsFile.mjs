// bench/RESULTS.md holds one section per benchmark; each benchmark rewrites only its own section
// (between <!-- name --> markers), so running one never erases another's numbers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(import.meta.dirname, 'RESULTS.md');
const HEADER = '# Benchmarks: measured results\n\nEach section is written by the benchmark it names; see [README.md](README.md) for what is measured and how.\n';

/** Replaces (or appends) the section `name` of bench/RESULTS.md with `markdown`. */
export function writeResultsSection(name, markdown) {
  const start = `<!-- ${name}: start -->`;
  const end = `<!-- ${name}: end -->`;
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  if (!text.startsWith(HEADER)) { text = HEADER; }
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}
