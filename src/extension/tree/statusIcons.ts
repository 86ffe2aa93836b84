import * as vscode from 'vscode';
import type { Status } from '../../shared/project/status';

const ICONS: Record<Status, [string, string | undefined]> = {
  notStarted: ['circle-large-outline', 'disabledForeground'],
  inProgress: ['clock', 'charts.yellow'],
  done: ['pass-filled', 'testing.iconPassed'],
  attention: ['warning', 'list.warningForeground'],
};

export const STATUS_LABELS: Record<Status, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  attention: 'Needs attention',
};

/** The tree icon of a status, coloured by the theme. */
export function statusIcon(status: Status): vscode.ThemeIcon {
  const [id, color] = ICONS[status];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}
