import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { fileError } from '../errors';

/** The revision of a project file: SHA-256 of its text. A save must name the revision it edits. */
export function revisionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Reads a project file's text, with a message that names the file on failure. */
export async function readProjectText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    throw fileError(file, err);
  }
}

/** The project file's canonical formatting: two-space JSON with a final newline. */
export function formatProject(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
