import { version } from '../../package.json';

/** The version of ML Workflow that this engine belongs to. */
export const ENGINE_VERSION: string = version;
