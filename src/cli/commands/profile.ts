import type { ColumnProfile, DataProfile } from '../../shared/profile/types';
import { profileFile } from '../../engine/profile/profileFile';
import { EngineError } from '../../engine/errors';
import { CliError } from '../output';
import type { CliIo } from '../output';

export interface ProfileOptions { json: boolean; sample?: string; delimiter?: string; threads?: string; naValues?: string }

/**
 * `mlw profile <file> [--json] [--sample N] [--delimiter C] [--threads 1|2]`: the exact profile by
 * default; with --sample, the quick sampled answer of N rows. A file that cannot be read exits with 2.
 */
export async function runProfile(file: string, options: ProfileOptions, io: CliIo): Promise<number> {
  const sampleRows = options.sample === undefined ? undefined : Number(options.sample);
  if (sampleRows !== undefined && !(Number.isInteger(sampleRows) && sampleRows > 0)) { throw new CliError(`--sample needs a positive whole number of rows, not "${options.sample}".`, 2); }
  const delimiter = options.delimiter === '\\t' || options.delimiter === 'tab' ? '\t' : options.delimiter;
  if (delimiter !== undefined && delimiter.length !== 1) { throw new CliError(`--delimiter must be one character (or "tab"), not "${options.delimiter}".`, 2); }
  const threads = options.threads === undefined ? 2 : Number(options.threads);
  if (!(threads === 1 || threads === 2)) { throw new CliError(`--threads is 1 or 2, not "${options.threads}".`, 2); }
  let profile: DataProfile;
  try {
    const missingMarkers = options.naValues === undefined ? undefined : options.naValues.split(',');
    profile = await profileFile({ path: file, mode: sampleRows ? 'sample' : 'full', sampleRows, delimiter, threads, missingMarkers });
  } catch (err) {
    if (err instanceof EngineError) { throw new CliError(err.message, 2); }
    throw err;
  }
  io.out(options.json ? `${JSON.stringify(profile)}\n` : humanReport(profile));
  return 0;
}

function humanReport(p: DataProfile): string {
  const lines: string[] = [];
  lines.push(`${p.file}: ${p.rows.toLocaleString('en-US')} rows x ${p.columns.length} columns${p.sampled ? ` (SAMPLED: ${p.sampleNote})` : ''}, `
    + `${p.missingCells.toLocaleString('en-US')} missing cells, ${p.duplicateRows.toLocaleString('en-US')} duplicate rows, profiled in ${p.seconds.toFixed(2)} s`, '');
  const header = ['column', 'type', 'missing', 'distinct', 'mean', 'std', 'min', 'median', 'max', 'top'];
  const rows = p.columns.map((c) => [c.name, c.type, `${c.missing} (${pct(c.missing, c.missing + c.count)})`, String(c.distinct),
    num(c.mean), num(c.std), val(c.min), num(c.median), val(c.max), top(c)]);
  const widths = header.map((h, i) => Math.min(28, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (r: string[]) => r.map((cell, i) => clip(cell, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  if (p.alerts.length > 0) { lines.push('', 'Alerts:', ...p.alerts.map((a) => `  [${a.kind}] ${a.message}`)); }
  if (p.problems.length > 0) {
    lines.push('', `Problems${p.problemsTruncated ? ' (first ones)' : ''}:`, ...p.problems.slice(0, 20).map((x) => `  ${p.file}:${x.line}: ${x.message}`));
    if (p.problems.length > 20) { lines.push(`  ... and ${p.problems.length - 20} more (--json lists them)`); }
  }
  return `${lines.join('\n')}\n`;
}

function pct(part: number, whole: number): string { return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`; }
function num(x: number | undefined): string { return x === undefined || Number.isNaN(x) ? '' : Number(x.toPrecision(6)).toString(); }
function val(x: number | string | undefined): string { return typeof x === 'number' ? num(x) : x ?? ''; }
function top(c: ColumnProfile): string { return c.top?.[0] ? `${c.top[0].value} (${c.top[0].count})` : ''; }
function clip(s: string, w: number): string { return s.length > w ? `${s.slice(0, w - 1)}…` : s; }
