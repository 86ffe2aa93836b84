import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ColumnTable } from 'arquero';
import { transformSync } from 'esbuild';
import { readCsv } from '../../src/engine/data/csvReader';
import { exportTypeScript } from '../../src/engine/pipeline/export/exportTypeScript';
import { toFrame } from '../../src/engine/pipeline/frame';
import { fitPipeline } from '../../src/engine/pipeline/runPipeline';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { ROOT } from './tempDir';

describe('pipeline export as TypeScript', () => {
  it('compiles and gives the engine\'s output on titanic', async () => {
    const steps: PipelineStep[] = [
      { kind: 'drop', columns: ['name'] },
      { kind: 'rename', mapping: { passengerClass: 'klass' } },
      { kind: 'impute', columns: ['age'], strategy: 'median' },
      { kind: 'outliers', columns: ['age'], method: 'iqr', action: 'clip' },
      { kind: 'derive', column: 'child', expression: 'd => d.age < 12 ? 1 : 0' },
      { kind: 'filter', expression: 'd => d.klass !== "1st" || d.age > 1' },
      { kind: 'encode', columns: ['sex'], method: 'onehot' },
      { kind: 'encode', columns: ['klass'], method: 'frequency' },
      { kind: 'scale', columns: ['age'], method: 'standard' },
      { kind: 'dedupe' },
    ];
    const input = toFrame(await readCsv({ path: path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv') }));
    const engine = fitPipeline(steps, input);
    const source = exportTypeScript(engine.steps, 'titanic');
    // Compiled the way a user's build would, and loaded from inside the repository so that `arquero` resolves.
    const compiled = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20' }).code;
    const dir = path.join(ROOT, 'out', 'exported');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pipeline-${process.pid}.cjs`);
    writeFileSync(file, compiled);
    const { transform } = require(file) as { transform: (t: ColumnTable) => ColumnTable };
    const exported = transform(input);
    assert.deepEqual(exported.columnNames(), engine.frame.columnNames());
    assert.deepEqual(exported.objects(), engine.frame.objects());
  });
});
