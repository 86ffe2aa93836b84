import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { CancellationTokenSource, createMessageConnection, ErrorCodes, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node';
import type { CancellationToken as RpcToken, MessageConnection, ProgressType, RequestType, RequestType0 } from 'vscode-jsonrpc/node';
import { LogNotification, ShutdownRequest, VersionRequest } from '../shared/protocol/engine';

/** A request the engine failed; `code` is one of EngineErrorCodes or a JSON-RPC code. */
export class EngineRequestError extends Error {
  constructor(message: string, readonly code?: number) {
    super(message);
  }
}

interface RequestOptions {
  token?: vscode.CancellationToken;
  /** Milliseconds before the request is abandoned; long work with progress passes 0 (no limit). */
  timeoutMs?: number;
  /**
   * Whether to send the request once more to a new engine when the one it went to died before
   * answering. True by default: the engine's quick requests are safe to repeat.
   */
  retryAfterCrash?: boolean;
}

/**
 * The extension's side of the engine process: forks it on first need, sends typed requests,
 * and restarts it after a crash (telling the user once). No request waits forever: each has a
 * timeout, and a dying engine fails whatever it was doing.
 */
export class EngineClient implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private connection: MessageConnection | undefined;
  private crashNoticeShown = false;
  private disposed = false;
  private readonly restartEmitter = new vscode.EventEmitter<void>();
  /** Fires when a new engine process starts after the first: engine-bound state must be rebuilt. */
  readonly onDidRestart = this.restartEmitter.event;
  private started = 0;

  constructor(
    private readonly enginePath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly defaultTimeoutMs: () => number,
  ) {}

  /** Sends a request with parameters. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, options: RequestOptions = {}): Promise<R> {
    // By method name: a RequestType made by another copy of vscode-jsonrpc (another bundle) is still understood.
    return this.send(type.method, (c, token) => c.sendRequest<R>(type.method, params, token), options);
  }

  /**
   * Sends a request whose work reports progress: a fresh token goes in `params.progressToken`,
   * and the engine's `sendProgress` reports on it reach `onProgress` until the request settles.
   * Long work passes `timeoutMs: 0` and a cancellation token instead of a time limit.
   */
  async requestWithProgress<P extends { progressToken?: string }, R, Q>(
    type: RequestType<P, R, void>, params: P, progress: ProgressType<Q>, onProgress: (value: Q) => void, options: RequestOptions = {},
  ): Promise<R> {
    return this.send(type.method, async (c, token) => {
      // A new token per attempt: a retry on a new engine must not meet the old attempt's reports.
      const progressToken = randomUUID();
      const listener = c.onProgress(progress, progressToken, onProgress);
      try {
        return await c.sendRequest<R>(type.method, { ...params, progressToken }, token);
      } finally {
        listener.dispose();
      }
    }, options);
  }

  /** Sends a request without parameters. */
  async request0<R>(type: RequestType0<R, void>, options: RequestOptions = {}): Promise<R> {
    return this.send(type.method, (c, token) => c.sendRequest<R>(type.method, token), options);
  }

  /** The engine's process id, when it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stops the engine (politely, then firmly); the next request starts a new one. */
  async stop(): Promise<void> {
    const child = this.child;
    const connection = this.connection;
    if (!child || !connection) { return; }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.child = undefined;
    this.connection = undefined;
    connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
    connection.dispose();
  }

  dispose(): void {
    this.disposed = true;
    void this.stop();
    this.restartEmitter.dispose();
  }

  private async send<R>(method: string, call: (c: MessageConnection, token: RpcToken) => Promise<R>, options: RequestOptions): Promise<R> {
    try {
      return await this.sendOnce(method, call, options);
    } catch (err) {
      if (!(err instanceof EngineRequestError && err.code === ErrorCodes.PendingResponseRejected) || options.retryAfterCrash === false
        || options.token?.isCancellationRequested) { throw err; }
      this.log.warn(`${method}: the engine died before answering; sending it to a new engine`);
      return this.sendOnce(method, call, options);
    }
  }

  private async sendOnce<R>(method: string, call: (c: MessageConnection, token: RpcToken) => Promise<R>, options: RequestOptions): Promise<R> {
    if (this.disposed) { throw new EngineRequestError('The ML Workflow engine has been shut down.'); }
    const connection = this.ensureStarted();
    const source = new CancellationTokenSource();
    const cancelListener = options.token?.onCancellationRequested(() => source.cancel());
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          source.cancel();
          reject(new EngineRequestError(`The ML Workflow engine did not answer ${method} within ${Math.round(timeoutMs / 1000)} s.`));
          this.log.error(`${method} timed out after ${timeoutMs} ms`);
        }, timeoutMs);
      }
    });
    try {
      return await Promise.race([call(connection, source.token), timeout]);
    } catch (err) {
      if (err instanceof EngineRequestError) { throw err; }
      if (err instanceof ResponseError) { throw new EngineRequestError(err.message, err.code); }
      throw new EngineRequestError(`The ML Workflow engine failed ${method}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
      cancelListener?.dispose();
      source.dispose();
    }
  }

  private ensureStarted(): MessageConnection {
    if (this.connection) { return this.connection; }
    const child = fork(this.enginePath, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    this.child = child;
    this.connection = connection;
    this.started++;
    child.stdout?.on('data', (d: Buffer) => this.log.info(`[engine] ${d.toString().trimEnd()}`));
    child.stderr?.on('data', (d: Buffer) => this.log.error(`[engine] ${d.toString().trimEnd()}`));
    connection.onNotification(LogNotification.type, ({ level, message }) => this.log[level](`[engine] ${message}`));
    child.on('exit', (code, signal) => this.onExit(child, connection, code, signal));
    child.on('error', (err) => this.log.error(`engine process error: ${err.message}`));
    connection.listen();
    this.log.info(`engine started (pid ${child.pid})`);
    if (this.started > 1) { this.restartEmitter.fire(); }
    return connection;
  }

  private onExit(child: ChildProcess, connection: MessageConnection, code: number | null, signal: NodeJS.Signals | null): void {
    // Pending requests fail now rather than waiting for their timeout.
    connection.dispose();
    if (this.child !== child) { return; } // an orderly stop()
    this.child = undefined;
    this.connection = undefined;
    const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
    this.log.error(`engine ${how}; the next request starts a new one`);
    if (!this.crashNoticeShown && !this.disposed) {
      this.crashNoticeShown = true;
      void vscode.window.showWarningMessage(`The ML Workflow engine stopped unexpectedly (it ${how}). It restarts on the next request.`, 'Show Log')
        .then((choice) => { if (choice) { this.log.show(); } });
    }
  }

  /** Checks the engine answers, starting it if needed. */
  async ping(): Promise<number> {
    return (await this.request0(VersionRequest.type, { timeoutMs: 10000 })).pid;
  }
}
