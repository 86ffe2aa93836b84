import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { findMetric } from '../../shared/project/metrics';
import type { DiagnosticKind, ProjectDiagnostic } from '../../shared/project/diagnostics';
import type { ProjectFile } from '../../shared/project/types';
import type { ValidateProjectResult } from '../../shared/protocol/engine';
import { readCsvPreview } from '../data/csvPreview';
import { sha256FileCached } from '../sources/contentHash';
import { LineIndex, nodeForPointer } from './jsonLocation';
import { readProjectText, revisionOf } from './projectText';
import { checkSchema } from './schemaCheck';

/** A finding before it is placed in the text. */
interface Finding { kind: DiagnosticKind; severity: 'error' | 'warning'; pointer: string; message: string; onKey?: boolean }

/**
 * Validates a project file: JSON syntax, the schema, then what the schema cannot know (data files
 * exist, the target is one of their columns, metrics fit the task). Never throws on bad content:
 * every problem comes back as a diagnostic with its line.
 */
export async function validateProject(file: string, givenText?: string): Promise<ValidateProjectResult> {
  const text = givenText ?? await readProjectText(file);
  const revision = revisionOf(text);
  const lines = new LineIndex(text);
  if (text.trim() === '') {
    return { revision, diagnostics: [{ kind: 'syntax', severity: 'error', pointer: '', message: 'The project file is empty.', line: 1, column: 1, endLine: 1, endColumn: 1 }] };
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (parseErrors.length > 0 || !root) {
    // Only the first syntax error is reliable; the parser's recovery makes the rest echoes of it.
    const diagnostics = parseErrors.slice(0, 1).map((e): ProjectDiagnostic => ({
      kind: 'syntax', severity: 'error', pointer: '', message: `Invalid JSON: ${syntaxMessage(printParseErrorCode(e.error))}.`,
      ...lines.range(e.offset, Math.max(e.length, 1)),
    }));
    return { diagnostics, revision };
  }
  const value: unknown = getNodeValue(root);
  const findings: Finding[] = checkSchema(value).map((p) => ({ kind: 'schema', severity: 'error', ...p }));
  const schemaOk = findings.length === 0;
  const project = schemaOk ? value as ProjectFile : undefined;
  let columns: string[] | undefined;
  if (project) {
    const semantic = await checkSemantics(project, path.dirname(file));
    findings.push(...semantic.findings);
    columns = semantic.columns;
  }
  const diagnostics = findings.map((f): ProjectDiagnostic => {
    const node = nodeForPointer(root, f.pointer, f.onKey);
    const range = node ? lines.range(node.offset, node.length) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { kind: f.kind, severity: f.severity, pointer: f.pointer, message: f.message, ...range };
  });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { project, diagnostics, revision, columns };
}

function syntaxMessage(code: string): string {
  // jsonc-parser names errors like "CommaExpected"; say them as words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

async function checkSemantics(project: ProjectFile, folder: string): Promise<{ findings: Finding[]; columns?: string[] }> {
  const findings: Finding[] = [];
  const semantic = (pointer: string, message: string, severity: 'error' | 'warning' = 'error') =>
    findings.push({ kind: 'semantic', severity, pointer, message });
  const sources = project.data?.sources ?? [];
  const names = new Set<string>();
  let columns: string[] | undefined;
  for (const [i, source] of sources.entries()) {
    if (names.has(source.name)) { semantic(`/data/sources/${i}/name`, `Two data sources are named "${source.name}"; names must be unique.`); }
    names.add(source.name);
    const full = path.resolve(folder, source.path);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat?.isFile()) {
      semantic(`/data/sources/${i}/path`, `Data file "${source.path}" does not exist (looked for ${full}).`);
      continue;
    }
    if (source.sha256 !== undefined) {
      const current = await sha256FileCached(full).catch(() => undefined);
      if (current !== undefined && current !== source.sha256) {
        semantic(`/data/sources/${i}/sha256`, `Data file "${source.path}" changed since it was registered: what was computed from it is stale. Register it again to accept the new content.`, 'warning');
      }
    }
    if (columns === undefined && (source.role ?? 'train') === 'train') {
      columns = await readCsvPreview(full, 0).then((p) => p.columns, (err: unknown) => {
        semantic(`/data/sources/${i}/path`, `Data file "${source.path}" could not be read: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
    }
  }
  const problem = project.problem;
  if (problem?.target && columns && !columns.includes(problem.target)) {
    semantic('/problem/target', `Target "${problem.target}" is not a column of the training data (columns: ${columns.join(', ')}).`);
  }
  const seen = new Set<string>();
  for (const [i, c] of (problem?.successCriteria ?? []).entries()) {
    const metric = findMetric(c.metric);
    if (metric && problem?.task && !metric.tasks.includes(problem.task)) {
      semantic(`/problem/successCriteria/${i}/metric`, `Metric "${c.metric}" does not apply to a ${problem.task} task.`);
    }
    if (metric && ((metric.min !== undefined && c.threshold < metric.min) || (metric.max !== undefined && c.threshold > metric.max))) {
      semantic(`/problem/successCriteria/${i}/threshold`, `Threshold ${c.threshold} is outside the range of ${metric.label}.`);
    }
    const key = `${c.metric} ${c.comparator}`;
    if (seen.has(key)) { semantic(`/problem/successCriteria/${i}`, `Success criterion "${key}" is listed twice.`, 'warning'); }
    seen.add(key);
  }
  return { findings, columns };
}
