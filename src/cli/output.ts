import type { ProjectDiagnostic } from '../shared/project/diagnostics';

/** A failure that ends the command with a message and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** `file:line:column: severity: message`, the form editors and CI logs turn into links. */
export function formatDiagnostic(file: string, d: ProjectDiagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
