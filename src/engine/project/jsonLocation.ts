import { findNodeAtLocation, getNodePath } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';

/** A 1-based range in a text, as editors show it. */
export interface TextRange { line: number; column: number; endLine: number; endColumn: number }

/** Turns offsets into 1-based line/column positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) { this.starts.push(i + 1); }
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  range(offset: number, length: number): TextRange {
    const start = this.position(offset);
    const end = this.position(offset + length);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

/** Splits a JSON pointer (`/a/0/b`) into its segments, numbers for array indices. */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') { return []; }
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The node a pointer names, or its nearest existing ancestor (a missing property is reported on
 * the object that should hold it). With `key`, a property's name rather than its value.
 */
export function nodeForPointer(root: JsonNode | undefined, pointer: string, key = false): JsonNode | undefined {
  if (!root) { return undefined; }
  const segments = pointerSegments(pointer);
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) {
      const property = node.parent?.type === 'property' ? node.parent : undefined;
      return key && property?.children?.[0] ? property.children[0] : node;
    }
  }
  return root;
}

/** The JSON pointer of a node. */
export function pointerOf(node: JsonNode): string {
  return getNodePath(node).map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
