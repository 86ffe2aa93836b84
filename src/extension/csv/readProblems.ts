import * as vscode from 'vscode';
import type { ReadProblem, ReadProblemKind } from '../../shared/profile/types';
import type { DataProfiles } from './dataProfiles';

const SEVERITY: Record<ReadProblemKind, vscode.DiagnosticSeverity> = {
  // A ragged row is read (padded or cut); a stray quote or bad bytes may have swallowed data.
  raggedRow: vscode.DiagnosticSeverity.Warning,
  unclosedQuote: vscode.DiagnosticSeverity.Error,
  badEncoding: vscode.DiagnosticSeverity.Error,
};

/**
 * The reader's problems (ragged rows, an unclosed quote, undecodable bytes) in the Problems
 * panel at their lines, for as long as someone holds the file's profile. Files too large to open
 * in the editor get them too: the Problems panel lists them by line all the same.
 */
export function registerReadProblems(profiles: DataProfiles): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('ML Workflow Data');
  const publish = (uri: vscode.Uri) => {
    const profile = profiles.get(uri)?.profile;
    if (!profile) { collection.delete(uri); return; }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const diagnostics = profile.problems.map((p) => toDiagnostic(p, document));
    if (profile.problemsTruncated) {
      const more = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `More problems were found than the ${profile.problems.length} listed.`, vscode.DiagnosticSeverity.Information);
      more.source = 'ML Workflow';
      diagnostics.push(more);
    }
    collection.set(uri, diagnostics);
  };
  return vscode.Disposable.from(collection, profiles.onDidChange(publish));
}

function toDiagnostic(problem: ReadProblem, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  const line = Math.max(0, problem.line - 1);
  // The whole line when it is at hand; the editor clamps the range of a file it opens later.
  const range = document && line < document.lineCount ? document.lineAt(line).range : new vscode.Range(line, 0, line, 10000);
  const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.kind] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'ML Workflow';
  diagnostic.code = problem.kind;
  return diagnostic;
}
