import { EngineErrorCodes } from '../shared/protocol/engine';

type EngineErrorCode = (typeof EngineErrorCodes)[keyof typeof EngineErrorCodes];

/** A failure the user can act on; its message says what is wrong and where. */
export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Wraps a file-system failure into a message that names the file. */
export function fileError(path: string, err: unknown): EngineError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') { return new EngineError(EngineErrorCodes.FileNotFound, `${path}: no such file.`); }
  if (code === 'EACCES' || code === 'EPERM') { return new EngineError(EngineErrorCodes.FileNotFound, `${path}: permission denied.`); }
  if (code === 'EISDIR') { return new EngineError(EngineErrorCodes.InvalidInput, `${path}: is a folder, not a file.`); }
  return new EngineError(EngineErrorCodes.FileNotFound, `${path}: ${err instanceof Error ? err.message : String(err)}`);
}
