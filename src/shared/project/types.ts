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

export interface ProjectData {
  sources?: DataSource[];
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
