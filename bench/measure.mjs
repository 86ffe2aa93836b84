// Runs one command under GNU time and reports its wall time and peak resident memory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const timeBinary = '/usr/bin/time';

/** Throws with the fix when GNU time is missing (the shell builtin `time` has no -v). */
export function requireGnuTime() {
  if (!existsSync(timeBinary)) {
    throw new Error(`${timeBinary} not found; install it with: apt-get install time`);
  }
}

/**
 * Runs `command args` with stdout sent to /dev/null; resolves to
 * { ok, wallS, peakMiB, error }. Never rejects: a failing tool is a row in the table.
 */
export function measure(command, args, { timeoutS = 900 } = {}) {
  // time -o keeps GNU time's report apart from the tool's own stderr.
  const dir = mkdtempSync(join(tmpdir(), 'mlw-bench-'));
  const report = join(dir, 'time.txt');
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const child = spawn(timeBinary, ['-v', '-o', report, command, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000); // the tail says why it failed
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // hrtime around the spawn, not GNU time's m:ss.cc, for millisecond resolution; the
      // extra cost of starting `time` itself is about a millisecond.
      const wallS = Number(process.hrtime.bigint() - start) / 1e9;
      const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
      rmSync(dir, { recursive: true, force: true });
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
      const peakMiB = kb ? Number(kb[1]) / 1024 : NaN;
      if (code === 0 && kb) {
        done({ ok: true, wallS, peakMiB });
      } else {
        const why = signal ? `killed by ${signal}` : `exit ${code}`;
        const detail = stderr.trim().split('\n').slice(-3).join(' | ');
        done({ ok: false, wallS, peakMiB, error: `${why}${detail ? `: ${detail}` : ''}` });
      }
    });
  });
}

/** Median of a non-empty list; the mean of the middle two for even lengths. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
