// Turns measured runs into the console table and bench/RESULTS.md.
// Only measured numbers are written: a tool that did not run shows why, never a guess.
import { median } from './measure.mjs';

/** Median wall time and peak memory of a tool's successful runs, or why there are none. */
export function summarise(tool) {
  if (!tool.available) return { ...tool, status: `not available: ${tool.reason}` };
  const good = tool.runs.filter((r) => r.ok);
  if (good.length === 0) {
    return { ...tool, status: `failed: ${tool.runs[0]?.error ?? 'no runs'}` };
  }
  const walls = good.map((r) => r.wallS);
  return {
    ...tool,
    status: good.length === tool.runs.length
      ? 'ok'
      : `${tool.runs.length - good.length} run(s) failed: ${tool.runs.find((r) => !r.ok).error}`,
    wallS: median(walls),
    minWallS: Math.min(...walls),
    maxWallS: Math.max(...walls),
    peakMiB: median(good.map((r) => r.peakMiB)),
    okRuns: good.length,
  };
}

const has = (s) => s && Number.isFinite(s.wallS);

/** The lead engineer's bars, each with the numbers it was judged on. */
export function judgeBars(byKey) {
  const { ours, sample, pandas, duckdb } = byKey;
  const notMeasured = (who) => ({ measured: `${who} not measured`, verdict: 'not measured' });
  const verdict = (ok) => (ok ? 'holds' : 'fails');
  return [
    {
      bar: 'ours >= 3x faster than pandas',
      ...(has(ours) && has(pandas)
        ? { measured: `pandas / ours = ${(pandas.wallS / ours.wallS).toFixed(2)}x`, verdict: verdict(pandas.wallS / ours.wallS >= 3) }
        : notMeasured(has(ours) ? 'pandas' : 'ours')),
    },
    {
      bar: 'ours faster than DuckDB SUMMARIZE',
      ...(has(ours) && has(duckdb)
        ? { measured: `DuckDB / ours = ${(duckdb.wallS / ours.wallS).toFixed(2)}x`, verdict: verdict(ours.wallS < duckdb.wallS) }
        : notMeasured(has(ours) ? 'DuckDB' : 'ours')),
    },
    {
      bar: "ours' peak memory <= pandas'",
      ...(has(ours) && has(pandas)
        ? { measured: `${ours.peakMiB.toFixed(0)} MiB vs ${pandas.peakMiB.toFixed(0)} MiB`, verdict: verdict(ours.peakMiB <= pandas.peakMiB) }
        : notMeasured(has(ours) ? 'pandas' : 'ours')),
    },
    {
      bar: 'sampled profile < 1 s',
      ...(has(sample)
        ? { measured: `${sample.wallS.toFixed(2)} s`, verdict: verdict(sample.wallS < 1) }
        : notMeasured('sampled profile')),
    },
  ];
}

/** Pandas/ours and DuckDB/ours wall-time ratios (how many times faster ours is). */
export function ratios(byKey) {
  const { ours, pandas, duckdb } = byKey;
  const ratio = (peer) => (has(ours) && has(peer) ? `${(peer.wallS / ours.wallS).toFixed(2)}x` : 'not measured');
  return [
    ['pandas / ours (wall)', ratio(pandas)],
    ['DuckDB SUMMARIZE / ours (wall)', ratio(duckdb)],
  ];
}

const cells = (s) =>
  has(s)
    ? [s.label, s.wallS.toFixed(2), s.peakMiB.toFixed(0), `${s.minWallS.toFixed(2)}-${s.maxWallS.toFixed(2)}`, `${s.okRuns}/${s.runs.length}`, s.status]
    : [s.label, '-', '-', '-', `0/${s.runs.length}`, s.status];

const header = ['tool', 'wall s (median)', 'peak MiB (median)', 'wall s min-max', 'runs ok', 'status'];

/** A fixed-width table for the terminal. */
export function consoleTable(summaries) {
  const rows = [header, ...summaries.map(cells)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

const mdRow = (cols) => `| ${cols.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`;

/** The profiling section of RESULTS.md. */
export function resultsMarkdown({ machine, data, runs, summaries, byKey }) {
  const lines = [
    '## Profiling: measured results',
    '',
    `Written by \`node bench/profileBench.mjs\` on ${machine.date}. Every number here was measured in that run;`,
    'see [README.md](README.md) for what is measured and how.',
    '',
    '### Machine',
    '',
    `- CPU cores (\`nproc\`): ${machine.nproc}${machine.cpu ? ` (${machine.cpu})` : ''}`,
    `- Memory: ${machine.memGiB} GiB`,
    `- Node.js: ${machine.node}`,
    `- pandas: ${machine.pandas} (Python ${machine.python}, /usr/bin/python3)`,
    `- DuckDB: ${machine.duckdb} via @duckdb/node-api ${machine.duckdbNodeApi}, default threads (${machine.duckdbThreads})`,
    '',
    '### Data',
    '',
    `\`${data.path}\`: ${data.rows.toLocaleString('en-US')} rows x ${data.columns} columns, ` +
      `${(data.bytes / 1e6).toFixed(1)} MB (${(data.bytes / 2 ** 20).toFixed(1)} MiB), from \`bench/generateCsv.mjs\` (seeded).`,
    '',
    `## Results (median of ${runs} runs; peak = maximum resident set size from \`/usr/bin/time -v\`)`,
    '',
    mdRow(header),
    mdRow(header.map(() => '---')),
    ...summaries.map((s) => mdRow(cells(s))),
    '',
    'Commands (stdout to /dev/null):',
    '',
    ...summaries.map((s) => `- ${s.label}: \`${s.display}\``),
    '',
    '### Ratios (how many times faster ours is)',
    '',
    ...ratios(byKey).map(([name, value]) => `- ${name}: ${value}`),
    '',
    '### Bars',
    '',
    mdRow(['bar', 'measured', 'verdict']),
    mdRow(['---', '---', '---']),
    ...judgeBars(byKey).map((b) => mdRow([b.bar, b.measured, b.verdict])),
    '',
  ];
  return lines.join('\n');
}
