// Progress reports are cheap to make and expensive to send (each one crosses the IPC channel and
// re-renders the panel): keep the newest, send at most one per interval, and the last one always.

/** Passes on at most one report per interval (the newest), plus whatever is pending on flush. */
export class ProgressThrottle<T> {
  private last = 0;
  private pending: T | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly emit: (report: T) => void, private readonly intervalMs = 250) {}

  /** Offers a report; it goes out now, or later if one went out less than an interval ago. */
  push(report: T): void {
    const now = Date.now();
    if (now - this.last >= this.intervalMs) {
      this.clear();
      this.send(report, now);
      return;
    }
    this.pending = report;
    if (!this.timer) {
      this.timer = setTimeout(() => { this.timer = undefined; this.flush(); }, this.intervalMs - (now - this.last));
      this.timer.unref();
    }
  }

  /** Sends the pending report, if any (at the end of the work). */
  flush(): void {
    const report = this.pending;
    this.clear();
    if (report !== undefined) { this.send(report, Date.now()); }
  }

  private send(report: T, now: number): void {
    this.last = now;
    this.emit(report);
  }

  private clear(): void {
    this.pending = undefined;
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
  }
}
