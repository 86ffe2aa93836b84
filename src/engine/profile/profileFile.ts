import type { DataProfile } from '../../shared/profile/types';
import type { ProfileParams, ProfileProgress } from '../../shared/protocol/engine';
import { readCsv } from '../data/csvReader';
import type { CsvSource } from '../data/csvReader';
import { MissingMarkers } from '../data/missingMarkers';
import { readCsvSample } from '../data/sampleReader';
import { chunkedTable } from './chunkedTable';
import { profileFileInParallel } from './parallelProfile';
import { profileTable } from './profileTable';

export const DEFAULT_SAMPLE_ROWS = 10000;

/**
 * Profiles a CSV/TSV file (or an editor's text): a quick sample, or every row with progress and
 * cancellation. A large file on disk is read and profiled on two threads unless `threads` is 1.
 */
export async function profileFile(params: ProfileParams, isCancelled?: () => boolean,
  onProgress?: (progress: ProfileProgress) => void): Promise<DataProfile> {
  const startedAt = Date.now();
  const missing = params.missingMarkers ? new MissingMarkers(params.missingMarkers) : undefined;
  const source: CsvSource = params.text !== undefined ? { path: params.path, text: params.text } : { path: params.path };
  if (params.mode === 'sample') {
    const sample = await readCsvSample(source, params.sampleRows ?? DEFAULT_SAMPLE_ROWS, params.delimiter, missing);
    return profileTable(chunkedTable(sample.table), { file: params.path, sampled: sample.sampled, sampleNote: sample.note, startedAt });
  }
  const context = { file: params.path, sampled: false, startedAt };
  if (source.text === undefined && (params.threads ?? 2) >= 2) {
    const profile = await profileFileInParallel(source.path, {
      delimiter: params.delimiter,
      missingMarkers: params.missingMarkers,
      isCancelled,
      onProgress: (bytesRead, bytesTotal, rows) => onProgress?.({ bytesRead, bytesTotal, rows }),
    }, context);
    if (profile) { return profile; }
  }
  const table = await readCsv(source, {
    delimiter: params.delimiter,
    missing,
    isCancelled,
    onProgress: (bytesRead, bytesTotal, rows) => onProgress?.({ bytesRead, bytesTotal, rows }),
  });
  return profileTable(chunkedTable(table), context);
}
