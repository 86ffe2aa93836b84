import { EngineErrorCodes } from '../../../shared/protocol/engine';
import type { PipelineLanguage } from '../../../shared/protocol/engine';
import { EngineError, fileError } from '../../errors';
import { writeFileAtomic } from '../../storage/atomicWrite';
import { fittedPipeline } from '../runProjectPipeline';
import { exportPython } from './exportPython';
import { exportTypeScript } from './exportTypeScript';

/** Writes the project's fitted pipeline as code: a pandas script or an arquero TypeScript module. */
export async function exportProjectPipeline(projectFile: string, language: PipelineLanguage, out: string): Promise<{ out: string }> {
  if (language !== 'python' && language !== 'typescript') {
    throw new EngineError(EngineErrorCodes.InvalidInput, `Unknown export language ${JSON.stringify(language)} (python or typescript).`);
  }
  const { name, steps } = await fittedPipeline(projectFile);
  let code: string;
  try {
    code = language === 'python' ? exportPython(steps, name) : exportTypeScript(steps, name);
  } catch (err) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${projectFile}: ${(err as Error).message}`);
  }
  await writeFileAtomic(out, code).catch((err: unknown) => { throw fileError(out, err); });
  return { out };
}
