// The cooperative side of an iterative fit: between iterations it checks for cancellation,
// reports progress and now and then yields to the event loop, so a cancel request (which arrives
// as a message) can be seen at all while the solver runs.

import { FitCancelledError, type FitContext } from './types';

/** Yield at most this often: often enough to stay responsive, rarely enough to cost nothing. */
const YIELD_EVERY_MS = 20;

/** Calls between solver iterations; throws FitCancelledError once the context says cancel. */
export class FitLoop {
  private lastYield = Date.now();

  // No total: the solvers stop at convergence, usually long before their iteration cap.
  constructor(private readonly context: FitContext) {}

  /** Throws when cancelled; otherwise reports `step` and yields if it is time to. */
  async iteration(step: number, trainLoss?: number): Promise<void> {
    this.throwIfCancelled();
    this.context.onProgress?.({ unit: 'iteration', step, trainLoss });
    await this.checkpoint();
  }

  /** Between chunks of a non-iterative fit: throws when cancelled, yields if it is time to (no progress report). */
  async checkpoint(): Promise<void> {
    this.throwIfCancelled();
    if (Date.now() - this.lastYield >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.lastYield = Date.now();
      this.throwIfCancelled();
    }
  }

  /** Throws FitCancelledError when the context says so. */
  throwIfCancelled(): void {
    if (this.context.isCancelled()) { throw new FitCancelledError(); }
  }
}
