import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { savePipeline } from '../../src/engine/pipeline/addStep';
import { previewPipeline } from '../../src/engine/pipeline/previewPipeline';
import { createProject } from '../../src/engine/project/createProject';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { EngineErrorCodes } from '../../src/shared/protocol/engine';
import { ROOT, tempDir } from './tempDir';

async function titanicProject(): Promise<string> {
  const dir = tempDir();
  const dataFile = path.join(dir, 'titanic.csv');
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv'), dataFile);
  return (await createProject({ folder: dir, name: 't', dataFile })).path;
}

describe('pipeline preview and save', () => {
  it('returns the first rows before and after, and the counts after each step', async () => {
    const projectFile = await titanicProject();
    const steps: PipelineStep[] = [{ kind: 'impute', columns: ['age'], strategy: 'median' }, { kind: 'filter', expression: 'd => d.age > 60' }];
    const p = await previewPipeline(projectFile, steps, 5);
    assert.equal(p.rowsBefore.length, 5);
    assert.equal(p.error, undefined);
    assert.deepEqual(p.counts.map((c) => c.rows).slice(0, 1), [1309]);
    assert.ok(p.counts[1].rows < 100 && p.counts[1].rows > 0, `${p.counts[1].rows} rows over 60`);
    const age = p.columnsAfter.indexOf('age');
    assert.ok(p.rowsAfter.every((r) => (r[age] as number) > 60));
    assert.equal(p.rowsAfter.length, 5, 'never more than asked');
  });

  it('names the failing step and returns no rows after it', async () => {
    const projectFile = await titanicProject();
    const p = await previewPipeline(projectFile, [{ kind: 'drop', columns: ['name'] }, { kind: 'filter', expression: 'd => d.nope(' }]);
    assert.equal(p.error?.step, 1);
    assert.deepEqual([p.rowsAfter, p.columnsAfter, p.counts], [[], [], []]);
    assert.equal(p.rowsBefore.length, 20);
  });

  it('save replaces data.pipeline, refusing an unknown kind', async () => {
    const projectFile = await titanicProject();
    const steps: PipelineStep[] = [{ kind: 'dedupe', enabled: false }];
    await savePipeline(projectFile, steps);
    assert.deepEqual(JSON.parse(readFileSync(projectFile, 'utf8')).data.pipeline, steps);
    const before = readFileSync(projectFile, 'utf8');
    await assert.rejects(savePipeline(projectFile, [{ kind: 'explode' } as unknown as PipelineStep]), (err: { code: number; message: string }) => err.code === EngineErrorCodes.InvalidInput && /Step 1/.test(err.message));
    assert.equal(readFileSync(projectFile, 'utf8'), before);
  });
});
