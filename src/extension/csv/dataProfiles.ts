import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DataProfile } from '../../shared/profile/types';
import { ProfileProgressType, ProfileRequest } from '../../shared/protocol/engine';
import type { ProfileProgress } from '../../shared/protocol/engine';
import type { ProfilePhase } from '../../shared/protocol/profilePanel';
import type { EngineClient } from '../engineClient';

/** Who needs a file's profile: an editor showing it, or its Data Profile panel. */
export type ProfileOwner = 'editor' | 'panel';

/** What is known of one file's profile right now. */
export interface ProfileEntry {
  readonly uri: vscode.Uri;
  phase: ProfilePhase;
  /** The latest profile: the sample until the exact one arrives. */
  profile?: DataProfile;
  error?: string;
  progress?: ProfileProgress;
}

interface FileState {
  entry: ProfileEntry;
  owners: Set<ProfileOwner>;
  /** Bumped by every new run and by cancel: answers of older runs are dropped. */
  generation: number;
  source?: vscode.CancellationTokenSource;
  timer?: NodeJS.Timeout;
  /** Errors the user has been told about, so a failing file does not notify on every edit. */
  notified: Set<string>;
}

/** From this size the exact profile shows a cancellable notification; smaller files finish too fast to need one. */
const NOTIFY_BYTES = 20 * 1024 * 1024;

/**
 * The profiles of the data files the user is looking at. Each file is profiled in two phases (a
 * quick sample, then the exact profile with progress), re-profiled when asked, and cancelled when
 * its last owner lets go. Inline hints, hovers, diagnostics, the status bar and the Data Profile
 * panel all read from here, so a file is profiled once however many places show it.
 */
export class DataProfiles implements vscode.Disposable {
  private readonly files = new Map<string, FileState>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly progressEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; progress: ProfileProgress }>();
  /** A file's entry changed (phase, profile, error) or went away. */
  readonly onDidChange = this.changeEmitter.event;
  /** The exact profile of a file made progress. */
  readonly onDidProgress = this.progressEmitter.event;

  constructor(private readonly engine: EngineClient, private readonly log: vscode.LogOutputChannel) {}

  /** The entry of a file, while someone holds it. */
  get(uri: vscode.Uri): ProfileEntry | undefined {
    return this.files.get(uri.toString())?.entry;
  }

  /** The files an owner holds. */
  heldBy(owner: ProfileOwner): vscode.Uri[] {
    return [...this.files.values()].filter((s) => s.owners.has(owner)).map((s) => s.entry.uri);
  }

  /** Starts profiling a file for an owner, unless it is held already (then it joins). */
  acquire(uri: vscode.Uri, owner: ProfileOwner): ProfileEntry {
    const existing = this.files.get(uri.toString());
    if (existing) {
      existing.owners.add(owner);
      return existing.entry;
    }
    const state: FileState = { entry: { uri, phase: 'sampling' }, owners: new Set([owner]), generation: 0, notified: new Set() };
    this.files.set(uri.toString(), state);
    void this.run(state);
    return state.entry;
  }

  /** An owner is done with a file; the last one to go cancels its profiling and forgets it. */
  release(uri: vscode.Uri, owner: ProfileOwner): void {
    const state = this.files.get(uri.toString());
    if (!state || !state.owners.delete(owner) || state.owners.size > 0) { return; }
    this.stop(state);
    this.files.delete(uri.toString());
    this.changeEmitter.fire(uri);
  }

  /** Profiles a held file again, after `delayMs` of quiet (edits arrive keystroke by keystroke). */
  refresh(uri: vscode.Uri, delayMs = 0): void {
    const state = this.files.get(uri.toString());
    if (!state) { return; }
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void this.run(state), delayMs);
  }

  /** Stops a file's profiling in flight; what it had (the sample) stays on show, marked as such. */
  cancel(uri: vscode.Uri): void {
    const state = this.files.get(uri.toString());
    if (!state || (state.entry.phase !== 'sampling' && state.entry.phase !== 'profiling')) { return; }
    this.stop(state);
    this.update(state, { phase: 'cancelled', progress: undefined });
  }

  dispose(): void {
    for (const state of this.files.values()) { this.stop(state); }
    this.files.clear();
    this.changeEmitter.dispose();
    this.progressEmitter.dispose();
  }

  private stop(state: FileState): void {
    clearTimeout(state.timer);
    state.generation++;
    state.source?.cancel();
    state.source?.dispose();
    state.source = undefined;
  }

  private async run(state: FileState): Promise<void> {
    this.stop(state);
    const generation = state.generation;
    const source = new vscode.CancellationTokenSource();
    state.source = source;
    const current = () => state.generation === generation && this.files.get(state.entry.uri.toString()) === state;
    const uri = state.entry.uri;
    // One snapshot of an unsaved editor's text serves both phases, so they describe the same data.
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty)?.getText();
    const markers = vscode.workspace.getConfiguration('mlWorkflow.csv', uri).get<string[] | null>('missingValues', null);
    const params = { path: uri.fsPath, text, ...(markers ? { missingMarkers: markers } : {}) };
    this.update(state, { phase: 'sampling', error: undefined, progress: undefined });
    try {
      const sample = await this.engine.request(ProfileRequest.type, { ...params, mode: 'sample' }, { token: source.token });
      if (!current()) { return; }
      this.update(state, { profile: sample, phase: sample.sampled ? 'profiling' : 'done' });
      // A listener may have cancelled or released the file on hearing of the sample.
      if (!sample.sampled || !current()) { return; }
      const full = await this.profileFully(state, params, sample.bytes, source, current);
      if (current()) { this.update(state, { profile: full, phase: 'done', progress: undefined }); }
    } catch (err) {
      if (!current()) { return; }
      if (source.token.isCancellationRequested) {
        this.update(state, { phase: 'cancelled', progress: undefined });
      } else {
        this.fail(state, err instanceof Error ? err.message : String(err));
      }
    }
  }

  /** The exact phase, under a progress UI whose cancellation reaches the engine. */
  private profileFully(
    state: FileState, params: { path: string; text?: string }, bytes: number, source: vscode.CancellationTokenSource, current: () => boolean,
  ): Thenable<DataProfile> {
    const big = bytes >= NOTIFY_BYTES;
    const name = path.basename(params.path);
    const options = { location: big ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: `Profiling ${name}`, cancellable: big };
    return vscode.window.withProgress(options, async (progress, token) => {
      const link = token.onCancellationRequested(() => source.cancel());
      let reported = 0;
      const onProgress = (p: ProfileProgress) => {
        if (!current()) { return; }
        const percent = p.bytesTotal > 0 ? Math.min(100, (100 * p.bytesRead) / p.bytesTotal) : 0;
        progress.report({ message: `${Math.floor(percent)}% · ${p.rows.toLocaleString('en-US')} rows`, increment: percent - reported });
        reported = percent;
        state.entry.progress = p;
        this.progressEmitter.fire({ uri: state.entry.uri, progress: p });
      };
      // The engine answers a cancelled request only when it next checks its token; the user's
      // cancel (or a closed editor) must end the progress UI at once, not then.
      let stopWaiting: vscode.Disposable | undefined;
      const cancelled = new Promise<never>((_, reject) => {
        stopWaiting = source.token.onCancellationRequested(() => reject(new vscode.CancellationError()));
      });
      try {
        const request = this.engine.requestWithProgress(ProfileRequest.type, { ...params, mode: 'full' }, ProfileProgressType, onProgress,
          // A crash in the middle of a large file would likely crash again: no automatic retry.
          { token: source.token, timeoutMs: 0, retryAfterCrash: false });
        request.catch(() => undefined); // settles after a cancel too; nobody waits for it then
        return await Promise.race([request, cancelled]);
      } finally {
        link.dispose();
        stopWaiting?.dispose();
      }
    });
  }

  private fail(state: FileState, message: string): void {
    const name = path.basename(state.entry.uri.fsPath);
    this.log.error(`profiling ${state.entry.uri.fsPath}: ${message}`);
    this.update(state, { phase: 'failed', error: message, progress: undefined });
    if (state.notified.has(message)) { return; }
    state.notified.add(message);
    const retry = 'Retry';
    const showLog = 'Show Log';
    void vscode.window.showErrorMessage(`Could not profile ${name}: ${message}`, retry, showLog).then((choice) => {
      if (choice === retry) { this.refresh(state.entry.uri); }
      if (choice === showLog) { this.log.show(); }
    });
  }

  private update(state: FileState, change: Partial<Omit<ProfileEntry, 'uri'>>): void {
    Object.assign(state.entry, change);
    this.changeEmitter.fire(state.entry.uri);
  }
}
