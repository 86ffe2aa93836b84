import * as vscode from 'vscode';

// Which documents count as data files, and whether inline profiling is on for them.

/** Opens the Data Profile panel: (uri?: Uri | string, column?: string). */
export const PROFILE_COMMAND = 'mlWorkflow.data.profile';

export const INLINE_PROFILING_SETTING = 'mlWorkflow.csv.inlineProfiling';

/** Where the providers apply: CSV and TSV files on disk (the engine reads them by path). */
export const DATA_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'csv' },
  { scheme: 'file', language: 'tsv' },
  { scheme: 'file', pattern: '**/*.{csv,tsv,CSV,TSV}' },
];

/** A CSV/TSV file on disk, by its name. */
export function isDataUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.(csv|tsv)$/i.test(uri.path);
}

/** A document the inline profile applies to: a data file by name or by language. */
export function isDataDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && (isDataUri(document.uri) || document.languageId === 'csv' || document.languageId === 'tsv');
}

/** Whether inline profiling is on for a file (the setting can differ per folder). */
export function inlineProfilingEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('mlWorkflow.csv', uri).get<boolean>('inlineProfiling', true);
}
