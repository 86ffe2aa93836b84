import { parentPort, workerData } from 'node:worker_threads';
import { pearsonPairs } from './correlations';
import { numericStats, presentValues } from './numericStats';
import type { NumericStats } from './numericStats';

// A worker thread that computes part of a large table's profile for profileTableInParallel. The
// columns arrive as views on shared memory: nothing is copied to get here.

/** The share of the work a worker takes. */
export interface StatsRequest {
  numeric: { numbers: Float64Array; integral: boolean }[];
  /** Every numeric column, for the correlation pairs. */
  pairColumns: Float64Array[];
  pairs: [number, number][];
}

export interface StatsResult { stats: NumericStats[]; pearson: (number | null)[] }

const request = workerData as StatsRequest;
const scratch = new Float64Array(request.pairColumns[0]?.length ?? 0);
const result: StatsResult = {
  stats: request.numeric.map((c) => numericStats(presentValues(c.numbers, scratch), c.integral)),
  pearson: pearsonPairs(request.pairColumns, request.pairs),
};
parentPort?.postMessage(result);
