// Where each header cell sits on the first line of a CSV/TSV editor, so that summaries and
// hovers attach to the right text. The engine parses the file; this only locates the header cells
// in the editor's line, quotes included, without `vscode` so that it stays a pure function.

/** One header cell: its unquoted name and its character span [start, end) on the line. */
export interface HeaderCell { name: string; start: number; end: number }

/**
 * Splits the first line of a delimited file into cells with their spans. A quoted cell may hold
 * the delimiter and doubled quotes; a byte-order mark is skipped. A header whose quoted cell runs
 * past the end of the line (a newline inside a header name) yields the cells up to that point.
 */
export function headerCells(line: string, delimiter: string): HeaderCell[] {
  const cells: HeaderCell[] = [];
  let i = line.startsWith('\uFEFF') ? 1 : 0;
  for (;;) {
    const start = i;
    let name = '';
    if (line[i] === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') { name += '"'; i += 2; continue; }
          i++;
          closed = true;
          break;
        }
        name += line[i++];
      }
      if (!closed) { return cells; }
      // Text after a closing quote belongs to the cell, as lenient readers keep it.
      while (i < line.length && !line.startsWith(delimiter, i)) { name += line[i++]; }
    } else {
      while (i < line.length && !line.startsWith(delimiter, i)) { name += line[i++]; }
    }
    cells.push({ name: name.trim(), start, end: i });
    if (i >= line.length) { return cells; }
    i += delimiter.length;
  }
}

/** The index of the cell whose text holds the character at `character`, if any (delimiters belong to no cell). */
export function cellAt(cells: HeaderCell[], character: number): number | undefined {
  const index = cells.findIndex((c) => character >= c.start && character < c.end);
  return index >= 0 ? index : undefined;
}
