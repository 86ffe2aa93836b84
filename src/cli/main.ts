import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EngineError } from '../engine/errors';
import { optimiseEarly } from '../engine/v8Flags';
import { ENGINE_VERSION } from '../engine/version';
import { CliError, processIo } from './output';
import type { CliIo } from './output';

const HELP = `mlw — ML Workflow on the command line (the same engine as the VS Code extension)

Usage:
  mlw init <folder> [--data FILE.csv] [--name NAME]   create mlworkflow.json in <folder>
  mlw validate <mlworkflow.json>                      check a project file (exit 1 on errors)
  mlw problem export <mlworkflow.json>                write PROBLEM.md beside the project file
  mlw data add <mlworkflow.json> <file.csv> [--name N] [--role train|test|new] [--replace]
                                                      register a data file (path, SHA-256, rows, columns)
  mlw data remove <mlworkflow.json> <name>            unregister a data source (the file is kept)
  mlw data quality <mlworkflow.json> [--source NAME] [--json] [--record-risks]
                                                      assess a source's quality (duplicates, ID-like, leakage,
                                                      personal data, ...); --record-risks adds risks to the register
  mlw pipeline run <mlworkflow.json> [--source NAME] --out FILE.csv
                                                      fit the preprocessing pipeline on the training source,
                                                      apply it to a source, write the result
  mlw pipeline export <mlworkflow.json> --python FILE.py | --typescript FILE.ts
                                                      the fitted pipeline as code (pandas, or arquero)
  mlw eda <mlworkflow.json | file.csv> --html FILE.html [--target COL]
                                                      exploratory analysis (charts, missing data, outliers,
                                                      normalisation) as a self-contained HTML report
  mlw profile <file.csv> [--json] [--sample N] [--delimiter C] [--threads 1|2] [--na-values A,B]
                                                      profile a CSV/TSV file (exact; --sample N: quick, N rows;
                                                      --threads 1: keep a large file to one thread (default 2);
                                                      --na-values 'NA,-,?': the cell texts read as missing)
  mlw train <file.csv | mlworkflow.json> [--target COL] [--task binary|multiclass|regression]
            [--folds 5] [--fold-column COL] [--seed 0] [--time-budget SECONDS] [--trials N]
            [--models a,b,...] [--drop a,b] [--metric M] [--out DIR] [--json]
                                                      train and compare model families with cross-validation
                                                      under a budget (no budget: each family once, defaults);
                                                      recorded in runs/<id>/ beside the CSV (or in --out DIR)
                                                      or beside mlworkflow.json;
                                                      one line per trial on stderr; Ctrl-C keeps what is done
  mlw demo [folder] [--force]                         run the workflow on the bundled sample
  mlw --version                                       print the version
  mlw --help                                          print this help

Errors are printed as file:line:column: message.
`;

const DATA_ADD = 'mlw data add <mlworkflow.json> <file.csv> [--name N] [--role train|test|new] [--replace]';
const DATA_REMOVE = 'mlw data remove <mlworkflow.json> <name>';
const PIPELINE_RUN = 'mlw pipeline run <mlworkflow.json> [--source NAME] --out FILE.csv';
const DATA_QUALITY = 'mlw data quality <mlworkflow.json> [--source NAME] [--json] [--record-risks]';

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      data: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      sample: { type: 'string' },
      delimiter: { type: 'string' },
      threads: { type: 'string' },
      'na-values': { type: 'string' },
      role: { type: 'string' },
      replace: { type: 'boolean' },
      source: { type: 'string' },
      'record-risks': { type: 'boolean' },
      out: { type: 'string' },
      python: { type: 'string' },
      typescript: { type: 'string' },
      html: { type: 'string' },
      target: { type: 'string' },
      task: { type: 'string' },
      folds: { type: 'string' },
      'fold-column': { type: 'string' },
      seed: { type: 'string' },
      'time-budget': { type: 'string' },
      trials: { type: 'string' },
      models: { type: 'string' },
      drop: { type: 'string' },
      metric: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (values.version) { io.out(`${ENGINE_VERSION}\n`); return 0; }
  if (values.help || command === undefined || command === 'help') { io.out(HELP); return 0; }
  switch (command) {
    case 'init': return (await import('./commands/init')).runInit(need(args[0], 'mlw init <folder>'), { data: values.data, name: values.name }, io);
    case 'validate': return (await import('./commands/validate')).runValidate(need(args[0], 'mlw validate <mlworkflow.json>'), io);
    case 'problem':
      if (args[0] !== 'export') { throw new CliError('Usage: mlw problem export <mlworkflow.json>', 2); }
      return (await import('./commands/problemExport')).runProblemExport(need(args[1], 'mlw problem export <mlworkflow.json>'), io);
    case 'data':
      if (args[0] === 'add') {
        return (await import('./commands/data')).runDataAdd(need(args[1], DATA_ADD), need(args[2], DATA_ADD), { name: values.name, role: values.role, replace: values.replace ?? false }, io);
      }
      if (args[0] === 'remove') { return (await import('./commands/data')).runDataRemove(need(args[1], DATA_REMOVE), need(args[2], DATA_REMOVE), io); }
      if (args[0] === 'quality') {
        return (await import('./commands/data')).runDataQuality(need(args[1], DATA_QUALITY), { source: values.source, json: values.json ?? false, recordRisks: values['record-risks'] ?? false }, io);
      }
      throw new CliError(`Usage: ${DATA_ADD}\n       ${DATA_REMOVE}\n       ${DATA_QUALITY}`, 2);
    case 'pipeline':
      if (args[0] === 'export') { return (await import('./commands/pipeline')).runPipelineExport(need(args[1], 'mlw pipeline export <mlworkflow.json> --python FILE.py | --typescript FILE.ts'), { python: values.python, typescript: values.typescript }, io); }
      if (args[0] !== 'run' || values.out === undefined) { throw new CliError(`Usage: ${PIPELINE_RUN}`, 2); }
      return (await import('./commands/pipeline')).runPipelineCommand(need(args[1], PIPELINE_RUN), values.out, values.source, io);
    case 'eda': {
      const eda = await import('./commands/eda');
      return eda.runEda(need(args[0], eda.EDA_USAGE), { html: values.html, target: values.target }, io);
    }
    case 'profile': return (await import('./commands/profile')).runProfile(need(args[0], 'mlw profile <file.csv> [--json] [--sample N] [--delimiter C]'),
      { json: values.json ?? false, sample: values.sample, delimiter: values.delimiter, threads: values.threads, naValues: values['na-values'] }, io);
    case 'train': {
      const train = await import('./commands/train');
      return train.runTrain(need(args[0], train.TRAIN_USAGE), {
        target: values.target, task: values.task, folds: values.folds, foldColumn: values['fold-column'], seed: values.seed, timeBudget: values['time-budget'],
        trials: values.trials, models: values.models, drop: values.drop, metric: values.metric, out: values.out, json: values.json ?? false,
      }, io);
    }
    case 'demo': return (await import('./commands/demo')).runDemo(args[0] ?? 'mlw-demo', values.force ?? false, path.resolve(__dirname, '..', 'samples'), io);
    default: throw new CliError(`Unknown command "${command}". Run \`mlw --help\` for the list.`, 2);
  }
}

function need(value: string | undefined, usage: string): string {
  if (value === undefined) { throw new CliError(`Usage: ${usage}`, 2); }
  return value;
}

/** Prints a failure the way a user can act on it: no stack trace unless it is a bug. */
function report(err: unknown, io: CliIo): number {
  if (err instanceof CliError) { io.err(`mlw: ${err.message}\n`); return err.exitCode; }
  if (err instanceof EngineError) { io.err(`mlw: ${err.message}\n`); return 1; }
  const code = (err as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) { io.err(`mlw: ${(err as Error).message}. Run \`mlw --help\`.\n`); return 2; }
  io.err(`mlw: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  return 70;
}

if (require.main === module) {
  optimiseEarly();
  // `mlw profile x.csv | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') { process.exit(0); } throw err; });
  runCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => { process.exitCode = report(err, processIo); },
  );
}
