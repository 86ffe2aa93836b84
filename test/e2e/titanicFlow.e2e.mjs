// Issue "step 2 and 3, done means", as a user does it in the real VS Code: create a project on the
// titanic CSV, define the problem, see `age` missing and `name` ID-like in the Data panel, add the
// EDA's suggested impute step with one click, drop `name` and one-hot encode the categories with
// the step forms, and find all of it in the preview, in DATA.md and in the exported Python script,
// whose output must equal the engine's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT = 'titanic-survival';

/** Runs the titanic checks on an open workbench; `ui` holds the helpers of workbench.e2e.mjs. */
export async function titanicChecks(ui) {
  const { page, check, shot, form, byId, palette, choose, workspace, root } = ui;
  const projectFile = path.join(workspace, PROJECT, 'mlworkflow.json');
  const pickProject = async () => {
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Titanic survival' }).first().click();
  };
  const quietToasts = async () => {
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(400);
  };

  await check('titanic: a project on the CSV, with the problem defined in the form', async () => {
    await palette('View: Close All Editors');
    await palette('ML Workflow: Create Project');
    const input = page.locator('.quick-input-widget .quick-input-box input').first();
    await input.waitFor();
    await input.fill('Titanic survival');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PROJECT }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'titanic.csv' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'Problem Definition: Titanic survival' }).waitFor({ timeout: 30000 });
    await byId('target').waitFor({ timeout: 30000 });
    await choose('task', 'Binary classification');
    await choose('target', 'survived');
    await form().locator('#save').click();
    await form().locator('.status', { hasText: 'Saved at' }).waitFor({ timeout: 15000 });
    const project = JSON.parse(readFileSync(projectFile, 'utf8'));
    if (project.problem.target !== 'survived' || project.data.sources[0].path !== '../data/titanic.csv') { throw new Error(JSON.stringify(project)); }
  });

  await check('titanic: the Data panel shows age missing and name ID-like', async () => {
    await palette('View: Close All Editors');
    await palette('ML Workflow: Open Data Panel');
    await pickProject();
    await page.locator('.tabs-container .tab', { hasText: 'Data: Titanic survival' }).waitFor({ timeout: 30000 });
    await form().locator('ul.findings li', { hasText: 'age is missing in 263 rows' }).waitFor({ timeout: 60000 });
    await form().locator('ul.findings li', { hasText: 'name is unique per row (ID-like)' }).waitFor();
    await quietToasts();
    await shot('11-titanic-data-quality.png');
  });

  await check('titanic: one click in the EDA panel adds the suggested impute step', async () => {
    await palette('View: Close All Editors');
    await palette('ML Workflow: Open Exploratory Data Analysis');
    await pickProject();
    await page.locator('.tabs-container .tab', { hasText: 'Exploratory Data Analysis: Titanic survival' }).waitFor({ timeout: 30000 });
    await form().locator('#question-missing').waitFor({ timeout: 60000 });
    await form().locator('.chart svg, .chart canvas').first().waitFor({ timeout: 30000 });
    await form().locator('#question-missing vscode-button.add-step', { hasText: 'Add to pipeline' }).first().click();
    await form().locator('#question-missing vscode-button.add-step', { hasText: 'Added' }).first().waitFor({ timeout: 20000 });
    const pipeline = JSON.parse(readFileSync(projectFile, 'utf8')).data.pipeline;
    if (pipeline.length !== 1 || pipeline[0].kind !== 'impute' || !pipeline[0].columns.includes('age')) { throw new Error(JSON.stringify(pipeline)); }
    await quietToasts();
    await shot('12-titanic-eda.png');
  });

  await check('titanic: drop name and one-hot encode sex and class with the step forms; the preview shows it', async () => {
    await palette('View: Close All Editors');
    await palette('ML Workflow: Open Data Panel');
    await pickProject();
    await page.locator('.tabs-container .tab', { hasText: 'Data: Titanic survival' }).waitFor({ timeout: 30000 });
    await form().locator('ol.steps li.step', { hasText: 'age' }).first().waitFor({ timeout: 30000 });
    await form().locator('#preview-after tbody tr').first().waitFor({ timeout: 60000 });
    const addStep = async (kind, columns, extra) => {
      const details = form().locator('details.add-step');
      if (!(await details.evaluate((d) => d.open))) { await details.locator('summary').click(); }
      await choose('add-kind', kind);
      for (const column of columns) {
        await byId('add-columns').scrollIntoViewIfNeeded();
        await byId('add-columns').click();
        // The list opens below the form, which Playwright's hit test counts as outside the webview's
        // viewport; the option's own click handler is what a user's click reaches.
        await byId('add-columns').locator('li[role="option"]', { hasText: new RegExp(`^\\s*${column}\\s*$`) }).first().dispatchEvent('click');
        await page.keyboard.press('Escape');
      }
      const picked = await byId('add-columns-picked').textContent();
      if (picked !== columns.join(', ')) { throw new Error(`picked "${picked}"`); }
      if (extra) { await extra(); }
      await byId('add-apply').click();
    };
    await addStep('Drop columns', ['name']);
    // The preview's answer rebuilds the Add form for the new columns: wait for it before the next step.
    await form().locator('ol.steps li.step', { hasText: 'Drop name' }).locator('.step-count', { hasText: '× 4' }).waitFor({ timeout: 30000 });
    await form().locator('details.add-step #add-kind').waitFor();
    await addStep('Encode categories', ['sex', 'passengerClass'], () => choose('add-method', 'onehot'));
    await form().locator('#preview-after th', { hasText: 'passengerClass_1st' }).waitFor({ timeout: 30000 });
    await byId('save').click();
    const steps = await waitForPipeline(projectFile, 3);
    const kinds = steps.map((s) => s.kind).join(',');
    if (kinds !== 'impute,drop,encode' || steps[2].method !== 'onehot') { throw new Error(kinds); }
    await form().locator('.status, [role="status"]', { hasText: 'Saved 3 steps' }).first().waitFor({ timeout: 20000 });
    // The saved state re-renders the page: scroll once it has settled.
    await page.waitForTimeout(500);
    await form().locator('#pipeline-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await quietToasts();
    await shot('13-titanic-pipeline-preview.png');
  });

  await check('titanic: DATA.md lists the three steps with what they learned and the counts', async () => {
    const lineage = await waitForText(path.join(workspace, PROJECT, 'DATA.md'), /### 3\. Encode/);
    for (const expected of ['### 1. Impute `age`', '### 2. Drop `name`', '### 3. Encode `sex`, `passengerClass` (onehot)', 'learned on training rows', 'rows: 1309 -> 1309']) {
      if (!lineage.includes(expected)) { throw new Error(`DATA.md lacks "${expected}"`); }
    }
  });

  await check('titanic: Export Pipeline as Code writes a Python script whose output equals the engine\'s', async () => {
    const script = path.join(workspace, PROJECT, 'pipeline.py');
    await palette('ML Workflow: Export Pipeline as Code');
    await pickProject();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Python (pandas)' }).first().click();
    // code-server's save dialog is a quick input holding a path.
    const input = page.locator('.quick-input-widget .quick-input-box input').first();
    await input.waitFor();
    await input.fill(script);
    await page.keyboard.press('Enter');
    await waitForText(script, /import pandas as pd/);
    const csv = path.join(workspace, 'data', 'titanic.csv');
    const fromPython = path.join(workspace, PROJECT, 'python-out.csv');
    const fromEngine = path.join(workspace, PROJECT, 'engine-out.csv');
    run('/usr/bin/python3', [script, csv, fromPython]);
    run(process.execPath, [path.join(root, 'dist', 'mlw.js'), 'pipeline', 'run', projectFile, '--out', fromEngine]);
    compareCsv(readFileSync(fromEngine, 'utf8'), readFileSync(fromPython, 'utf8'));
  });
}

function run(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) { throw new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} failed: ${r.stderr.split('\n').slice(-3).join(' ')}`); }
}

/** The same header and, cell by cell, the same text or numbers equal to 1e-9. */
function compareCsv(a, b) {
  const rows = (text) => text.trim().split(/\r?\n/).map((line) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
  const [x, y] = [rows(a), rows(b)];
  if (x[0].join(',') !== y[0].join(',')) { throw new Error(`headers differ: ${x[0]} vs ${y[0]}`); }
  if (x.length !== y.length) { throw new Error(`${x.length} vs ${y.length} rows`); }
  for (let r = 1; r < x.length; r++) {
    for (let c = 0; c < x[r].length; c++) {
      const [p, q] = [x[r][c], y[r][c]];
      if (p === q) { continue; }
      const [m, n] = [Number(p), Number(q)];
      if (p !== '' && q !== '' && Math.abs(m - n) <= 1e-9 * Math.max(1, Math.abs(m))) { continue; }
      throw new Error(`row ${r}, ${x[0][c]}: engine "${p}" vs python "${q}"`);
    }
  }
}

async function waitForPipeline(file, length, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const steps = JSON.parse(readFileSync(file, 'utf8')).data?.pipeline ?? [];
    if (steps.length === length) { return steps; }
    if (Date.now() > deadline) { throw new Error(`pipeline has ${steps.length} steps, not ${length}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitForText(file, pattern, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) { return text; }
    if (Date.now() > deadline) { throw new Error(`${path.basename(file)} never matched ${pattern}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
}
