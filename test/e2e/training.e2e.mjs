// Step 4 as a user meets it in the real VS Code: the Training panel on the bundled penguins sample
// ("Penguin species", opened earlier in the scenario). Start a run and watch it (time against the
// budget, the loss curve, the candidates as they complete, the notification), stop it midway and
// find the completed candidates on the leaderboard marked stopped, then run a short search to the
// end and open a row's detail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT = 'Penguin species';

/** The status recorded in each run.json of a runs folder. */
function recordedRuns(runsDir) {
  if (!existsSync(runsDir)) { return []; }
  return readdirSync(runsDir).map((id) => path.join(runsDir, id, 'run.json')).filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')));
}

/** Runs the training checks on an open workbench; the arguments are workbench.e2e.mjs's helpers. */
export async function trainingChecks({ page, check, shot, form, palette, workspace }) {
  const runsDir = path.join(workspace, 'penguins-sample', 'runs');
  const field = (id) => form().locator(`[id="${id}"]`).locator('input').first();
  // Finished runs leave a notification with an Open Leaderboard button: clear it off the screenshots.
  const quietToasts = async () => {
    await palette('Notifications: Clear All Notifications');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
  };
  const scrollTo = (selector) => form().locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));

  await check('training: the panel opens from the palette with the candidate families, their complexity and interpretability', async () => {
    await palette('View: Close All Editors');
    await palette('ML Workflow: Open Training');
    // With several projects in the workspace the command asks which one.
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: PROJECT }).first();
    const tab = page.locator('.tabs-container .tab', { hasText: `Training: ${PROJECT}` });
    await Promise.race([pick.waitFor({ timeout: 30000 }), tab.waitFor({ timeout: 30000 })]);
    if (await pick.isVisible()) { await pick.click(); }
    await tab.waitFor({ timeout: 30000 });
    await form().locator('#family-gbt').waitFor({ timeout: 60000 });
    const families = await form().locator('.families .family').count();
    if (families < 6) { throw new Error(`${families} families offered`); }
    await form().locator('.family', { hasText: 'Gradient-boosted trees' }).filter({ hasText: 'complexity high' }).filter({ hasText: 'interpretability low' }).waitFor();
    if (await form().locator('#family-mlp[checked]').count() !== 0) { throw new Error('the slow neural network is ticked by default'); }
    if (await form().locator('#family-linear[checked]').count() !== 1) { throw new Error('linear is not ticked by default'); }
    await form().locator('#leaderboard-empty, #leaderboard-table').first().waitFor();
  });

  await check('training: a run shows live progress — time against the budget, the loss curve, candidates completing, a notification', async () => {
    // A budget far longer than the test waits, so the run is stopped midway.
    await field('budget-seconds').fill('300');
    await form().locator('#start').click();
    await form().locator('#run-status', { hasText: 'running' }).waitFor({ timeout: 30000 });
    await page.locator('.notifications-toasts .notification-toast', { hasText: `Training models for ${PROJECT}` }).first().waitFor({ timeout: 20000 });
    await form().locator('#trial-table tbody tr').nth(1).waitFor({ timeout: 120000 });
    await form().locator('#loss-chart svg').first().waitFor({ timeout: 60000 });
    // Logistic regression and boosting report a loss as they fit: catch its points on screen if the run gets there in time.
    await form().locator('#loss-chart svg .mark-symbol.role-mark path').first().waitFor({ state: 'attached', timeout: 20000 }).catch(() => {});
    const line = await form().locator('#run-line').innerText();
    if (!/trial \d+/.test(line) && !/Refitting|Saving/.test(line)) { throw new Error(`progress line: ${line}`); }
    await scrollTo('#progress');
    await shot('14-training-progress.png');
  });

  await check('training: Stop keeps the completed candidates, marked stopped, on the leaderboard', async () => {
    const before = recordedRuns(runsDir).length;
    await form().locator('#stop').click();
    await form().locator('#run-status', { hasText: 'stopped' }).waitFor({ timeout: 60000 });
    await form().locator('#board-status', { hasText: 'stopped' }).waitFor({ timeout: 20000 });
    const rows = await form().locator('#leaderboard-table tbody tr').count();
    if (rows < 2) { throw new Error(`${rows} candidates kept`); }
    const runs = recordedRuns(runsDir);
    if (runs.length !== before + 1 || !runs.some((r) => r.status === 'cancelled' && r.leaderboard.length === rows)) {
      throw new Error(`run.json files: ${JSON.stringify(runs.map((r) => [r.status, r.leaderboard.length]))}`);
    }
    await quietToasts();
    await scrollTo('#leaderboard');
    await shot('15-leaderboard.png');
  });

  await check('training: a short run completes; the leaderboard sorts, and a selected row shows its detail', async () => {
    await scrollTo('#setup');
    await field('budget-trials').fill('6');
    await form().locator('#start').click();
    await form().locator('#run-status', { hasText: 'running' }).waitFor({ timeout: 30000 });
    await form().locator('#run-status', { hasText: /complete|budget reached/ }).waitFor({ timeout: 180000 });
    await form().locator('#board-status', { hasText: /complete|budget reached/ }).waitFor({ timeout: 20000 });
    const rows = form().locator('#leaderboard-table tbody tr');
    if (await rows.count() < 2) { throw new Error(`${await rows.count()} rows`); }
    // Sorting by a header (a button: keyboard reachable), then back to the ranking.
    const header = form().locator('#leaderboard-table button.sort[data-sort="metric:f1_macro"]');
    await header.click();
    await form().locator('#leaderboard-table th[aria-sort] button[data-sort="metric:f1_macro"]').waitFor();
    await form().locator('#leaderboard-table button.sort[data-sort="rank"]').click();
    await form().locator('#leaderboard-table th[aria-sort="ascending"] button[data-sort="rank"]').waitFor();
    // Select the best row with the keyboard.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await form().locator('#leaderboard-detail').waitFor({ timeout: 10000 });
    await form().locator('#fold-table tbody tr').first().waitFor({ timeout: 20000 });
    const folds = await form().locator('#fold-table tbody tr').count();
    if (folds !== 5) { throw new Error(`${folds} folds in the detail`); }
    await form().locator('#leaderboard-detail .badge', { hasText: /met/ }).first().waitFor();
    await quietToasts();
    await scrollTo('#leaderboard');
    await shot('16-leaderboard-detail.png');
  });
}
