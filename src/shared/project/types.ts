// The project file (mlworkflow.json). Its JSON schema is schemas/mlworkflow.schema.json; keep both in step.

/** The prediction task of a project. */
export type Task = 'binary' | 'multiclass' | 'regression';

export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

export type Comparator = '>=' | '>' | '<=' | '<';

export const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<'];

export type Level = 'low' | 'medium' | 'high';

export const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

/** A measurable threshold a model must meet to be accepted. */
export interface SuccessCriterion {
  metric: string;
  comparator: Comparator;
  threshold: number;
  note?: string;
}

/** One row of the risk register. */
export interface Risk {
  risk: string;
  likelihood: Level;
  impact: Level;
  mitigation?: string;
}

/** Step 1: the problem definition. Every field is optional until the user fills it in. */
export interface Problem {
  businessObjective?: string;
  problemStatement?: string;
  task?: Task;
  target?: string;
  successCriteria?: SuccessCriterion[];
  dataRequirements?: string;
  constraints?: string;
  risks?: Risk[];
}

export type DataRole = 'train' | 'test' | 'new';

/** A registered data file, its path relative to the project file. */
export interface DataSource {
  name: string;
  path: string;
  role?: DataRole;
  sha256?: string;
  rows?: number;
  columns?: number;
}

/** The values a column can possibly take. */
export interface ValueRange { min?: number; max?: number }

/**
 * How the training source is split into training rows and held-out test rows. The pipeline and
 * every model learn from the training rows only; the test rows are kept for the final evaluation.
 * `random` shuffles with the seed; `stratified` keeps the target's class shares; `timeOrdered`
 * holds out the last rows by `column` (oldest first); `column` uses a column whose value is
 * `test` (or 1 / true) for test rows.
 */
export interface SplitSettings {
  method: 'random' | 'stratified' | 'timeOrdered' | 'column';
  /** Share of rows held out (0 < f < 1); not used by `column`. */
  testFraction?: number;
  seed?: number;
  column?: string;
}

export const SPLIT_METHODS: readonly SplitSettings['method'][] = ['random', 'stratified', 'timeOrdered', 'column'];

export interface ProjectData {
  sources?: DataSource[];
  /** Hold-out split of the training source; absent = every row trains (no test rows from it). */
  split?: SplitSettings;
  /** Per column, the possible values: anything outside is an impossible value. */
  ranges?: Record<string, ValueRange>;
  pipeline?: object[];
}

/** The whole project file. */
export interface ProjectFile {
  $schema?: string;
  version: 1;
  name: string;
  description?: string;
  created?: string;
  problem?: Problem;
  data?: ProjectData;
}

/** The project file's name; the workflow tree finds projects by it. */
export const PROJECT_FILE_NAME = 'mlworkflow.json';
