import type { EdaChart, EdaQuestion, EdaReport } from '../../shared/eda/types';
import type { PipelineStep } from '../../shared/pipeline/types';
import { writeFileAtomic } from '../storage/atomicWrite';
import { specToSvg } from './vegaSvg';

/** The report as one self-contained HTML page: charts as inline SVG, no scripts, nothing fetched. */
export async function renderEdaHtml(report: EdaReport): Promise<string> {
  const charts: string[] = [];
  for (const chart of report.charts) { charts.push(await chartSection(chart)); }
  const subtitle = `${report.rows.toLocaleString('en-US')} rows x ${report.columns} columns${report.target ? `; target <code>${esc(report.target)}</code> (${esc(report.task ?? '')})` : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Exploratory data analysis: ${esc(baseName(report.file))}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
section.chart { display: inline-block; vertical-align: top; width: 520px; margin: 0 1rem 1.5rem 0; }
section.chart svg { max-width: 100%; height: auto; }
pre { background: #f5f5f5; padding: 0.5rem; overflow-x: auto; }
td, th { text-align: left; padding: 0.1rem 0.6rem 0.1rem 0; }
</style>
</head>
<body>
<h1>Exploratory data analysis: ${esc(baseName(report.file))}</h1>
<p>${subtitle}. File: <code>${esc(report.file)}</code>.</p>
<h2>Handling questions</h2>
${report.questions.map(questionSection).join('\n')}
<h2>Charts</h2>
${charts.join('\n')}
</body>
</html>
`;
}

/** Renders the report and writes it so that a reader never sees half a file. */
export async function writeEdaHtml(report: EdaReport, out: string): Promise<void> {
  await writeFileAtomic(out, await renderEdaHtml(report));
}

async function chartSection(chart: EdaChart): Promise<string> {
  return `<section class="chart" id="${esc(chart.id)}">
<h3>${esc(chart.title)}</h3>
${await specToSvg(chart.spec)}
<p>${esc(chart.answer)}</p>
</section>`;
}

function questionSection(q: EdaQuestion): string {
  const rows = q.findings.map((f) => `<tr><td><code>${esc(f.column)}</code></td><td>${esc(f.note)}</td></tr>`).join('\n');
  const steps = q.suggestedSteps.length === 0 ? '<p>No step suggested.</p>'
    : `<p>Suggested pipeline step${q.suggestedSteps.length === 1 ? '' : 's'}:</p>\n${q.suggestedSteps.map((s) => `<pre>${esc(stepJson(s))}</pre>`).join('\n')}`;
  return `<section class="question" id="question-${q.kind}">
<h3>${esc(q.title)}</h3>
<p>${esc(q.answer)}</p>
${rows ? `<table>\n${rows}\n</table>` : ''}
${steps}
</section>`;
}

function stepJson(step: PipelineStep): string {
  return JSON.stringify(step);
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
