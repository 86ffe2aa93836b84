// The six workflow steps and their sub-tasks, in the order the tree shows them (PRODUCT.md).

export type StepId = 'problem' | 'data' | 'eda' | 'training' | 'evaluation' | 'deployment';

export interface SubTaskDefinition {
  id: string;
  label: string;
}

export interface StepDefinition {
  id: StepId;
  number: number;
  label: string;
  description: string;
  subTasks: readonly SubTaskDefinition[];
}

export const STEPS: readonly StepDefinition[] = [
  {
    id: 'problem', number: 1, label: 'Problem Definition',
    description: 'Business objective, task, target, success criteria, constraints and risks.',
    subTasks: [
      { id: 'objective', label: 'Business objective' },
      { id: 'statement', label: 'Problem statement' },
      { id: 'taskTarget', label: 'Task and target column' },
      { id: 'criteria', label: 'Success criteria' },
      { id: 'requirements', label: 'Data requirements and constraints' },
      { id: 'risks', label: 'Risk register' },
    ],
  },
  {
    id: 'data', number: 2, label: 'Data Collection & Preprocessing',
    description: 'Register data sources, assess their quality, build the preprocessing pipeline.',
    subTasks: [
      { id: 'sources', label: 'Register data sources' },
      { id: 'quality', label: 'Assess data quality' },
      { id: 'pipeline', label: 'Build the preprocessing pipeline' },
      { id: 'lineage', label: 'Lineage and code export' },
    ],
  },
  {
    id: 'eda', number: 3, label: 'Exploratory Data Analysis',
    description: 'Profiles, distributions, missingness, outliers, correlations, the target.',
    subTasks: [
      { id: 'profiles', label: 'Column profiles and distributions' },
      { id: 'missing', label: 'Missing data' },
      { id: 'outliers', label: 'Outliers' },
      { id: 'correlations', label: 'Correlations' },
      { id: 'target', label: 'Target relationships and class balance' },
      { id: 'normalisation', label: 'Normalisation' },
    ],
  },
  {
    id: 'training', number: 4, label: 'Model Selection & Training',
    description: 'Candidate model families, background training, the leaderboard.',
    subTasks: [
      { id: 'candidates', label: 'Choose candidate models' },
      { id: 'train', label: 'Train in the background' },
      { id: 'leaderboard', label: 'Compare on the leaderboard' },
    ],
  },
  {
    id: 'evaluation', number: 5, label: 'Model Evaluation & Tuning',
    description: 'Validation scheme, metrics, hyperparameter search, diagnostics, final selection.',
    subTasks: [
      { id: 'validation', label: 'Validation scheme' },
      { id: 'tuning', label: 'Hyperparameter search' },
      { id: 'diagnostics', label: 'Confusion matrix, curves, residuals, importance' },
      { id: 'selection', label: 'Final selection against success criteria' },
    ],
  },
  {
    id: 'deployment', number: 6, label: 'Deployment & Monitoring',
    description: 'Model registry, prediction server, batch prediction, drift monitoring, model card.',
    subTasks: [
      { id: 'registry', label: 'Model registry' },
      { id: 'serve', label: 'Prediction server and batch prediction' },
      { id: 'monitor', label: 'Monitoring and drift' },
      { id: 'card', label: 'Model card' },
    ],
  },
];
