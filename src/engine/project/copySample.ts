import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILE_NAME } from '../../shared/project/types';
import type { CopySampleResult } from '../../shared/protocol/engine';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';

/** The bundled sample project: penguins (CC0), see samples/penguins/README.md. */
export const SAMPLE_NAME = 'penguins';

/**
 * Copies the bundled sample project into `parent`, in a new folder named after the sample
 * (`penguins-sample`, `penguins-sample-2`, ... so an earlier copy is never overwritten).
 */
export async function copySample(samplesRoot: string, parent: string): Promise<CopySampleResult> {
  const source = path.join(samplesRoot, SAMPLE_NAME);
  await fs.stat(path.join(source, PROJECT_FILE_NAME)).catch((err: unknown) => { throw fileError(source, err); });
  for (let n = 1; n < 1000; n++) {
    const folder = path.join(parent, n === 1 ? `${SAMPLE_NAME}-sample` : `${SAMPLE_NAME}-sample-${n}`);
    if (await fs.stat(folder).then(() => true, () => false)) { continue; }
    try {
      await fs.cp(source, folder, { recursive: true, errorOnExist: true, force: false });
    } catch (err) {
      throw fileError(folder, err);
    }
    return { folder, projectFile: path.join(folder, PROJECT_FILE_NAME) };
  }
  throw new EngineError(EngineErrorCodes.AlreadyExists, `Too many sample copies in ${parent}; remove some first.`);
}
