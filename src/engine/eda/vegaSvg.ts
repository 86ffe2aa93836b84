import type { VegaLiteSpec } from '../../shared/eda/types';

type Vega = typeof import('vega');
/** The one function used from vega-lite (its types need a newer module resolution than this project's). */
interface VegaLite { compile(spec: object): { spec: import('vega').Spec } }

// vega and vega-lite are ES modules whose graph has a top-level await (vega-canvas probing for the
// optional `canvas` package): neither `require` nor an esbuild CommonJS bundle can load them. A
// real `import()` can, and TypeScript would rewrite a plain one into `require`; hence the Function.
const importModule = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

let libraries: Promise<{ vegaLite: VegaLite; vega: Vega }> | undefined;

function loadVega(): Promise<{ vegaLite: VegaLite; vega: Vega }> {
  libraries ??= Promise.all([importModule<VegaLite>('vega-lite'), importModule<Vega>('vega')]).then(([vegaLite, vega]) => ({ vegaLite, vega }));
  return libraries;
}

/** Renders a Vega-Lite spec to SVG text in Node, without a canvas or a browser. */
export async function specToSvg(spec: VegaLiteSpec): Promise<string> {
  const { vegaLite, vega } = await loadVega();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
