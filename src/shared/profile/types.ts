// What the profiler reports about a data file. The CLI's `mlw profile --json` prints this shape;
// the extension shows it inline and in the Data Profile panel.

export type ColumnType = 'integer' | 'float' | 'boolean' | 'date' | 'categorical' | 'text' | 'id';

export interface HistogramBin { start: number; end: number; count: number }

export interface TopValue { value: string; count: number }

/** One column's statistics. Numeric fields are present for integer/float columns only. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Non-missing cells. */
  count: number;
  missing: number;
  /** Distinct non-missing values. */
  distinct: number;
  mean?: number;
  /** Sample standard deviation (ddof = 1), as pandas. */
  std?: number;
  /** Numbers for numeric columns; ISO strings for dates. */
  min?: number | string;
  q25?: number;
  median?: number;
  q75?: number;
  max?: number | string;
  /** Adjusted Fisher-Pearson G1, as pandas `Series.skew()`. */
  skew?: number;
  /** Bias-corrected excess kurtosis G2, as pandas `Series.kurt()`. */
  kurtosis?: number;
  zeros?: number;
  negatives?: number;
  /** Values outside the 1.5 x IQR fences (strictly). */
  outliers?: number;
  histogram?: HistogramBin[];
  /** Most frequent values, most frequent first (categorical, boolean, text, id, and numbers with few values). */
  top?: TopValue[];
  /** String lengths (categorical, text, id). */
  lengths?: { min: number; mean: number; max: number };
  /** Both numbers and text were found in the column. */
  mixed?: boolean;
}

export type AlertKind = 'constant' | 'highCardinality' | 'unique' | 'highCorrelation' | 'skewed' | 'imbalanced' | 'missing' | 'zeros' | 'duplicates';

export interface ProfileAlert { column: string | null; kind: AlertKind; message: string }

export type ReadProblemKind = 'raggedRow' | 'unclosedQuote' | 'badEncoding';

/** Something wrong in the file, at a 1-based line. The reader collects these instead of failing. */
export interface ReadProblem { line: number; kind: ReadProblemKind; message: string }

export interface DataProfile {
  file: string;
  /** Rows profiled (all rows, or the sample's rows when sampled). */
  rows: number;
  sampled: boolean;
  /** When sampled: how the sample was drawn, for the user. */
  sampleNote?: string;
  bytes: number;
  delimiter: string;
  duplicateRows: number;
  missingCells: number;
  rowsWithMissing: number;
  columns: ColumnProfile[];
  correlations: { columns: string[]; pearson: (number | null)[][] };
  alerts: ProfileAlert[];
  problems: ReadProblem[];
  /** More problems were found than listed. */
  problemsTruncated: boolean;
  seconds: number;
}
