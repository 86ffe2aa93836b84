// DuckDB's one-statement profile of a CSV, the peer the benchmark compares against.
// Usage: node bench/duckdbSummarize.mjs <file.csv>   (prints how many columns it summarised)
//
// Runs in its own process so that /usr/bin/time sees DuckDB's peak memory alone. Threads
// stay at DuckDB's default (one per core): that is what a user running DuckDB would get.
// SUMMARIZE's quantiles and distinct counts are approximate, so it does less work than an
// exact profile; the comparison is kept deliberately unfavourable to us.
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/duckdbSummarize.mjs <file.csv>');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// Quote for a SQL string literal: a path with an apostrophe must not break the statement.
const literal = `'${file.replaceAll("'", "''")}'`;
// Reading every row back makes sure the work is done, not merely planned.
const reader = await connection.runAndReadAll(`SUMMARIZE SELECT * FROM read_csv_auto(${literal})`);
console.log(`summarised ${reader.getRowObjects().length} columns`);
connection.closeSync();
instance.closeSync();
