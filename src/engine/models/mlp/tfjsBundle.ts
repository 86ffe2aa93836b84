// The entry point of dist/tfjs.js: TensorFlow.js core, its layers (which register the gradients as
// they load) and the WebAssembly backend, bundled apart from the engine and the CLI so that they
// start without parsing its 1.5 MB; tfBackend.ts loads it on the first neural-network fit.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import * as wasm from '@tensorflow/tfjs-backend-wasm';

export { tf, wasm };
