import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cramersV } from '../../src/engine/eda/cramersV';
import { exploreCsv } from '../../src/engine/eda/exploreData';
import { writeEdaHtml } from '../../src/engine/eda/edaHtml';
import { runCli } from '../../src/cli/main';
import { ROOT, tempDir } from './tempDir';

const dataset = (name: string) => path.join(ROOT, 'test', 'fixtures', 'datasets', name);

describe("Cramér's V", () => {
  it('matches a hand-computed value on a 2 x 3 table', () => {
    // Rows 30 / 30, columns 20 / 20 / 20, n = 60: every expected count is 10.
    // chi² = (10² + 0 + 10²) / 10 * 2 = 40; V = sqrt(40 / 60 / (2 - 1)) = sqrt(2/3).
    assert.ok(Math.abs((cramersV([[20, 10, 0], [0, 10, 20]]) ?? NaN) - Math.sqrt(2 / 3)) < 1e-12);
  });

  it('is 0 for independent columns, 1 when one determines the other, null with one level', () => {
    assert.equal(cramersV([[10, 20], [5, 10]]), 0);
    assert.ok(Math.abs((cramersV([[7, 0, 0], [0, 3, 0], [0, 0, 9]]) ?? NaN) - 1) < 1e-12);
    assert.equal(cramersV([[4, 6]]), null);
  });

  it('ignores levels that never occur', () => {
    assert.equal(cramersV([[20, 10, 0, 0], [0, 10, 20, 0], [0, 0, 0, 0]]), cramersV([[20, 10, 0], [0, 10, 20]]));
  });
});

describe('exploratory data analysis', () => {
  it('on titanic (target survived): age is missing, imputed, and has IQR outliers; charts cover the target', async () => {
    const report = await exploreCsv(dataset('titanic.csv'), { target: 'survived' });
    assert.equal(report.task, 'binary');
    const missing = report.questions.find((q) => q.kind === 'missing');
    assert.deepEqual(missing?.findings.map((f) => [f.column, f.count]), [['age', 263]]);
    assert.deepEqual(missing?.suggestedSteps, [{ kind: 'impute', columns: ['age'], strategy: 'mean' }]);
    const outliers = report.questions.find((q) => q.kind === 'outliers');
    assert.deepEqual(outliers?.suggestedSteps, [{ kind: 'outliers', columns: ['age'], method: 'iqr', action: 'clip' }]);
    const ids = report.charts.map((c) => c.id);
    for (const id of ['target:survived', 'featureTarget:age', 'featureTarget:sex', 'distribution:age', 'boxPlot:age', 'missing', 'missingPairs', 'association']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    }
    assert.ok(!ids.includes('distribution:name'), 'an ID column gets no distribution chart');
    // 809 "no" / 500 "yes"; female survival 339 / 466 = 72.7% (the usual figure for this data).
    assert.match(report.charts.find((c) => c.id === 'target:survived')?.answer ?? '', /"no" 61\.8%/);
    assert.match(report.charts.find((c) => c.id === 'featureTarget:sex')?.answer ?? '', /72\.7% \("female"\)/);
    // scipy.stats.contingency.association(crosstab(sex, survived), method="cramer") = 0.5287
    assert.match(report.charts.find((c) => c.id === 'association')?.answer ?? '', /survived and sex \(Cramér's V = 0\.528/);
    const box = report.charts.find((c) => c.id === 'boxPlot:age');
    assert.match(box?.answer ?? '', /^age: 9 values/);
    assert.ok(!JSON.stringify(report).includes('Allen, Miss'), 'no row of data leaves the engine');
  });

  it('on iris (target species): multiclass with per-class box plots, Pearson heatmap, no missing values', async () => {
    const report = await exploreCsv(dataset('iris.csv'), { target: 'species' });
    assert.equal(report.task, 'multiclass');
    const petal = report.charts.find((c) => c.id === 'featureTarget:petal length (cm)');
    assert.equal(petal?.kind, 'featureTarget');
    assert.match(petal?.answer ?? '', /"setosa" 1\.5, "versicolor" 4\.35, "virginica" 5\.55/);
    assert.ok(report.charts.some((c) => c.id === 'correlation'));
    assert.deepEqual(report.questions.find((q) => q.kind === 'missing')?.suggestedSteps, []);
    assert.deepEqual(report.questions.find((q) => q.kind === 'outliers')?.suggestedSteps, [{ kind: 'outliers', columns: ['sepal width (cm)'], method: 'iqr', action: 'clip' }]);
  });

  it('on diabetes (regression): binned mean target per feature and scaling for very different scales', async () => {
    const report = await exploreCsv(dataset('diabetes.csv'), { target: 'progression' });
    assert.equal(report.task, 'regression');
    assert.ok(report.charts.some((c) => c.id === 'featureTarget:bmi' && /Pearson r = 0\.58/.test(c.answer)));
    const scale = report.questions.find((q) => q.kind === 'normalisation')?.suggestedSteps ?? [];
    assert.ok(scale.length > 0 && scale.every((s) => s.kind === 'scale'));
  });

  it('rejects a target the file does not have', async () => {
    await assert.rejects(exploreCsv(dataset('iris.csv'), { target: 'colour' }), /no column named "colour"/);
  });
});

describe('EDA HTML report', () => {
  it('is self-contained: inline SVG charts, the answers and steps, no script', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'eda.html');
    const report = await exploreCsv(dataset('titanic.csv'), { target: 'survived' });
    await writeEdaHtml(report, out);
    const html = readFileSync(out, 'utf8');
    assert.equal((html.match(/<svg/g) ?? []).length, report.charts.length);
    assert.ok(!/<script/i.test(html));
    assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(html.replace(/<svg[^>]*>/g, '')), 'nothing is fetched');
    assert.match(html, /&quot;kind&quot;:&quot;impute&quot;,&quot;columns&quot;:\[&quot;age&quot;\]/);
  });

  it('mlw eda writes the report; a bad target is one line and exit 1', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'iris.html');
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    assert.equal(await runCli(['eda', dataset('iris.csv'), '--html', out, '--target', 'species'], io), 0);
    assert.match(readFileSync(out, 'utf8'), /<svg/);
    assert.match(lines.join(''), /Wrote .*iris\.html/);
    await assert.rejects(runCli(['eda', dataset('iris.csv'), '--html', out, '--target', 'colour'], io), /no column named "colour"/);
  });
});
