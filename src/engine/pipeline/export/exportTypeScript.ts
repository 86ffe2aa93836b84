import type { PipelineStep } from '../../../shared/pipeline/types';

const js = (value: unknown) => JSON.stringify(value);

/**
 * The fitted pipeline as a standalone TypeScript module over arquero: `transform(table)` applies
 * every step with the parameters learned on the training data written in. Its results equal the
 * engine's (a test runs it).
 */
export function exportTypeScript(steps: readonly PipelineStep[], projectName: string): string {
  const lines = [
    `// ${projectName}: the preprocessing pipeline, exported by ML Workflow.`,
    '// Parameters were learned on the training data; applying this learns nothing from its input.',
    "import * as aq from 'arquero';",
    "import type { ColumnTable } from 'arquero';",
    '',
    'type Row = Record<string, unknown>;',
    'const missing = (v: unknown): boolean => v === null || v === undefined || (typeof v === \'number\' && Number.isNaN(v));',
    'const num = (v: unknown): number => (typeof v === \'number\' ? v : String(v).trim() === \'\' ? NaN : Number(v));',
    '',
    '/** Applies the fitted pipeline to a table with the training data\'s columns. */',
    'export function transform(input: ColumnTable): ColumnTable {',
    '  let t = input;',
  ];
  steps.forEach((step, i) => {
    lines.push(`  // ${i + 1}. ${step.kind}${step.enabled === false ? ' (disabled)' : ''}`);
    if (step.enabled !== false) { lines.push(...stepLines(step).map((l) => `  ${l}`)); }
  });
  lines.push('  return t;', '}', '');
  return lines.join('\n');
}

function stepLines(step: PipelineStep): string[] {
  const esc = (column: string, body: string) => `${js(column)}: aq.escape((d: Row) => ${body})`;
  const col = (c: string) => `d[${js(c)}]`;
  switch (step.kind) {
    case 'drop': return [`t = t.select(aq.not(...${js(step.columns)}));`];
    case 'rename': return [`t = t.rename(${js(step.mapping)});`];
    case 'filter': return [`t = t.filter(${js(step.expression)});`];
    case 'dedupe': return ['t = t.dedupe();'];
    case 'derive': return [`t = t.derive({ ${js(step.column)}: ${js(step.expression)} });`];
    case 'cast':
      return [`t = t.derive({ ${esc(step.column, step.to === 'number'
        ? `(missing(${col(step.column)}) ? NaN : num(${col(step.column)}))`
        : `(missing(${col(step.column)}) ? null : String(${col(step.column)}))`)} });`];
    case 'dateParts':
      throw new Error('date parts are not in the TypeScript export yet; use the Python export');
    case 'impute': {
      if (step.strategy === 'dropRows') { return [`t = t.filter(aq.escape((d: Row) => ${js(step.columns)}.every((c) => !missing(d[c]))));`]; }
      const f = fitted(step) as Record<string, unknown>;
      return [`t = t.derive({ ${step.columns.map((c) => esc(c, `(missing(${col(c)}) ? ${js(f[c])} : ${col(c)})`)).join(', ')} });`];
    }
    case 'outliers': {
      const f = fitted(step) as Record<string, [number, number]>;
      if (step.action === 'remove') {
        return [`t = t.filter(aq.escape((d: Row) => ${step.columns.map((c) => `(missing(${col(c)}) || (num(${col(c)}) >= ${f[c][0]} && num(${col(c)}) <= ${f[c][1]}))`).join(' && ')}));`];
      }
      return [`t = t.derive({ ${step.columns.map((c) => esc(c, `(missing(${col(c)}) ? ${col(c)} : Math.min(${f[c][1]}, Math.max(${f[c][0]}, num(${col(c)}))))`)).join(', ')} });`];
    }
    case 'scale': {
      const f = fitted(step) as Record<string, { center: number; scale: number }>;
      return [`t = t.derive({ ${step.columns.map((c) => esc(c, `(missing(${col(c)}) ? NaN : (num(${col(c)}) - ${f[c].center}) / ${f[c].scale})`)).join(', ')} });`];
    }
    case 'encode': {
      const f = fitted(step) as Record<string, string[] | Record<string, number>>;
      if (step.method === 'onehot') {
        const indicators = step.columns.flatMap((c) => (f[c] as string[]).map((level) => esc(`${c}_${level}`, `(missing(${col(c)}) ? 0 : String(${col(c)}) === ${js(level)} ? 1 : 0)`)));
        return [`t = t.derive({ ${indicators.join(', ')} }).select(aq.not(...${js(step.columns)}));`];
      }
      if (step.method === 'ordinal') {
        return [`t = t.derive({ ${step.columns.map((c) => esc(c, `(missing(${col(c)}) ? NaN : ${js(f[c])}.indexOf(String(${col(c)})))`)).join(', ')} });`];
      }
      return [`t = t.derive({ ${step.columns.map((c) => esc(c, `(missing(${col(c)}) ? NaN : ((${js(f[c])} as Record<string, number>)[String(${col(c)})] ?? 0))`)).join(', ')} });`];
    }
  }
}

function fitted(step: PipelineStep): unknown {
  const learned = 'fitted' in step ? step.fitted : undefined;
  if (!learned) { throw new Error('it has not been fitted yet: run the pipeline first'); }
  return learned;
}
