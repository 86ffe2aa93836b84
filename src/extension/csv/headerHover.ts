import * as vscode from 'vscode';
import type { ColumnProfile, DataProfile } from '../../shared/profile/types';
import { count as formatCount } from '../../shared/profile/format';
import { sampleNote, statsTable, topValuesList } from './columnSummary';
import { distributionDataUri } from './distributionSvg';
import type { ChartColours } from './distributionSvg';
import { cellAt, headerCells } from './headerCells';
import type { DataProfiles } from './dataProfiles';
import { PROFILE_COMMAND } from './dataDocuments';

/** Hovers on the header line: the column's statistics and a small distribution chart. */
export class HeaderHoverProvider implements vscode.HoverProvider {
  constructor(private readonly profiles: DataProfiles, private readonly enabled: (uri: vscode.Uri) => boolean) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (position.line !== 0 || !this.enabled(document.uri)) { return undefined; }
    const profile = this.profiles.get(document.uri)?.profile;
    if (!profile) { return undefined; }
    const cells = headerCells(document.lineAt(0).text, profile.delimiter);
    const index = cellAt(cells, position.character);
    const column = index === undefined ? undefined : profile.columns[index];
    if (index === undefined || !column) { return undefined; }
    return new vscode.Hover(columnMarkdown(column, profile, document.uri), new vscode.Range(0, cells[index].start, 0, cells[index].end));
  }
}

/** A column's card in Markdown: statistics, distribution, top values, alerts, and a link to the panel. */
export function columnMarkdown(column: ColumnProfile, profile: DataProfile, uri: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [PROFILE_COMMAND] };
  md.supportHtml = false;
  md.appendMarkdown(`**${escape(column.name)}** · ${column.type}${column.mixed ? ' (mixed numbers and text)' : ''}\n\n`);
  const chart = distributionDataUri(column, chartColours());
  if (chart) {
    const what = column.histogram?.length ? 'Histogram' : 'Most frequent values';
    md.appendMarkdown(`![${what} of ${escape(column.name)}](${chart})\n\n`);
  }
  md.appendMarkdown(`${statsTable(column)}\n\n`);
  const top = topValuesList(column);
  if (top && !column.histogram?.length) { md.appendMarkdown(`Most frequent:\n${top}\n\n`); }
  for (const alert of profile.alerts.filter((a) => a.column === column.name)) {
    md.appendMarkdown(`$(warning) ${escape(alert.message)}\n\n`);
  }
  if (profile.sampled) { md.appendMarkdown(`*${escape(sampleNote(profile))}*\n\n`); }
  const args = encodeURIComponent(JSON.stringify([uri.toString(), column.name]));
  md.appendMarkdown(`[$(graph) Open Data Profile](command:${PROFILE_COMMAND}?${args} "Open the Data Profile panel on this column") · ${formatCount(profile.rows)} rows`);
  return md;
}

/** An <img> in a hover cannot see the theme's CSS variables: pick colours that read on this kind of theme. */
function chartColours(): ChartColours {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light: return { bar: '#007acc', text: '#616161' };
    case vscode.ColorThemeKind.HighContrastLight: return { bar: '#0f4a85', text: '#292929' };
    case vscode.ColorThemeKind.HighContrast: return { bar: '#ffffff', text: '#ffffff' };
    default: return { bar: '#3794ff', text: '#cccccc' };
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => `\\${c}`);
}
