import type { PipelineStep } from '../../../shared/pipeline/types';
import { toPandas } from './pythonExpression';

const py = (value: unknown) => JSON.stringify(value);

/**
 * The fitted pipeline as a standalone Python script (pandas + numpy): every learned parameter is
 * written into the script, so applying it learns nothing from the data it transforms, exactly
 * like the engine. Throws, naming the step, when a step cannot be expressed exactly.
 */
export function exportPython(steps: readonly PipelineStep[], projectName: string): string {
  const lines = [
    '#!/usr/bin/env python3',
    `"""${projectName.replace(/"/g, "'")}: the preprocessing pipeline, exported by ML Workflow.`,
    '',
    'Parameters were learned on the training data; applying this learns nothing from its input.',
    'Usage: python3 pipeline.py input.csv output.csv',
    '"""',
    'import sys',
    '',
    'import numpy as np',
    'import pandas as pd',
    '',
    '',
    'def _key(value):',
    '    """A cell as the text ML Workflow compares categories by (1.0 reads as "1")."""',
    '    if isinstance(value, float) and value.is_integer():',
    '        return str(int(value))',
    '    return str(value)',
    '',
    '',
    'def transform(df: pd.DataFrame) -> pd.DataFrame:',
    '    df = df.copy()',
  ];
  steps.forEach((step, i) => {
    if (step.enabled === false) { lines.push(`    # ${i + 1}. ${step.kind} (disabled)`); return; }
    lines.push(`    # ${i + 1}. ${step.kind}`);
    try {
      lines.push(...stepLines(step).map((l) => `    ${l}`));
    } catch (err) {
      throw new Error(`Step ${i + 1} (${step.kind}): ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  lines.push('    return df', '', '', 'if __name__ == "__main__":', '    transform(pd.read_csv(sys.argv[1])).to_csv(sys.argv[2], index=False)', '');
  return lines.join('\n');
}

function stepLines(step: PipelineStep): string[] {
  switch (step.kind) {
    case 'drop': return [`df = df.drop(columns=${py(step.columns)})`];
    case 'rename': return [`df = df.rename(columns=${py(step.mapping)})`];
    case 'filter': return [`df = df[${toPandas(step.expression)}]`];
    case 'dedupe': return ['df = df.drop_duplicates()'];
    case 'derive': return [`df[${py(step.column)}] = ${toPandas(step.expression)}`];
    case 'cast':
      return step.to === 'number'
        ? [`df[${py(step.column)}] = pd.to_numeric(df[${py(step.column)}], errors="coerce")`]
        : [`df[${py(step.column)}] = df[${py(step.column)}].map(lambda v: np.nan if pd.isna(v) else _key(v))`];
    case 'dateParts': {
      const when = `pd.to_datetime(df[${py(step.column)}], errors="coerce", utc=True)`;
      const accessor: Record<string, string> = { year: 'year', month: 'month', day: 'day', weekday: 'weekday', hour: 'hour' };
      return [
        `_when = ${when}`,
        ...step.parts.map((part) => `df[${py(`${step.column}_${part}`)}] = _when.dt.${accessor[part]}`),
        ...(step.drop ? [`df = df.drop(columns=[${py(step.column)}])`] : []),
      ];
    }
    case 'impute':
      if (step.strategy === 'dropRows') { return [`df = df.dropna(subset=${py(step.columns)})`]; }
      return step.columns.map((c) => `df[${py(c)}] = df[${py(c)}].fillna(${py(fitted(step)[c])})`);
    case 'outliers': {
      const bounds = fitted(step) as Record<string, [number, number]>;
      if (step.action === 'clip') { return step.columns.map((c) => `df[${py(c)}] = df[${py(c)}].clip(${bounds[c][0]}, ${bounds[c][1]})`); }
      return step.columns.map((c) => `df = df[df[${py(c)}].isna() | ((df[${py(c)}] >= ${bounds[c][0]}) & (df[${py(c)}] <= ${bounds[c][1]}))]`);
    }
    case 'scale': {
      const scales = fitted(step) as Record<string, { center: number; scale: number }>;
      return step.columns.map((c) => `df[${py(c)}] = (df[${py(c)}] - ${scales[c].center}) / ${scales[c].scale}`);
    }
    case 'encode': {
      const learned = fitted(step) as Record<string, string[] | Record<string, number>>;
      if (step.method === 'onehot') {
        return [
          ...step.columns.flatMap((c) => (learned[c] as string[]).map((level) => `df[${py(`${c}_${level}`)}] = df[${py(c)}].map(lambda v: 0 if pd.isna(v) else int(_key(v) == ${py(level)}))`)),
          `df = df.drop(columns=${py(step.columns)})`,
        ];
      }
      if (step.method === 'ordinal') {
        return step.columns.map((c) => `df[${py(c)}] = df[${py(c)}].map(lambda v: np.nan if pd.isna(v) else ${py(learned[c])}.index(_key(v)) if _key(v) in ${py(learned[c])} else -1)`);
      }
      return step.columns.map((c) => `df[${py(c)}] = df[${py(c)}].map(lambda v: np.nan if pd.isna(v) else ${py(learned[c])}.get(_key(v), 0))`);
    }
  }
}

function fitted(step: PipelineStep): Record<string, unknown> {
  const learned = 'fitted' in step ? step.fitted : undefined;
  if (!learned) { throw new Error('it has not been fitted yet: run the pipeline first'); }
  return learned as Record<string, unknown>;
}
