import { count as formatCount, percent as formatPercent, stat as formatNumber } from '../../shared/profile/format';
import type { ColumnProfile, DataProfile } from '../../shared/profile/types';

// The words the editor shows for a profile: the one-line summary after each header cell, the
// status bar text, and the hover's statistics table. Plain strings (Markdown for the hover), no
// `vscode`, so that the same wording serves every surface.

/** The text after a header cell: `integer · 0% missing · 35 distinct`; sampled numbers carry `≈`. */
export function columnSummary(column: ColumnProfile, sampled: boolean): string {
  const approx = sampled ? '≈' : '';
  const missing = `${approx}${formatPercent(column.missing, column.count + column.missing)} missing`;
  return `${column.type} · ${missing} · ${approx}${formatCount(column.distinct)} distinct`;
}

/** The status bar text: `150 × 5 · 2 alerts`, marked when sampled. */
export function profileSummary(profile: DataProfile): string {
  const alerts = profile.alerts.length;
  const text = `${formatCount(profile.rows)} × ${formatCount(profile.columns.length)} · ${alerts} alert${alerts === 1 ? '' : 's'}`;
  return profile.sampled ? `${text} (sample)` : text;
}

/** What the numbers of a sampled profile stand for, in one sentence. */
export function sampleNote(profile: DataProfile): string {
  return profile.sampleNote ?? `Computed from a sample of ${formatCount(profile.rows)} rows; the exact profile replaces it when ready.`;
}

/** The hover's statistics as a Markdown table (rows only for the statistics the column has). */
export function statsTable(column: ColumnProfile): string {
  const total = column.count + column.missing;
  const rows: [string, string][] = [
    ['values', formatCount(column.count)],
    ['missing', `${formatCount(column.missing)} (${formatPercent(column.missing, total)})`],
    ['distinct', formatCount(column.distinct)],
  ];
  const numeric: [string, number | string | undefined][] = [
    ['mean', column.mean], ['std', column.std], ['min', column.min], ['25%', column.q25], ['median', column.median],
    ['75%', column.q75], ['max', column.max], ['skewness', column.skew], ['kurtosis', column.kurtosis],
    ['zeros', column.zeros], ['negatives', column.negatives], ['outliers (1.5 × IQR)', column.outliers],
  ];
  for (const [label, value] of numeric) {
    if (value !== undefined) { rows.push([label, formatNumber(value)]); }
  }
  if (column.lengths) {
    rows.push(['length', `${formatNumber(column.lengths.min)} – ${formatNumber(column.lengths.max)} (mean ${formatNumber(column.lengths.mean)})`]);
  }
  const escape = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
  // Two statistics per row: a hover is short on height, not on width.
  // The empty middle column keeps a gap between the two pairs.
  const lines = ['| | | | | |', '|:--|--:|---|:--|--:|'];
  for (let i = 0; i < rows.length; i += 2) {
    const [k1, v1] = rows[i];
    const [k2, v2] = rows[i + 1] ?? ['', ''];
    lines.push(`| ${k1} | ${escape(v1)} | | ${k2} | ${escape(v2)} |`);
  }
  return lines.join('\n');
}

/** The most frequent values as a Markdown list, for columns that have them. */
export function topValuesList(column: ColumnProfile, limit = 5): string {
  if (!column.top || column.top.length === 0) { return ''; }
  const escape = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
  return column.top.slice(0, limit).map((t) => `- ${escape(t.value === '' ? '(empty)' : t.value)}: ${formatCount(t.count)}`).join('\n');
}
