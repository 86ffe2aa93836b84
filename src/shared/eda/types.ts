// What exploratory data analysis (step 3) reports: Vega-Lite charts computed by the engine from the
// full data (binned and summarised, never rows), each with a short text answer, and the three
// handling questions (missing data, outliers, normalisation) with suggested pipeline steps.

import type { PipelineStep } from '../pipeline/types';
import type { Task } from '../project/types';

/** A JSON value, as a Vega-Lite spec holds. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A Vega-Lite specification as a plain JSON object, with its data inlined. */
export type VegaLiteSpec = { [key: string]: JsonValue };

export type EdaChartKind = 'distribution' | 'boxPlot' | 'missing' | 'missingPairs' | 'correlation' | 'association' | 'target' | 'featureTarget';

/** One chart and the question it answers. */
export interface EdaChart {
  /** Unique in a report, e.g. `distribution:age`. */
  id: string;
  kind: EdaChartKind;
  title: string;
  /** The column the chart is about; absent for charts over several columns. */
  column?: string;
  spec: VegaLiteSpec;
  /** What the chart shows, in a sentence or two. */
  answer: string;
}

export type EdaQuestionKind = 'missing' | 'outliers' | 'normalisation';

/** One finding behind a question's answer, per column. */
export interface EdaColumnFinding { column: string; count?: number; share?: number; note: string }

/** One of the three handling questions, answered with what was found and the steps to add. */
export interface EdaQuestion {
  kind: EdaQuestionKind;
  title: string;
  answer: string;
  findings: EdaColumnFinding[];
  /** Steps for `data.pipeline`, ready to add as they are. */
  suggestedSteps: PipelineStep[];
}

/** The whole exploratory analysis of one data file. */
export interface EdaReport {
  file: string;
  rows: number;
  columns: number;
  target?: string;
  /** The task the target charts assume (given by the project, or inferred from the target). */
  task?: Task;
  charts: EdaChart[];
  questions: EdaQuestion[];
  seconds: number;
}
