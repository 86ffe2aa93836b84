// The declarative preprocessing pipeline stored in the project file (`data.pipeline`). Steps that
// learn from data (impute, scale, encode, outliers) are fitted on training rows only; what they
// learned is stored in `fitted`, so the same pipeline applies unchanged to any later data.

export type ImputeStrategy = 'mean' | 'median' | 'mostFrequent' | 'constant' | 'dropRows';
export type ScaleMethod = 'standard' | 'minmax' | 'robust';
export type EncodeMethod = 'onehot' | 'ordinal' | 'frequency';

interface StepBase { enabled?: boolean; note?: string }

export type PipelineStep = StepBase & (
  | { kind: 'drop'; columns: string[] }
  | { kind: 'rename'; mapping: Record<string, string> }
  | { kind: 'filter'; expression: string }
  | { kind: 'dedupe' }
  | { kind: 'impute'; columns: string[]; strategy: ImputeStrategy; value?: number | string; fitted?: Record<string, number | string> }
  | { kind: 'outliers'; columns: string[]; method: 'iqr' | 'zscore'; action: 'clip' | 'remove'; factor?: number; fitted?: Record<string, [number, number]> }
  | { kind: 'scale'; columns: string[]; method: ScaleMethod; fitted?: Record<string, { center: number; scale: number }> }
  | { kind: 'encode'; columns: string[]; method: EncodeMethod; maxLevels?: number; fitted?: Record<string, string[] | Record<string, number>> }
  | { kind: 'derive'; column: string; expression: string }
  | { kind: 'cast'; column: string; to: 'number' | 'text' }
  | { kind: 'dateParts'; column: string; parts: DatePart[]; drop?: boolean }
);

export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour';

export type StepKind = PipelineStep['kind'];
