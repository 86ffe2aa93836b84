import * as path from 'node:path';
import * as vscode from 'vscode';
import { count as formatCount, percent as formatPercent } from '../../shared/profile/format';
import { profileSummary, sampleNote } from './columnSummary';
import { isDataDocument, PROFILE_COMMAND } from './dataDocuments';
import type { DataProfiles, ProfileEntry } from './dataProfiles';

/** The active data file's shape and alert count in the status bar; a click opens its Data Profile. */
export function registerProfileStatusBar(profiles: DataProfiles, enabled: (uri: vscode.Uri) => boolean): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('mlWorkflow.dataProfile', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ML Workflow: Data Profile';
  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    const entry = document && isDataDocument(document) && enabled(document.uri) ? profiles.get(document.uri) : undefined;
    if (!entry) { item.hide(); return; }
    show(item, entry);
  };
  refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    profiles.onDidChange((uri) => { if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) { refresh(); } }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('mlWorkflow.csv')) { refresh(); } }),
  );
}

function show(item: vscode.StatusBarItem, entry: ProfileEntry): void {
  const { profile, phase } = entry;
  const name = path.basename(entry.uri.fsPath);
  item.command = { title: 'Open Data Profile', command: PROFILE_COMMAND, arguments: [entry.uri] };
  item.backgroundColor = phase === 'failed' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  if (phase === 'failed') {
    item.text = '$(warning) Profile failed';
    item.tooltip = `Could not profile ${name}: ${entry.error ?? 'unknown error'}. Click to open the Data Profile and retry.`;
  } else if (!profile) {
    item.text = '$(loading~spin) Profiling…';
    item.tooltip = `Profiling ${name}`;
  } else {
    const busy = phase === 'sampling' || phase === 'profiling' ? '$(loading~spin) ' : '$(table) ';
    item.text = `${busy}${profileSummary(profile)}`;
    item.tooltip = tooltip(name, entry);
  }
  item.accessibilityInformation = { label: `Data profile of ${name}: ${item.text.replace(/\$\([^)]*\)\s*/g, '')}` };
  item.show();
}

function tooltip(name: string, entry: ProfileEntry): vscode.MarkdownString {
  const profile = entry.profile;
  const md = new vscode.MarkdownString('', true);
  if (!profile) { return md; }
  const cells = profile.rows * profile.columns.length;
  md.appendMarkdown(`**${name}**: ${formatCount(profile.rows)} rows × ${formatCount(profile.columns.length)} columns\n\n`);
  md.appendMarkdown(`Missing cells: ${formatCount(profile.missingCells)} (${formatPercent(profile.missingCells, cells)}) · duplicate rows: ${formatCount(profile.duplicateRows)}\n\n`);
  for (const alert of profile.alerts.slice(0, 8)) { md.appendMarkdown(`$(warning) ${alert.message.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}\n\n`); }
  if (profile.alerts.length > 8) { md.appendMarkdown(`…and ${profile.alerts.length - 8} more alerts\n\n`); }
  if (entry.phase === 'cancelled') { md.appendMarkdown('*Exact profile cancelled: these numbers are from the sample.*\n\n'); }
  else if (profile.sampled) { md.appendMarkdown(`*${sampleNote(profile)}*\n\n`); }
  md.appendMarkdown('Click to open the Data Profile.');
  return md;
}
