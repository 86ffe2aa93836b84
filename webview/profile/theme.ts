import type { Config } from 'vega-lite';

// Chart colours and fonts from the VS Code theme. The workbench sets --vscode-* variables on the
// webview's root; Vega draws with concrete colours, so they are read here and passed in as its
// config, and read again when the theme changes.

/** The theme's colours the charts use. */
export interface ChartTheme {
  foreground: string;
  muted: string;
  lines: string;
  background: string;
  primary: string;
  secondary: string;
  negative: string;
  font: string;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The current theme's chart colours. */
export function readTheme(): ChartTheme {
  return {
    foreground: cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#cccccc')),
    muted: cssVar('--vscode-descriptionForeground', '#9d9d9d'),
    lines: cssVar('--vscode-charts-lines', '#80808080'),
    background: cssVar('--vscode-editor-background', '#1e1e1e'),
    primary: cssVar('--vscode-charts-blue', '#3794ff'),
    secondary: cssVar('--vscode-charts-orange', '#d18616'),
    negative: cssVar('--vscode-charts-red', '#f14c4c'),
    font: cssVar('--vscode-font-family', 'sans-serif'),
  };
}

/** A Vega-Lite config that draws in the theme's colours and font on a transparent background. */
export function vegaConfig(theme: ChartTheme): Config {
  const axis = {
    labelColor: theme.muted, titleColor: theme.foreground, domainColor: theme.lines, tickColor: theme.lines,
    gridColor: theme.lines, gridOpacity: 0.35, labelFont: theme.font, titleFont: theme.font, titleFontWeight: 'normal' as const,
  };
  return {
    background: 'transparent',
    font: theme.font,
    view: { stroke: null },
    axis,
    legend: { labelColor: theme.muted, titleColor: theme.foreground, labelFont: theme.font, titleFont: theme.font },
    title: { color: theme.foreground, font: theme.font },
    mark: { color: theme.primary },
    bar: { color: theme.primary },
    text: { color: theme.foreground, font: theme.font },
  };
}

/** Calls `onChange` when the user switches theme (VS Code swaps the body's class and the root's variables). */
export function onThemeChange(onChange: () => void): void {
  let last = JSON.stringify(readTheme());
  const observer = new MutationObserver(() => {
    const now = JSON.stringify(readTheme());
    if (now !== last) { last = now; onChange(); }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
