import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../data/csvReader';
import type { ChunkedColumn } from './chunkedTable';
import type { ProfileTask, ProfileTaskResult } from './profileTasks';
import type { FromWorker, PartRequest, PartResult, ToWorker } from './profileWorker';

/**
 * Worker threads that first read a part of a file each (optional), then share the profile's tasks:
 * each takes the next task when it finishes one. The threads are started once for both jobs,
 * because starting a thread costs tens of milliseconds.
 */
export class ProfilePool {
  private readonly workers: Worker[];
  private readonly poll: NodeJS.Timeout;
  private failure: ((err: Error) => void) | undefined;
  /** Why the pool stopped, for a wait that starts after it did. */
  private failedWith: Error | undefined;
  private listeners: ((index: number, message: FromWorker) => void) | undefined;

  /** Starts `count` workers at once: they load while the caller finds out what they will read. */
  constructor(count: number, isCancelled?: () => boolean) {
    // Beside this file: dist/profileWorker.js in the bundles, out/src/engine/profile/profileWorker.js in tests.
    this.workers = Array.from({ length: count }, (_, index) => {
      const worker = new Worker(path.join(__dirname, 'profileWorker.js'));
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'failed') { this.fail(new Error(message.message)); return; }
        this.listeners?.(index, message);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => this.fail(new Error(`a profiling thread stopped (exit code ${code})`)));
      return worker;
    });
    this.poll = setInterval(() => { if (isCancelled?.()) { this.fail(new CancelledError()); } }, 50);
  }

  /** Worker i reads part i (one request per worker); `onProgress` hears the bytes and rows read so far by all. */
  readParts(requests: readonly PartRequest[], onProgress?: (bytes: number, rows: number) => void): Promise<PartResult[]> {
    const parts: (PartResult | undefined)[] = this.workers.map(() => undefined);
    const bytes = this.workers.map(() => 0);
    const rows = this.workers.map(() => 0);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return this.await<PartResult[]>((resolve) => {
      requests.forEach((request, i) => this.workers[i].postMessage({ kind: 'read', request } satisfies ToWorker));
      return (index, message) => {
        if (message.kind === 'progress') {
          bytes[index] = message.bytesRead;
          rows[index] = message.rows;
          onProgress?.(sum(bytes), sum(rows));
        }
        if (message.kind !== 'part') { return; }
        parts[index] = message.part;
        if (parts.every((p) => p !== undefined)) { resolve(parts as PartResult[]); }
      };
    });
  }

  /**
   * Runs the tasks on the table (shared memory: nothing is copied). Worker i takes the tasks of
   * lane i in order, then helps with the other lanes from their ends.
   */
  runTasks(rows: number, columns: readonly ChunkedColumn[], lanes: readonly ProfileTask[][]): Promise<ProfileTaskResult[]> {
    // The workers need the rows only; a text column's dictionary could be large and would be copied.
    const shared = columns.map((c) => ({ ...c, dictionary: [] }));
    for (const worker of this.workers) { worker.postMessage({ kind: 'table', rows, columns: shared } satisfies ToWorker); }
    const queues = lanes.map((lane) => [...lane]);
    const total = queues.reduce((n, q) => n + q.length, 0);
    if (total === 0) { return Promise.resolve([]); }
    const results: ProfileTaskResult[] = [];
    const give = (index: number) => {
      const own = queues[index % queues.length];
      const other = queues.find((q) => q.length > 0);
      const task = own.length > 0 ? own.shift() : other?.pop();
      if (task) { this.workers[index].postMessage({ kind: 'task', task } satisfies ToWorker); }
    };
    return this.await<ProfileTaskResult[]>((resolve) => {
      this.workers.forEach((_, index) => give(index));
      return (index, message) => {
        if (message.kind !== 'result') { return; }
        results.push(message.result);
        if (results.length === total) { resolve(results); } else { give(index); }
      };
    });
  }

  /** Stops every worker (their memory goes with them); a wait still pending fails. */
  dispose(): void {
    clearInterval(this.poll);
    const pending = this.failure;
    this.listeners = undefined;
    this.failure = undefined;
    this.failedWith ??= new Error('The profiling threads were stopped.');
    pending?.(this.failedWith);
    for (const worker of this.workers) { worker.removeAllListeners('exit'); void worker.terminate(); }
  }

  private await<T>(start: (resolve: (value: T) => void) => (index: number, message: FromWorker) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failedWith) { reject(this.failedWith); return; }
      this.failure = reject;
      this.listeners = start((value) => { this.listeners = undefined; this.failure = undefined; resolve(value); });
    });
  }

  private fail(err: Error): void {
    if (this.failedWith) { return; }
    this.failedWith = err;
    this.dispose();
  }
}
