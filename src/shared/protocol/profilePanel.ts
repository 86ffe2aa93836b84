import type { DataProfile } from '../profile/types';
import type { ProfileProgress } from './engine';

// Messages between the Data Profile webview and the extension host. The webview says
// `profile/ready` first; the host answers with `profile/update` and sends another whenever the
// profile changes (a sample first, then the exact one). The webview only renders: the engine
// computes every number and every chart's data.

/** Where a file's profiling stands. */
export type ProfilePhase =
  /** Waiting for the quick, sampled answer. */
  | 'sampling'
  /** The exact profile is being computed; `profile` holds the sample meanwhile. */
  | 'profiling'
  /** `profile` is final (exact, or the whole file fitted in the sample). */
  | 'done'
  /** The user or a closed editor stopped the exact profile; `profile` may hold the sample. */
  | 'cancelled'
  | 'failed';

export interface ProfileViewState {
  /** The file's name, for titles. */
  fileName: string;
  /** The file's path relative to the workspace, for the user. */
  displayPath: string;
  phase: ProfilePhase;
  profile?: DataProfile;
  /** Why the phase is `failed`. */
  error?: string;
}

/** Webview -> host. */
export type ProfileWebviewMessage =
  | { type: 'profile/ready' }
  /** Profile the file again. */
  | { type: 'profile/refresh' }
  /** Stop the exact profile in flight. */
  | { type: 'profile/cancel' }
  /** Show a line of the file in the editor (a problem was clicked); 1-based. */
  | { type: 'profile/revealLine'; line: number };

/** Host -> webview. */
export type ProfileHostMessage =
  | { type: 'profile/update'; state: ProfileViewState }
  | { type: 'profile/progress'; progress: ProfileProgress }
  /** Scroll to and focus one column's card (the user clicked its header summary). */
  | { type: 'profile/focusColumn'; column: string };

const WEBVIEW_TYPES = new Set(['profile/ready', 'profile/refresh', 'profile/cancel', 'profile/revealLine']);
const HOST_TYPES = new Set(['profile/update', 'profile/progress', 'profile/focusColumn']);

/** Checks a message from the webview before the host acts on it. */
export function isProfileWebviewMessage(value: unknown): value is ProfileWebviewMessage {
  if (typeof value !== 'object' || value === null) { return false; }
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !WEBVIEW_TYPES.has(m.type)) { return false; }
  if (m.type === 'profile/revealLine') { return typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 1; }
  return true;
}

/** Checks the envelope of a message from the host (the webview trusts its host's payloads). */
export function isProfileHostMessage(value: unknown): value is ProfileHostMessage {
  return typeof value === 'object' && value !== null && HOST_TYPES.has((value as { type?: unknown }).type as string);
}
