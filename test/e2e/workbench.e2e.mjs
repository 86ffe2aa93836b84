// The UI test: the real VS Code workbench (code-server) in headless Chromium, driven like a user:
// activity bar, welcome view, command palette, quick inputs, the Problem Definition webview, the
// tree, the Problems panel. Screenshots land in test-results/screenshots for people to look at.
import { cpSync, mkdirSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, workbenchUrl } from '../harness/browser.mjs';
import { startCodeServer } from '../harness/codeServer.mjs';
import { titanicChecks } from './titanicFlow.e2e.mjs';
import { trainingChecks } from './training.e2e.mjs';

const PROBLEM_FILE = 'iris-species/mlworkflow.json';

/** Runs the UI scenario; returns { passed, failed } over its checks. */
export async function runE2e({ entry, resultsDir, root }) {
  const runDir = path.join(resultsDir, 'runs', 'e2e');
  const shots = path.join(resultsDir, 'screenshots');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const workspace = path.join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'datasets', 'titanic.csv'), path.join(workspace, 'data', 'titanic.csv'));

  const server = await startCodeServer({ entry, runDir, folder: workspace });
  const browser = await openBrowser();
  const { page } = browser;
  const t0 = Date.now();
  let passed = 0;
  let failed = 0;
  const check = async (name, fn) => {
    try {
      await fn();
      passed++;
      console.log(`  ok   ${name}  (+${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      return true;
    } catch (err) {
      failed++;
      console.log(`  FAIL ${name}: ${err.message.split('\n')[0]}`);
      await page.screenshot({ path: path.join(shots, `failure-${passed + failed}.png`) }).catch(() => {});
      return false;
    }
  };
  const shot = (name) => page.screenshot({ path: path.join(shots, name) });
  // Hidden panels keep their iframes; the visible one is the active editor's.
  const form = () => page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
  const byId = (id) => form().locator(`[id="${id}"]`);
  const palette = async (command) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input').first();
    await input.waitFor();
    await input.fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const choose = async (id, option) => {
    await byId(id).click();
    await byId(id).locator('li[role="option"]', { hasText: option }).first().click();
  };
  const fill = async (id, text) => {
    const inner = byId(id).locator('textarea, input').first();
    await inner.fill(text);
  };
  const activityIcon = page.locator('.activitybar .action-item a[aria-label^="ML Workflow"]');

  try {
    await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: root }));
    await check('the workbench loads with the ML Workflow activity bar entry', async () => {
      await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
      await activityIcon.waitFor({ timeout: 60000 });
    });

    await check('the empty workspace shows the welcome view with both buttons', async () => {
      await activityIcon.click();
      await page.locator('.welcome-view-content a.monaco-button', { hasText: 'Create ML Workflow Project' }).waitFor({ timeout: 30000 });
      await page.locator('.welcome-view-content a.monaco-button', { hasText: 'Open Sample Project' }).waitFor();
      await shot('01-welcome-view.png');
    });

    await check('Create Project from the palette: name, folder and data file', async () => {
      await palette('ML Workflow: Create Project');
      const input = page.locator('.quick-input-widget .quick-input-box input').first();
      await input.waitFor();
      await input.fill('Iris species');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'iris-species' }).first().click();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'iris.csv' }).first().click();
      await waitForFile(path.join(workspace, PROBLEM_FILE));
      const project = JSON.parse(readFileSync(path.join(workspace, PROBLEM_FILE), 'utf8'));
      if (project.data.sources[0].path !== '../data/iris.csv') { throw new Error(`unexpected source ${JSON.stringify(project.data.sources)}`); }
    });

    await check('the Problem Definition form opens with the CSV header as target choices', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'Problem Definition: Iris species' }).waitFor({ timeout: 30000 });
      await byId('businessObjective').waitFor({ timeout: 30000 });
      await byId('target').click();
      await byId('target').locator('li[role="option"]', { hasText: 'petal width (cm)' }).first().waitFor();
      await page.keyboard.press('Escape');
    });

    await check('filling and saving the form writes the problem section', async () => {
      await fill('businessObjective', 'Sort iris flowers automatically at the nursery, so staff stop labelling by hand.');
      await fill('problemStatement', 'Predict the species of an iris from its sepal and petal measurements.');
      await choose('task', 'Multiclass classification');
      await choose('target', 'species');
      await form().locator('#add-criterion').click();
      await fill('successCriteria.0.threshold', '0.95');
      await fill('successCriteria.0.note', 'On held-out flowers');
      await form().locator('#add-criterion').click();
      await choose('successCriteria.1.metric', 'Macro F1');
      await fill('successCriteria.1.threshold', '0.9');
      await fill('dataRequirements', '150 labelled flowers, 50 per species, measured in centimetres.');
      await fill('constraints', 'Must run on the nursery tablet, offline.');
      await form().locator('#add-risk').click();
      await fill('risks.0.risk', 'New cultivars look like none of the three species');
      await choose('risks.0.likelihood', 'Low');
      await choose('risks.0.impact', 'High');
      await fill('risks.0.mitigation', 'Flag low-confidence predictions for a person to check.');
      await form().locator('#save').click();
      await form().locator('.status', { hasText: 'Saved at' }).waitFor({ timeout: 15000 });
      const problem = JSON.parse(readFileSync(path.join(workspace, PROBLEM_FILE), 'utf8')).problem;
      const expected = { task: 'multiclass', target: 'species', criteria: 2, risks: 1 };
      const actual = { task: problem.task, target: problem.target, criteria: problem.successCriteria?.length, risks: problem.risks?.length };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) { throw new Error(`saved ${JSON.stringify(actual)}`); }
      if (problem.successCriteria[1].metric !== 'f1_macro' || problem.successCriteria[1].threshold !== 0.9) { throw new Error(JSON.stringify(problem.successCriteria)); }
      await form().locator('header').scrollIntoViewIfNeeded();
      await shot('03-problem-form-saved.png');
      await form().locator('table.risks').scrollIntoViewIfNeeded();
      await shot('03b-problem-form-risks.png');
      await form().locator('header').scrollIntoViewIfNeeded();
    });

    await check('invalid input shows next to its field and nothing is saved', async () => {
      const before = readFileSync(path.join(workspace, PROBLEM_FILE), 'utf8');
      await fill('successCriteria.0.threshold', 'very high');
      await form().locator('#save').click();
      await form().locator('[data-error-for="successCriteria.0.threshold"]', { hasText: 'is not a number' }).waitFor({ timeout: 10000 });
      await form().locator('.status', { hasText: 'Not saved' }).waitFor();
      await shot('04-problem-form-invalid.png');
      if (readFileSync(path.join(workspace, PROBLEM_FILE), 'utf8') !== before) { throw new Error('the file changed'); }
      await form().locator('#revert').click();
      await form().locator('.status', { hasText: 'Loaded' }).waitFor();
    });

    await check('the workflow tree shows the project, its steps and statuses', async () => {
      const tree = page.locator('[id="workbench.view.extension.mlWorkflow"]');
      if (!(await tree.isVisible())) { await activityIcon.click(); }
      const step1 = page.locator('.monaco-list-row', { hasText: '1. Problem Definition' }).first();
      await step1.waitFor({ timeout: 20000 });
      await page.locator('.monaco-list-row', { hasText: 'Iris species' }).first().waitFor();
      await page.locator('.monaco-list-row', { hasText: '1. Problem Definition' }).filter({ hasText: 'Done' }).first().waitFor({ timeout: 20000 });
      await page.locator('.monaco-list-row', { hasText: '2. Data Collection & Preprocessing' }).filter({ hasText: 'In progress' }).first().waitFor();
      await page.locator('.monaco-list-row', { hasText: '6. Deployment & Monitoring' }).first().waitFor();
      // Expand step 1 to show its sub-tasks (clicking the twistie, not the label that opens the panel).
      await step1.locator('.monaco-tl-twistie').click();
      await page.locator('.monaco-list-row', { hasText: 'Risk register' }).first().waitFor();
      await page.mouse.move(900, 860);
      await shot('02-tree-and-form.png');
    });

    await check('Export Problem Definition from the palette writes PROBLEM.md', async () => {
      await palette('ML Workflow: Export Problem Definition');
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'PROBLEM.md' }).waitFor({ timeout: 20000 });
      const md = readFileSync(path.join(workspace, 'iris-species', 'PROBLEM.md'), 'utf8');
      if (!md.includes('| Macro F1 | >= 0.9 |')) { throw new Error('PROBLEM.md lacks the criteria table'); }
    });

    await check('a malformed project file shows in the Problems panel and the tree', async () => {
      mkdirSync(path.join(workspace, 'broken'), { recursive: true });
      writeFileSync(path.join(workspace, 'broken', 'mlworkflow.json'), '{\n  "version": 1,\n  "name": "Broken project",\n  "problem": { "task": "forecasting" }\n}\n');
      await page.locator('.monaco-list-row', { hasText: 'broken' }).filter({ hasText: 'needs attention' }).first().waitFor({ timeout: 20000 });
      await palette('View: Focus Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'must be one of: binary, multiclass, regression' }).first().waitFor({ timeout: 20000 });
      await shot('05-problems-panel.png');
    });

    await check('Open Sample Project from the palette copies and opens the sample', async () => {
      await palette('ML Workflow: Open Sample Project');
      await page.locator('.tabs-container .tab', { hasText: 'Problem Definition: Penguin species' }).waitFor({ timeout: 30000 });
      await byId('businessObjective').waitFor({ timeout: 30000 });
      if (!existsSync(path.join(workspace, 'penguins-sample', 'data', 'penguins.csv'))) { throw new Error('sample not copied'); }
      await page.locator('.monaco-list-row', { hasText: 'Penguin species' }).first().waitFor({ timeout: 20000 });
      await shot('06-sample-project.png');
    });

    // Inline CSV profiling and the Data Profile panel. Webview CSP violations surface as console errors.
    const cspErrors = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to (execute|evaluate|apply|load)/i.test(m.text())) { cspErrors.push(m.text()); } });
    const quickOpen = async (file) => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input').first();
      await input.waitFor();
      await input.fill(file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: file }).first().waitFor({ timeout: 20000 });
    };
    const editorLines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();

    await check('opening a CSV shows a summary after each header cell and its shape in the status bar', async () => {
      await quickOpen('broken.csv');
      // The editor renders spaces as no-break spaces: match any white space.
      await editorLines.filter({ hasText: /integer\s·\s0%\smissing\s·\s7\sdistinct/ }).waitFor({ timeout: 30000 });
      await editorLines.filter({ hasText: /float\s·\s14%\smissing\s·\s6\sdistinct/ }).waitFor();
      await page.locator('.statusbar-item', { hasText: /7\s×\s4\s·\s4\salerts/ }).first().waitFor({ timeout: 20000 });
      await page.locator('.contentWidgets .codelens-decoration, .codelens-decoration', { hasText: 'Open Data Profile' }).first().waitFor();
    });

    await check('a hover on a header cell shows the column\'s statistics and its distribution chart', async () => {
      await editorLines.click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'median' }).first();
      await hover.waitFor({ timeout: 15000 });
      const text = await hover.innerText();
      if (!/mean\s*4/.test(text) || !/integer/.test(text)) { throw new Error(`unexpected hover: ${text.slice(0, 200)}`); }
      await hover.locator('img[src^="data:image/svg+xml"]').first().waitFor();
      await page.waitForTimeout(400); // the hover fades in
      await shot('07-csv-inline-profile.png');
      await page.keyboard.press('Escape');
    });

    await check('the broken row of the CSV is in the Problems panel at its line', async () => {
      await palette('View: Focus Problems');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Row has 3 fields, the header has 4' }).first();
      await row.waitFor({ timeout: 20000 });
      if (!/\[Ln 4,/.test(await row.innerText())) { throw new Error(`not at line 4: ${await row.innerText()}`); }
      await shot('07b-csv-problems.png');
      await palette('View: Hide Panel');
    });

    await check('the CodeLens opens the Data Profile panel beside the editor with cards, charts and correlations', async () => {
      await quickOpen('iris.csv');
      await editorLines.filter({ hasText: /float\s·\s0%\smissing\s·\s35\sdistinct/ }).waitFor({ timeout: 30000 });
      await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Open Data Profile' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'Data Profile: iris.csv' }).waitFor({ timeout: 20000 });
      await form().locator('.status-line', { hasText: 'Exact' }).waitFor({ timeout: 30000 });
      const cards = await form().locator('section.card').count();
      if (cards !== 5) { throw new Error(`${cards} column cards`); }
      await form().locator('section.card .chart svg .mark-rect path, section.card .chart svg path').first().waitFor({ timeout: 20000 });
      await form().locator('.tile', { hasText: 'Rows' }).filter({ hasText: '150' }).waitFor();
      if (await form().locator('section.card[tabindex="0"]').count() !== 5) { throw new Error('cards are not keyboard reachable'); }
      await shot('08-data-profile-panel.png');
      await form().locator('#correlations-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await form().locator('.heatmap svg').first().waitFor({ timeout: 20000 });
      await form().locator('.heatmap svg').first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot('08b-data-profile-correlations.png');
      if (cspErrors.length > 0) { throw new Error(`CSP violations: ${cspErrors.slice(0, 3).join(' | ')}`); }
    });

    await check('the explorer offers Profile Data File on a CSV', async () => {
      // One webview at a time: form() looks into the visible one.
      await palette('View: Close All Editors');
      await palette('View: Show Explorer');
      const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken.csv' }).first();
      if (!(await item.isVisible())) { await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^data$/ }).first().click(); }
      await item.click({ button: 'right' });
      const entry = page.locator('.context-view .action-item', { hasText: 'Profile Data File' }).first();
      await entry.waitFor({ timeout: 10000 });
      // The menu lives in a shadow root where a synthetic click does not always land: choose it by keyboard.
      await entry.hover();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'Data Profile: broken.csv' }).waitFor({ timeout: 20000 });
      await form().locator('.problems li', { hasText: 'line 4' }).waitFor({ timeout: 30000 });
    });

    await check('the EDA panel opens from the palette on the sample: questions, charts, and one click adds a step', async () => {
      await palette('View: Close All Editors');
      await palette('ML Workflow: Open Exploratory Data Analysis');
      // Several projects in the workspace: the command asks which.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Penguin species' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'Exploratory Data Analysis: Penguin species' }).waitFor({ timeout: 30000 });
      await form().locator('#question-missing').waitFor({ timeout: 60000 });
      await form().locator('#question-outliers').waitFor();
      await form().locator('#question-normalisation').waitFor();
      await form().locator('.chart svg, .chart canvas').first().waitFor({ timeout: 30000 });
      const charts = await form().locator('section.chart-card').count();
      if (charts < 5) { throw new Error(`${charts} charts`); }
      const file = path.join(workspace, 'penguins-sample', 'mlworkflow.json');
      const before = JSON.parse(readFileSync(file, 'utf8')).data.pipeline.length;
      const button = form().locator('#question-missing vscode-button.add-step', { hasText: 'Add to pipeline' }).first();
      await button.click();
      await form().locator('#question-missing vscode-button.add-step', { hasText: 'Added' }).first().waitFor({ timeout: 20000 });
      const pipeline = JSON.parse(readFileSync(file, 'utf8')).data.pipeline;
      if (pipeline.length !== before + 1 || pipeline[before].kind !== 'impute') { throw new Error(`pipeline ${JSON.stringify(pipeline)}`); }
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Exploring' }).waitFor({ state: 'detached', timeout: 20000 }).catch(() => {});
      await page.waitForTimeout(500);
      await shot('09-eda-panel.png');
      await form().locator('#charts-distribution').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await form().locator('#charts-distribution .chart svg').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(300);
      await shot('09b-eda-charts.png');
      if (cspErrors.length > 0) { throw new Error(`CSP violations: ${cspErrors.slice(0, 3).join(' | ')}`); }
    });

    await check('the Data panel opens from the palette on the sample: sources, quality, pipeline and its live preview', async () => {
      await palette('View: Close All Editors');
      await palette('ML Workflow: Open Data Panel');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Penguin species' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'Data: Penguin species' }).waitFor({ timeout: 30000 });
      await form().locator('table.sources').waitFor({ timeout: 30000 });
      await form().locator('#preview-after tbody tr').first().waitFor({ timeout: 60000 });
      await form().locator('ol.steps li.step').first().waitFor();
      await form().locator('ul.findings li, #quality p').first().waitFor({ timeout: 30000 });
      await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(500);
      await shot('10-data-panel.png');
      if (cspErrors.length > 0) { throw new Error(`CSP violations: ${cspErrors.slice(0, 3).join(' | ')}`); }
    });

    await titanicChecks({ page, check, shot, form, byId, palette, choose, workspace, root });
    await trainingChecks({ page, check, shot, form, palette, workspace });
    if (cspErrors.length > 0) { await check('no CSP violations in the titanic flow and training', () => { throw new Error(cspErrors.slice(0, 3).join(' | ')); }); }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`  e2e: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

async function waitForFile(file, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) { throw new Error(`${file} did not appear`); }
    await new Promise((r) => setTimeout(r, 100));
  }
}
