/** Where a project-file problem comes from: unparseable JSON, the schema, or a semantic check. */
export type DiagnosticKind = 'syntax' | 'schema' | 'semantic';

/** A problem found in a project file. Lines and columns are 1-based, as editors show them. */
export interface ProjectDiagnostic {
  kind: DiagnosticKind;
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer of the offending value, e.g. `/problem/successCriteria/0/metric`; '' for the whole file. */
  pointer: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
