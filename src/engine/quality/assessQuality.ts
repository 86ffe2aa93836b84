import * as path from 'node:path';
import type { ColumnProfile, DataProfile } from '../../shared/profile/types';
import type { ProjectFile } from '../../shared/project/types';
import type { QualityFinding, QualityReport, SuggestedRisk } from '../../shared/quality/types';
import type { ColumnBuilder } from '../data/columnBuilder';
import { readCsv } from '../data/csvReader';
import { chunkedTable } from '../profile/chunkedTable';
import { profileTableInParallel } from '../profile/parallelProfile';
import { loadProject, pickSource } from '../project/loadProject';
import { groupKeys, namedLike, purity } from './leakage';
import { personalDataKind } from './personalData';

/** A feature that alone gets the target right this often (and far more often than guessing) leaks it. */
const LEAKAGE_PURITY = 0.98;
const LEAKAGE_CORRELATION = 0.98;
const MINORITY_SHARE = 0.1;

/**
 * The quality of one data source of a project: read problems, duplicates, constant, ID-like and
 * mixed-type columns, missing cells, values outside the declared ranges, the target's class
 * balance, likely target leakage and likely personal data (with risks to record for the last two).
 */
export async function assessQuality(projectFile: string, sourceName?: string): Promise<QualityReport> {
  const project = await loadProject(projectFile);
  const source = pickSource(project, projectFile, sourceName);
  const file = path.resolve(path.dirname(projectFile), source.path);
  const table = await readCsv({ path: file });
  const profile = await profileTableInParallel(chunkedTable(table), { file, sampled: false, startedAt: Date.now() });
  const findings: QualityFinding[] = [];
  const risks: SuggestedRisk[] = [];
  tableFindings(profile, findings);
  for (const [i, column] of profile.columns.entries()) { columnFindings(column, table.columns[i], profile.rows, findings, risks); }
  rangeFindings(project, table.columns, profile, findings);
  const target = project.problem?.target;
  const report: QualityReport = { source: source.name, file, rows: profile.rows, columns: profile.columns.length, findings, suggestedRisks: risks };
  const targetIndex = target === undefined ? -1 : profile.columns.findIndex((c) => c.name === target);
  if (target !== undefined && targetIndex >= 0) {
    report.target = target;
    targetFindings(project, profile, table.columns, targetIndex, report);
  }
  return report;
}

function tableFindings(profile: DataProfile, findings: QualityFinding[]): void {
  if (profile.problems.length > 0) {
    const lines = profile.problems.slice(0, 5).map((p) => p.line).join(', ');
    findings.push({ kind: 'readProblems', severity: 'error', column: null, message: `${profile.problems.length}${profile.problemsTruncated ? '+' : ''} rows could not be read cleanly (lines ${lines}${profile.problems.length > 5 ? ', …' : ''}).` });
  }
  if (profile.duplicateRows > 0) {
    findings.push({ kind: 'duplicates', severity: 'warning', column: null, message: `${profile.duplicateRows} rows (${pct(profile.duplicateRows, profile.rows)}) repeat an earlier row exactly.` });
  }
}

function columnFindings(c: ColumnProfile, column: ColumnBuilder, rows: number, findings: QualityFinding[], risks: SuggestedRisk[]): void {
  if (c.count > 0 && c.distinct <= 1) { findings.push({ kind: 'constant', severity: 'warning', column: c.name, message: `${c.name} has one value only: it cannot help a model.` }); }
  if (c.type === 'id' || (c.type !== 'float' && c.count > 1 && c.distinct === c.count && c.count === rows)) {
    findings.push({ kind: 'idLike', severity: 'warning', column: c.name, message: `${c.name} is unique per row (ID-like): drop it before training, or a model memorises it.` });
  }
  if (c.mixed) { findings.push({ kind: 'mixedTypes', severity: 'warning', column: c.name, message: `${c.name} holds both numbers and text (e.g. "${c.top?.[0]?.value ?? ''}"): cast it or clean the text.` }); }
  if (c.missing > 0) {
    findings.push({ kind: 'missing', severity: c.missing / rows > 0.5 ? 'warning' : 'info', column: c.name, message: `${c.name} is missing in ${c.missing} rows (${pct(c.missing, rows)}).` });
  }
  const personal = personalDataKind(c, column.dictionary);
  if (personal) {
    findings.push({ kind: 'personalData', severity: 'warning', column: c.name, message: `${c.name} looks like ${personal}: personal data, a compliance risk.` });
    risks.push({
      risk: `Column "${c.name}" holds personal data (${personal}); processing it may fall under data-protection law (e.g. GDPR).`,
      likelihood: 'high', impact: 'high',
      mitigation: 'Drop or pseudonymise the column before training; record the legal basis and who may see the raw data.',
    });
  }
}

function rangeFindings(project: ProjectFile, columns: readonly ColumnBuilder[], profile: DataProfile, findings: QualityFinding[]): void {
  for (const [name, range] of Object.entries(project.data?.ranges ?? {})) {
    const index = profile.columns.findIndex((c) => c.name === name);
    if (index < 0) { findings.push({ kind: 'impossibleValues', severity: 'warning', column: name, message: `A range is declared for ${name}, which this data does not have.` }); continue; }
    const { numbers } = columns[index].finish();
    let outside = 0;
    for (let i = 0; i < numbers.length; i++) {
      const v = numbers[i];
      if (v === v && ((range.min !== undefined && v < range.min) || (range.max !== undefined && v > range.max))) { outside++; }
    }
    if (outside > 0) {
      const c = profile.columns[index];
      findings.push({ kind: 'impossibleValues', severity: 'error', column: name,
        message: `${outside} values of ${name} are outside its possible range [${range.min ?? '-∞'}, ${range.max ?? '∞'}] (seen ${String(c.min)} to ${String(c.max)}).` });
    }
  }
}

function targetFindings(project: ProjectFile, profile: DataProfile, columns: readonly ColumnBuilder[], targetIndex: number, report: QualityReport): void {
  const target = profile.columns[targetIndex];
  const task = project.problem?.task;
  const classification = task === 'binary' || task === 'multiclass' || (task === undefined && target.type !== 'float');
  const findings = report.findings;
  for (const c of profile.columns) {
    if (c !== target && namedLike(c.name, target.name)) {
      findings.push({ kind: 'leakage', severity: 'warning', column: c.name, message: `${c.name} is named like the target ${target.name}: check it is known before the target is.` });
    }
  }
  if (classification) {
    report.classCounts = (target.top ?? []).map((t) => ({ value: t.value, count: t.count }));
    const minority = report.classCounts[report.classCounts.length - 1];
    // A minority under half its fair share (and under 10%) is imbalance; ten balanced classes are 10% each.
    const threshold = Math.min(MINORITY_SHARE, 0.5 / Math.max(2, target.distinct));
    if (minority && target.count > 0 && minority.count / target.count < threshold) {
      findings.push({ kind: 'imbalance', severity: 'warning', column: target.name, message: `The target is imbalanced: class "${minority.value}" is ${pct(minority.count, target.count)} of rows. Prefer macro-F1 or ROC-AUC to accuracy, and stratified folds.` });
    }
    const targetKeys = groupKeys(columns[targetIndex], target.distinct);
    const majority = (target.top?.[0]?.count ?? 0) / Math.max(1, target.count);
    profile.columns.forEach((c, i) => {
      // Groups of a few rows each are pure by chance: text with that many values is not judged.
      const manyLevels = c.type !== 'float' && c.type !== 'integer' && c.distinct > c.count / 10;
      if (i === targetIndex || c.type === 'id' || manyLevels) { return; }
      const { purity: p, rows } = purity(groupKeys(columns[i], c.distinct), targetKeys);
      // Leakage: nearly always right, and at least 80% fewer mistakes than always guessing the majority class.
      if (rows > 0 && p >= LEAKAGE_PURITY && 1 - p <= 0.2 * (1 - majority)) { leak(report, c.name, target.name, `${c.name} alone predicts ${target.name} for ${pct(Math.round(p * rows), rows)} of rows (the majority class alone: ${pct(Math.round(majority * target.count), target.count)}).`); }
    });
  } else {
    const names = profile.correlations.columns;
    const t = names.indexOf(target.name);
    names.forEach((name, i) => {
      const r = t >= 0 ? profile.correlations.pearson[t][i] : null;
      if (i !== t && r !== null && Math.abs(r) >= LEAKAGE_CORRELATION) { leak(report, name, target.name, `${name} is almost the target ${target.name} (r = ${r.toFixed(3)}).`); }
    });
  }
}

function leak(report: QualityReport, column: string, target: string, message: string): void {
  report.findings.push({ kind: 'leakage', severity: 'error', column, message: `Likely target leakage: ${message}` });
  report.suggestedRisks.push({
    risk: `Column "${column}" may leak the target "${target}": a model trained on it would look better than it will be in use.`,
    likelihood: 'medium', impact: 'high', mitigation: `Check when ${column} becomes known; drop it if only after ${target}.`,
  });
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}
