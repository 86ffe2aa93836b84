// Numbers as people read them, the same in the editor's header summaries, hovers and the Data Profile panel.

/** 12,345 */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A statistic to four significant digits; dates and other strings as they are. */
export function stat(x: number | string | undefined | null): string {
  if (x === undefined || x === null) { return '–'; }
  if (typeof x === 'string') { return x; }
  if (!Number.isFinite(x)) { return String(x); }
  if (Number.isInteger(x)) { return count(x); }
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) { return x.toExponential(3); }
  return x.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

/** 0%, <0.1%, 2.5%, 13% */
export function percent(part: number, whole: number): string {
  if (whole === 0 || part === 0) { return '0%'; }
  const pct = (100 * part) / whole;
  if (pct < 0.1) { return '<0.1%'; }
  return pct < 10 ? `${Number(pct.toFixed(1))}%` : `${Math.round(pct)}%`;
}

/** "1 alert", "3 alerts" */
export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** 1.2 MB */
export function bytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
