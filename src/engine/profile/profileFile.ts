import type { DataProfile } from '../../shared/profile/types';
import type { ProfileParams, ProfileProgress } from '../../shared/protocol/engine';
import { readCsv } from '../data/csvReader';
import type { CsvSource, ReadOptions } from '../data/csvReader';
import { readCsvParallel } from '../data/parallelRead';
import { MissingMarkers } from '../data/missingMarkers';
import { readCsvSample } from '../data/sampleReader';
import { profileTable, profileTableInParallel } from './profileTable';

export const DEFAULT_SAMPLE_ROWS = 10000;

/**
 * Profiles a CSV/TSV file (or an editor's text): a quick sample, or every row with progress and
 * cancellation between chunks.
 */
export async function profileFile(params: ProfileParams, isCancelled?: () => boolean,
  onProgress?: (progress: ProfileProgress) => void): Promise<DataProfile> {
  const startedAt = Date.now();
  const missing = params.missingMarkers ? new MissingMarkers(params.missingMarkers) : undefined;
  const source: CsvSource = params.text !== undefined ? { path: params.path, text: params.text } : { path: params.path };
  if (params.mode === 'sample') {
    const sample = await readCsvSample(source, params.sampleRows ?? DEFAULT_SAMPLE_ROWS, params.delimiter, missing);
    return profileTable(sample.table, { file: params.path, sampled: sample.sampled, sampleNote: sample.note, startedAt });
  }
  const parallel = source.text === undefined && (params.threads ?? 1) >= 2;
  const read = parallel ? (o: ReadOptions) => readCsvParallel(source.path, o) : (o: ReadOptions) => readCsv(source, o);
  const table = await read({
    delimiter: params.delimiter,
    missing,
    isCancelled,
    onProgress: (bytesRead, bytesTotal, rows) => onProgress?.({ bytesRead, bytesTotal, rows }),
  });
  return profileTableInParallel(table, { file: params.path, sampled: false, startedAt });
}
