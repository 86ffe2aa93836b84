import type { ColumnProfile } from '../../shared/profile/types';

// The small distribution chart in a header hover. Hovers render Markdown, where an image is the
// only way to draw; an SVG data URI needs no file and no network. The bins and counts come from
// the engine's profile: nothing is computed here but bar geometry.

/** Colours for the chart; an <img> cannot read the theme's CSS variables, so the caller passes them. */
export interface ChartColours { bar: string; text: string }

const WIDTH = 260;

/** A data: URI of the column's histogram or top-values bars, or undefined when it has neither. */
export function distributionDataUri(column: ColumnProfile, colours: ChartColours): string | undefined {
  const svg = column.histogram && column.histogram.length > 0
    ? histogramSvg(column.histogram.map((b) => b.count), colours)
    : column.top && column.top.length > 0 ? topValuesSvg(column.top.slice(0, 5), colours) : undefined;
  return svg ? `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` : undefined;
}

function histogramSvg(counts: number[], colours: ChartColours): string {
  const height = 56;
  const max = Math.max(1, ...counts);
  const step = WIDTH / counts.length;
  const bars = counts.map((c, i) => {
    const h = c === 0 ? 0 : Math.max(1, (c / max) * (height - 2));
    return `<rect x="${(i * step + 0.5).toFixed(2)}" y="${(height - h).toFixed(2)}" width="${Math.max(1, step - 1).toFixed(2)}" height="${h.toFixed(2)}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`
    + `<g fill="${colours.bar}">${bars.join('')}</g>`
    + `<line x1="0" x2="${WIDTH}" y1="${height - 0.5}" y2="${height - 0.5}" stroke="${colours.text}" stroke-opacity="0.4"/></svg>`;
}

function topValuesSvg(top: { value: string; count: number }[], colours: ChartColours): string {
  const rowHeight = 16;
  const labelWidth = 96;
  const height = top.length * rowHeight;
  const max = Math.max(1, ...top.map((t) => t.count));
  const rows = top.map((t, i) => {
    const y = i * rowHeight;
    const w = Math.max(1, (t.count / max) * (WIDTH - labelWidth - 4));
    const label = t.value === '' ? '(empty)' : t.value.length > 14 ? `${t.value.slice(0, 13)}…` : t.value;
    return `<text x="${labelWidth - 4}" y="${y + 12}" text-anchor="end">${escapeXml(label)}</text>`
      + `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(2)}" height="${rowHeight - 5}" fill="${colours.bar}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`
    + `<g font-family="sans-serif" font-size="11" fill="${colours.text}">${rows.join('')}</g></svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}
