import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { fileError } from '../errors';

/** SHA-256 of a file's content, streamed: data files can be larger than memory. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) { hash.update(chunk as Buffer); }
  } catch (err) {
    throw fileError(file, err);
  }
  return hash.digest('hex');
}

const cache = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

/**
 * The same hash, remembered while the file's size and modification time stay the same: project
 * validation checks every data source on each change of the project file, and rehashing a large
 * file each time would make typing in mlworkflow.json slow.
 */
export async function sha256FileCached(file: string): Promise<string> {
  const stat = await fs.stat(file).catch((err: unknown) => { throw fileError(file, err); });
  const known = cache.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) { return known.sha256; }
  const sha256 = await sha256File(file);
  cache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, sha256 });
  return sha256;
}
