// What the quality assessment of a data source reports (step 2).

export type QualityKind = 'readProblems' | 'duplicates' | 'constant' | 'idLike' | 'mixedTypes' | 'missing'
  | 'impossibleValues' | 'imbalance' | 'leakage' | 'personalData';

export interface QualityFinding {
  kind: QualityKind;
  severity: 'info' | 'warning' | 'error';
  /** The column concerned; null for the whole table. */
  column: string | null;
  message: string;
}

/** A risk the assessment suggests for the problem definition's register (personal data, leakage). */
export interface SuggestedRisk { risk: string; likelihood: 'low' | 'medium' | 'high'; impact: 'low' | 'medium' | 'high'; mitigation: string }

export interface QualityReport {
  source: string;
  file: string;
  rows: number;
  columns: number;
  target?: string;
  /** Rows per target class (classification). */
  classCounts?: { value: string; count: number }[];
  findings: QualityFinding[];
  suggestedRisks: SuggestedRisk[];
}
