// Dates written as text: ISO (2024-03-01, 2024-03-01T12:30:00Z) and the common day/month forms
// (01/03/2024, 1.3.2024). Day-first or month-first is decided for the whole column.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Whether every value reads as a date, and if so the earliest and latest as ISO text. */
export function dateRange(values: readonly string[]): { min: string; max: string } | undefined {
  if (values.length === 0) { return undefined; }
  const iso = values.every((v) => ISO.test(v));
  const dmy = !iso && values.every((v) => DMY.test(v));
  if (!iso && !dmy) { return undefined; }
  // Month-first (US) unless a first part above 12 shows the column is day-first.
  const dayFirst = dmy && values.some((v) => Number(DMY.exec(v)?.[1]) > 12);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    const t = iso ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) : parseDmy(v, dayFirst);
    if (Number.isNaN(t)) { return undefined; }
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const show = (t: number) => { const s = new Date(t).toISOString(); return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s; };
  return { min: show(min), max: show(max) };
}

function parseDmy(v: string, dayFirst: boolean): number {
  const m = DMY.exec(v);
  if (!m) { return NaN; }
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [day, month] = dayFirst ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) { return NaN; }
  return Date.UTC(Number(m[3]), month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}
