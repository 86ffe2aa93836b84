import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VegaLiteSpec } from '../../shared/eda/types';

/** The three functions used from vega and vega-lite (vega-lite's types need a newer module resolution). */
interface VegaRender {
  compile(spec: object): { spec: import('vega').Spec };
  parse: typeof import('vega').parse;
  View: typeof import('vega').View;
}

// vega and vega-lite are ES modules whose graph has a top-level await (vega-canvas probing for the
// optional `canvas` package): neither `require` nor an esbuild CommonJS bundle can load them. A
// real `import()` can, and TypeScript would rewrite a plain one into `require`; hence the Function.
const importModule = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

let loaded: Promise<VegaRender> | undefined;

/**
 * The bundled dist/vegaRender.mjs beside the running bundle (the packaged extension has no
 * node_modules), else the packages themselves (tests compiled to out/).
 */
function loadVega(): Promise<VegaRender> {
  const bundled = path.join(__dirname, 'vegaRender.mjs');
  loaded ??= existsSync(bundled)
    ? importModule<VegaRender>(pathToFileURL(bundled).href)
    : Promise.all([importModule<{ compile: VegaRender['compile'] }>('vega-lite'), importModule<typeof import('vega')>('vega')])
      .then(([vegaLite, vega]) => ({ compile: vegaLite.compile, parse: vega.parse, View: vega.View }));
  return loaded;
}

/** Renders a Vega-Lite spec to SVG text in Node, without a canvas or a browser. */
export async function specToSvg(spec: VegaLiteSpec): Promise<string> {
  const vega = await loadVega();
  const view = new vega.View(vega.parse(vega.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
