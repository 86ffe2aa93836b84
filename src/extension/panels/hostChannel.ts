import type * as vscode from 'vscode';
import { EventEmitter } from 'vscode';

/**
 * The host side of a panel's typed messages: posts to the webview and tells observers (the
 * integration tests, other features) of every message as it is sent, in order. Closed with the
 * panel: later posts are dropped.
 */
export class HostChannel<M> implements vscode.Disposable {
  private readonly emitter = new EventEmitter<M>();
  private closed = false;
  /** Every message posted to the webview. */
  readonly onDidPost = this.emitter.event;

  constructor(private readonly webview: vscode.Webview) {}

  /** Posts a message (unless the panel is gone) and returns it. */
  async post(message: M): Promise<M> {
    if (!this.closed) {
      const sent = this.webview.postMessage(message);
      this.emitter.fire(message);
      await sent;
    }
    return message;
  }

  dispose(): void {
    this.closed = true;
    this.emitter.dispose();
  }
}
