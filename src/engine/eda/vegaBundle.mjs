// Entry of dist/vegaRender.mjs: vega and vega-lite bundled as one ES module, so the packaged
// extension (which ships no node_modules) can render charts to SVG in the engine. It must stay
// an ES module: vega's module graph has a top-level await that a CommonJS bundle cannot hold.
export { parse, View } from 'vega';
export { compile } from 'vega-lite';
