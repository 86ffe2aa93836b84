// Profiling benchmark: our `mlw profile` against pandas and DuckDB on the same wide CSV.
// Usage: node bench/profileBench.mjs [--rows N] [--runs 3]    (or: npm run bench)
// Prints a table and writes bench/RESULTS.md. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { writeResultsSection } from './resultsFile.mjs';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateCsv } from './generateCsv.mjs';
import { measure, requireGnuTime } from './measure.mjs';
import { consoleTable, judgeBars, ratios, resultsMarkdown, summarise } from './results.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = '/usr/bin/python3'; // Debian's, which has pandas; the first python3 on PATH may not
const mlw = 'dist/mlw.js';

// describe(include='all') alone skips nunique for numeric columns; nunique() adds the exact
// distinct counts that our profile reports, so both sides do comparable work.
const pandasScript = [
  'import sys, pandas as pd',
  'df = pd.read_csv(sys.argv[1])',
  "d = df.describe(include='all')",
  'n = df.nunique()',
  'print(d.shape, n.shape)',
].join('\n');

function parseArgs(argv) {
  const opts = { rows: 1_000_000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts)) throw new Error(`unknown option ${argv[i]}; use --rows N --runs N`);
    opts[key] = Number(argv[++i]);
    if (!Number.isInteger(opts[key]) || opts[key] < 1) throw new Error(`--${key} needs a positive integer`);
  }
  return opts;
}

/** Counts data rows by newlines; this full read also warms the page cache for every tool. */
async function countRows(file) {
  let newlines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return newlines - 1; // minus the header; the generator ends every line with LF
}

/** Whether `mlw profile` (with these extra flags) runs and prints JSON; else why not. */
function probeOurs(probeFile, extra) {
  if (!existsSync(join(root, mlw))) return { available: false, reason: `${mlw} missing (run npm run build)` };
  const r = spawnSync(process.execPath, [mlw, 'profile', probeFile, '--json', ...extra], {
    cwd: root, encoding: 'utf8', timeout: 60_000,
  });
  // `mlw profile --help` prints the general help with exit 0 when `profile` is unknown, so
  // only a real profile that parses as JSON counts as available.
  try {
    if (r.status === 0) {
      JSON.parse(r.stdout);
      return { available: true };
    }
  } catch {
    /* not JSON: fall through to the reason */
  }
  // The first sentence of its complaint is enough to say why the row is empty.
  const said = (r.stderr || r.stdout || '').trim().split('\n')[0].split('. ')[0].slice(0, 100);
  const tried = ['mlw profile', '--json', ...extra].join(' ');
  return { available: false, reason: `\`${tried}\` exit ${r.status ?? r.signal}${said ? ` (${said})` : ''}` };
}

async function machineInfo() {
  const py = spawnSync(python, ['-c', 'import pandas, platform; print(pandas.__version__, platform.python_version())'], { encoding: 'utf8' });
  const [pandas = 'unavailable', pythonVersion = '?'] = py.stdout.trim().split(' ');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const [row] = (await connection.runAndReadAll("SELECT version() AS v, current_setting('threads') AS t")).getRowObjects();
  connection.closeSync();
  instance.closeSync();
  const nodeApi = JSON.parse(readFileSync(join(root, 'node_modules/@duckdb/node-api/package.json'), 'utf8')).version;
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: spawnSync('nproc', { encoding: 'utf8' }).stdout.trim(),
    cpu: cpus()[0]?.model?.trim(),
    memGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    pandas,
    python: pythonVersion,
    duckdb: row.v,
    duckdbThreads: String(row.t),
    duckdbNodeApi: nodeApi,
  };
}

async function main() {
  const { rows, runs } = parseArgs(process.argv.slice(2));
  requireGnuTime();
  // The default size keeps the generator's default name; other sizes get their own file so
  // a quick run never overwrites the full-size data.
  const file = join('bench/data', rows === 1_000_000 ? 'wide.csv' : `wide-${rows}.csv`);
  const abs = join(root, file);
  if (!existsSync(abs)) {
    console.log(`generating ${file} (${rows} rows)...`);
    await generateCsv(rows, abs);
  }
  const data = {
    path: file,
    rows: await countRows(abs),
    columns: readFileSync(abs, 'utf8').slice(0, 4096).split('\n')[0].split(',').length,
    bytes: statSync(abs).size,
  };
  // A tiny head of the same file, to learn quickly whether our command exists yet.
  const probe = join(root, 'bench/data/probe.csv');
  writeFileSync(probe, readFileSync(abs, 'utf8').slice(0, 1 << 16).split('\n').slice(0, 101).join('\n') + '\n');
  const probeRel = relative(root, probe);

  const tools = [
    { key: 'ours', label: 'ours: mlw profile (exact)', command: process.execPath, args: [mlw, 'profile', file, '--json'],
      display: `node ${mlw} profile ${file} --json`, ...probeOurs(probeRel, []) },
    { key: 'sample', label: 'ours: mlw profile --sample 10000', command: process.execPath, args: [mlw, 'profile', file, '--json', '--sample', '10000'],
      display: `node ${mlw} profile ${file} --json --sample 10000`, ...probeOurs(probeRel, ['--sample', '10']) },
    { key: 'pandas', label: 'pandas read_csv + describe + nunique', command: python, args: ['-c', pandasScript, file],
      display: `${python} -c "${pandasScript.replaceAll('\n', '; ')}" ${file}`, available: true },
    { key: 'duckdb', label: 'DuckDB SUMMARIZE', command: process.execPath, args: ['bench/duckdbSummarize.mjs', file],
      display: `node bench/duckdbSummarize.mjs ${file}`, available: true },
  ].map((t) => ({ ...t, runs: [] }));

  const machine = await machineInfo();
  console.log(`${data.rows} rows x ${data.columns} columns, ${(data.bytes / 1e6).toFixed(1)} MB; ${runs} run(s) per tool`);
  for (const t of tools.filter((t) => !t.available)) console.log(`skipping ${t.label}: ${t.reason}`);

  // Rounds interleave the tools so that a slow drift on a shared machine (another job, heat)
  // spreads over all tools instead of penalising whichever ran last.
  for (let round = 1; round <= runs; round++) {
    for (const tool of tools.filter((t) => t.available)) {
      process.chdir(root);
      const result = await measure(tool.command, tool.args);
      tool.runs.push(result);
      const shown = result.ok ? `${result.wallS.toFixed(2)} s, ${result.peakMiB.toFixed(0)} MiB` : result.error;
      console.log(`  run ${round}/${runs} ${tool.label}: ${shown}`);
    }
  }

  const summaries = tools.map(summarise);
  const byKey = Object.fromEntries(summaries.map((s) => [s.key, s]));
  console.log('\n' + consoleTable(summaries) + '\n');
  for (const [name, value] of ratios(byKey)) console.log(`${name}: ${value}`);
  for (const b of judgeBars(byKey)) console.log(`bar: ${b.bar}: ${b.measured} -> ${b.verdict}`);
  writeResultsSection('profiling', resultsMarkdown({ machine, data, runs, summaries, byKey }));
  console.log('\nwrote bench/RESULTS.md');
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
