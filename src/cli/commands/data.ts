import type { DataRole } from '../../shared/project/types';
import { assessQuality } from '../../engine/quality/assessQuality';
import { recordRisks } from '../../engine/quality/recordRisks';
import { addSource, removeSource } from '../../engine/sources/dataSources';
import { CliError } from '../output';
import type { CliIo } from '../output';

const ROLES: readonly DataRole[] = ['train', 'test', 'new'];

/** `mlw data add <mlworkflow.json> <file.csv> [--name N] [--role train|test|new] [--replace]` */
export async function runDataAdd(projectFile: string, dataFile: string, options: { name?: string; role?: string; replace: boolean }, io: CliIo): Promise<number> {
  if (options.role !== undefined && !(ROLES as readonly string[]).includes(options.role)) {
    throw new CliError(`--role is one of ${ROLES.join(', ')}, not "${options.role}".`, 2);
  }
  const source = await addSource(projectFile, dataFile, { name: options.name, role: options.role as DataRole | undefined, replace: options.replace });
  io.out(`Registered "${source.name}" (${source.path}, ${source.role}): ${source.rows} rows x ${source.columns} columns, sha256 ${source.sha256?.slice(0, 12)}...\n`);
  return 0;
}

/** `mlw data remove <mlworkflow.json> <name>` */
export async function runDataRemove(projectFile: string, name: string, io: CliIo): Promise<number> {
  await removeSource(projectFile, name);
  io.out(`Removed data source "${name}" from ${projectFile} (the file itself is kept).\n`);
  return 0;
}

const MARK = { error: 'ERROR', warning: 'warn ', info: 'info ' } as const;

/** `mlw data quality <mlworkflow.json> [--source NAME] [--json] [--record-risks]` */
export async function runDataQuality(projectFile: string, options: { source?: string; json: boolean; recordRisks: boolean }, io: CliIo): Promise<number> {
  const report = await assessQuality(projectFile, options.source);
  const added = options.recordRisks ? await recordRisks(projectFile, report.suggestedRisks) : 0;
  if (options.json) {
    io.out(`${JSON.stringify(report)}\n`);
    return 0;
  }
  io.out(`Quality of "${report.source}" (${report.file}): ${report.rows} rows x ${report.columns} columns${report.target ? `, target "${report.target}"` : ''}\n`);
  if (report.classCounts) { io.out(`  classes: ${report.classCounts.map((c) => `${c.value} ${c.count}`).join(', ')}\n`); }
  for (const f of report.findings) { io.out(`  ${MARK[f.severity]} ${f.message}\n`); }
  if (report.findings.length === 0) { io.out('  no findings\n'); }
  if (report.suggestedRisks.length > 0) {
    io.out(options.recordRisks
      ? `${added} risk${added === 1 ? '' : 's'} added to the problem definition's risk register.\n`
      : `${report.suggestedRisks.length} risk${report.suggestedRisks.length === 1 ? '' : 's'} to record: run again with --record-risks to add them to the risk register.\n`);
  }
  return 0;
}
