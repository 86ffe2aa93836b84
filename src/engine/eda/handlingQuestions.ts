import type { EdaColumnFinding, EdaQuestion } from '../../shared/eda/types';
import type { ImputeStrategy, PipelineStep, ScaleMethod } from '../../shared/pipeline/types';
import type { ColumnProfile } from '../../shared/profile/types';
import { roleOf } from './columnRoles';
import { features, num, pct } from './edaTable';
import type { EdaTable } from './edaTable';

/** Under this share of rows missing, dropping those rows costs less than guessing their values. */
const DROP_ROWS_SHARE = 0.01;
/** |skew| above this: the median and robust scaling describe the column better than mean and std. */
const SKEWED = 1;
/** Standard deviations further apart than this factor: scales differ enough to matter to distance- and gradient-based models. */
const SCALE_RATIO = 10;

/** The three handling questions: missing data, outliers, normalisation. */
export function handlingQuestions(t: EdaTable): EdaQuestion[] {
  return [missingQuestion(t), outliersQuestion(t), normalisationQuestion(t)];
}

const isSkewed = (c: ColumnProfile) => Math.abs(c.skew ?? 0) > SKEWED;

function missingQuestion(t: EdaTable): EdaQuestion {
  const rows = t.profile.rows;
  const byStrategy = new Map<ImputeStrategy, string[]>();
  const findings: EdaColumnFinding[] = [];
  for (const [index, c] of t.profile.columns.entries()) {
    if (c.missing === 0) { continue; }
    const share = c.missing / rows;
    const role = roleOf(c);
    let strategy: ImputeStrategy | undefined;
    let note: string;
    if (share < DROP_ROWS_SHARE || index === t.target) {
      strategy = 'dropRows';
      note = index === t.target ? 'the target: rows without it cannot train a model, drop them' : `under ${pct(DROP_ROWS_SHARE, 1)} of rows: drop those rows`;
    } else if (role === 'numeric' && c.type !== 'id') {
      strategy = isSkewed(c) ? 'median' : 'mean';
      note = isSkewed(c) ? `skewed (skew ${num(c.skew)}): fill with the median` : 'fill with the mean';
    } else if (role === 'categorical') {
      strategy = 'mostFrequent';
      note = `categories: fill with the most frequent value ("${c.top?.[0]?.value ?? ''}")`;
    } else {
      note = `${c.type} column: no automatic fill; drop the column or derive a feature from it`;
    }
    findings.push({ column: c.name, count: c.missing, share, note });
    if (strategy) { byStrategy.set(strategy, [...(byStrategy.get(strategy) ?? []), c.name]); }
  }
  const order: ImputeStrategy[] = ['dropRows', 'median', 'mean', 'mostFrequent'];
  const suggestedSteps: PipelineStep[] = order.filter((s) => byStrategy.has(s)).map((strategy) => ({ kind: 'impute', columns: byStrategy.get(strategy) ?? [], strategy }));
  const answer = findings.length === 0
    ? 'No value is missing: nothing to impute.'
    : `${findings.length} column${findings.length === 1 ? '' : 's'} with missing values (${findings.map((f) => `${f.column} ${pct(f.count ?? 0, rows)}`).join(', ')}); ${t.profile.rowsWithMissing} rows (${pct(t.profile.rowsWithMissing, rows)}) miss at least one value.`;
  return { kind: 'missing', title: 'Missing data', answer, findings, suggestedSteps };
}

function outliersQuestion(t: EdaTable): EdaQuestion {
  const numeric = features(t).filter(({ column: c }) => roleOf(c) === 'numeric' && c.type !== 'id');
  const findings: EdaColumnFinding[] = numeric.map(({ column: c }) => ({
    column: c.name, count: c.outliers ?? 0, share: (c.outliers ?? 0) / Math.max(1, c.count),
    note: (c.outliers ?? 0) === 0 ? 'none outside the fences' : `${c.outliers} values outside [${num(fence(c, -1))}, ${num(fence(c, 1))}]`,
  }));
  const flagged = findings.filter((f) => (f.count ?? 0) > 0);
  const suggestedSteps: PipelineStep[] = flagged.length === 0 ? [] : [{ kind: 'outliers', columns: flagged.map((f) => f.column), method: 'iqr', action: 'clip' }];
  const answer = numeric.length === 0 ? 'No numeric feature to check.'
    : flagged.length === 0 ? 'No numeric feature has values outside its 1.5 x IQR fences.'
      : `${flagged.length} of ${numeric.length} numeric features have values outside their 1.5 x IQR fences: ${flagged.map((f) => `${f.column} ${f.count}`).join(', ')}. Clipping to the fences (learned on training rows) keeps the rows and limits their pull.`;
  return { kind: 'outliers', title: 'Outliers', answer, findings, suggestedSteps };
}

function fence(c: ColumnProfile, side: -1 | 1): number {
  const iqr = (c.q75 ?? NaN) - (c.q25 ?? NaN);
  return side < 0 ? (c.q25 ?? NaN) - 1.5 * iqr : (c.q75 ?? NaN) + 1.5 * iqr;
}

function normalisationQuestion(t: EdaTable): EdaQuestion {
  const numeric = features(t).map(({ column }) => column).filter((c) => roleOf(c) === 'numeric' && c.type !== 'id' && (c.std ?? 0) > 0);
  const stds = numeric.map((c) => c.std ?? 0);
  const ratio = numeric.length < 2 ? 1 : Math.max(...stds) / Math.min(...stds);
  const differentScales = ratio > SCALE_RATIO;
  const methodOf = (c: ColumnProfile): ScaleMethod => (isSkewed(c) || (c.outliers ?? 0) > 0 ? 'robust' : 'standard');
  // Similar scales: only the skewed columns need robust scaling; different scales: every numeric feature is scaled.
  const chosen = differentScales ? numeric : numeric.filter(isSkewed);
  const findings: EdaColumnFinding[] = numeric.map((c) => ({
    column: c.name,
    note: `std ${num(c.std)}, range ${num(c.min as number)} to ${num(c.max as number)}${isSkewed(c) ? `, skewed (${num(c.skew)})` : ''}${chosen.includes(c) ? `: ${methodOf(c)} scaling` : ''}`,
  }));
  const suggestedSteps: PipelineStep[] = (['robust', 'standard'] as const).flatMap((method) => {
    const columns = chosen.filter((c) => methodOf(c) === method).map((c) => c.name);
    return columns.length === 0 ? [] : [{ kind: 'scale' as const, columns, method }];
  });
  const skewed = numeric.filter(isSkewed).map((c) => c.name);
  const answer = numeric.length === 0 ? 'No numeric feature to scale.'
    : chosen.length === 0 ? `The numeric features are on similar scales (standard deviations within a factor of ${num(ratio)}) and none is strongly skewed: scaling is optional (tree models never need it).`
      : `${differentScales ? `Scales differ by a factor of ${num(ratio)} in standard deviation` : 'Scales are similar'}${skewed.length > 0 ? `; skewed: ${skewed.join(', ')}` : ''}. Scale before distance- or gradient-based models (k-NN, linear, neural networks): robust scaling (median, IQR) for skewed columns or columns with outliers, standard otherwise.`;
  return { kind: 'normalisation', title: 'Normalisation', answer, findings, suggestedSteps };
}
