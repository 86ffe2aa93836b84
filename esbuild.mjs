// Bundles: the extension (Node, CommonJS, `vscode` external), the engine process, the `mlw` CLI,
// and one browser bundle per webview. Static assets (codicons, TensorFlow.js wasm) are copied beside them.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: !production,
  minify: production, logLevel: 'warning',
  // jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow; its ESM build is static.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/engine/main.ts'], outfile: 'dist/engine.js' },
  // The engine's worker threads, loaded from beside engine.js and mlw.js.
  { ...node, entryPoints: ['src/engine/profile/profileWorker.ts'], outfile: 'dist/profileWorker.js' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/mlw.js', banner: { js: '#!/usr/bin/env node' } },
  // TensorFlow.js, required from beside engine.js and mlw.js on the first neural-network fit.
  { ...node, entryPoints: ['src/engine/models/mlp/tfjsBundle.ts'], outfile: 'dist/tfjs.js' },
  // vega for the engine's SVG rendering, an ES module loaded with import() from beside engine.js and
  // mlw.js. `canvas` is an optional native package vega probes for; without it vega renders SVG.
  {
    ...node, format: 'esm', entryPoints: ['src/engine/eda/vegaBundle.mjs'], outfile: 'dist/vegaRender.mjs', external: ['canvas'],
    // Some of vega's dependencies still call require(); an ES module needs one made for it.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  },
  {
    bundle: true, platform: 'browser', format: 'esm', target: 'es2022', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: { problem: 'webview/problem/main.ts', profile: 'webview/profile/main.ts', eda: 'webview/eda/main.ts', data: 'webview/data/main.ts', training: 'webview/training/main.ts' }, outdir: 'dist/webview',
    loader: { '.css': 'css' },
  },
];

function copyAssets() {
  mkdirSync('dist/webview/codicons', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    cpSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/codicons/${f}`);
  }
  // The neural-network family's TensorFlow.js backend loads these from beside engine.js and mlw.js.
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    cpSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`, `dist/${f}`);
  }
}

copyAssets();
if (watch) {
  for (const options of builds) { await (await esbuild.context(options)).watch(); }
  console.log('watching for changes...');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
