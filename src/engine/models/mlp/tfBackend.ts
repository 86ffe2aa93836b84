// TensorFlow.js on its WebAssembly backend, loaded on first use: the library is large and only a
// neural-network fit needs it, so the engine and the CLI start without paying for it. The bundles
// load it from dist/tfjs.js (its own bundle: inside engine.js or mlw.js its code would be parsed at
// every start); compiled tests load the packages.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as Tf from '@tensorflow/tfjs-core';

export type TfModule = typeof Tf;

const WASM_FILE = 'tfjs-backend-wasm.wasm';
const BUNDLE_FILE = 'tfjs.js';

/** What dist/tfjs.js exports (see tfjsBundle.ts). */
interface TfBundle { tf: TfModule; wasm: { setWasmPaths(prefix: string): void } }

let ready: Promise<TfModule> | undefined;

/** The folder holding the backend's .wasm files, with a trailing separator as `setWasmPaths` wants. */
export function wasmDirectory(): string {
  // The bundles (dist/engine.js, dist/mlw.js) ship the files beside themselves; running from
  // source or compiled tests, they are in the package's own dist folder.
  if (existsSync(path.join(__dirname, WASM_FILE))) { return __dirname + path.sep; }
  let dir: string | undefined;
  try {
    // createRequire: a bare require.resolve would make esbuild try (and warn) to bundle the path.
    dir = path.join(path.dirname(createRequire(__filename).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  } catch {
    // Not installed beside us either: reported below.
  }
  if (!dir || !existsSync(path.join(dir, WASM_FILE))) {
    throw new Error(`The TensorFlow.js WebAssembly files are missing: ${WASM_FILE} is neither beside ${__dirname} nor in an installed @tensorflow/tfjs-backend-wasm.`);
  }
  return dir + path.sep;
}

/** TensorFlow.js with the wasm backend active; imported and initialised once, on the first call. */
export function loadTf(): Promise<TfModule> {
  ready ??= initialise().catch((error: unknown) => { ready = undefined; throw error; });
  return ready;
}

async function initialise(): Promise<TfModule> {
  const { tf, wasm } = loadBundle();
  wasm.setWasmPaths(wasmDirectory());
  if (!(await tf.setBackend('wasm'))) { throw new Error('TensorFlow.js could not start its WebAssembly backend.'); }
  await tf.ready();
  return tf;
}

/**
 * The bundle beside this file, else the installed packages. createRequire hides both requires from
 * esbuild, which would otherwise put the library back into the bundle that loads it.
 */
function loadBundle(): TfBundle {
  const load = createRequire(__filename);
  const bundled = path.join(__dirname, BUNDLE_FILE);
  if (existsSync(bundled)) { return load(bundled) as TfBundle; }
  // tfjs-core registers no gradients by itself; tfjs-layers registers them all as it loads (in its
  // Node build too, where core's own ESM-only registration file cannot be required).
  const tf = load('@tensorflow/tfjs-core') as TfModule;
  load('@tensorflow/tfjs-layers');
  return { tf, wasm: load('@tensorflow/tfjs-backend-wasm') as TfBundle['wasm'] };
}
