// Runs the Mocha suite in test/integration inside the real VS Code extension host: the workbench
// loads the extension (from source, or installed from the .vsix) and the suite through
// extensionTestsPath, and calls window.codeAutomationExit(code) when it ends.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, workbenchUrl } from './browser.mjs';
import { installVsix, startCodeServer } from './codeServer.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NOISE = /Creating a socket|connection token|service worker|ChatSessionStore|Overwriting extension|open-vsx|Failed to load resource|builtin extensions cache|web worker extension host|Ignoring the error while validating workspace folder|^\s*at |^\s*$/i;

/** Turns a forwarded console call (`%c`-style format strings and their arguments) back into text. */
function formatConsole(values) {
  const rest = [...values];
  const out = [];
  while (rest.length > 0) {
    const f = rest.shift();
    if (typeof f !== 'string') { out.push(JSON.stringify(f)); continue; }
    out.push(f.replace(/%([csdifoOj%])/g, (_, k) => {
      if (k === '%') { return '%'; }
      const v = rest.shift();
      if (k === 'c') { return ''; }
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }));
  }
  return out.join(' ');
}

/**
 * mode 'dev': the extension from this folder (extensionDevelopmentPath).
 * mode 'vsix': the packaged .vsix installed into a clean extensions folder, as a user would.
 * Returns { passed, failed }.
 */
export async function runIntegration({ entry, mode, resultsDir, vsix }) {
  const runDir = path.join(resultsDir, 'runs', `integration-${mode}`);
  rmSync(runDir, { recursive: true, force: true });
  const workspace = path.join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  if (mode === 'vsix') { await installVsix(entry, runDir, vsix); }
  const resultFile = path.join(runDir, 'result.json');
  const server = await startCodeServer({ entry, runDir, folder: workspace, env: { MLW_TEST_RESULT: resultFile, MLW_TEST_MODE: mode } });
  const browser = await openBrowser();
  let code = 'timeout';
  try {
    let chain = Promise.resolve();
    browser.page.on('console', (m) => {
      chain = chain.then(async () => {
        let values;
        try { values = await Promise.all(m.args().map((a) => a.jsonValue())); } catch { values = [m.text()]; }
        const text = formatConsole(values).split('\n').filter((l) => !NOISE.test(l)).join('\n');
        if (text.trim() !== '' && (process.env.MLW_VERBOSE || !NOISE.test(text))) { console.log(`  ${text}`); }
      });
    });
    const finished = new Promise((resolve) => { void browser.page.exposeFunction('codeAutomationExit', (c) => resolve(c)); });
    await browser.page.goto(workbenchUrl(server.base, workspace, {
      // VS Code runs tests only in extension-development mode: the .vsix run develops an empty host extension.
      extensionDevelopmentPath: mode === 'dev' ? ROOT : path.join(ROOT, 'test', 'integration', 'host'),
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index'),
    }));
    const timeoutMs = Number(process.env.MLW_INTEGRATION_TIMEOUT ?? 180000);
    let timer;
    code = await Promise.race([finished, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); })]);
    clearTimeout(timer);
    await new Promise((r) => setTimeout(r, 300));
    await chain;
    if (code !== 0) { await browser.page.screenshot({ path: path.join(resultsDir, `integration-${mode}-end.png`) }).catch(() => {}); }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (!existsSync(resultFile)) {
    console.log(`  integration (${mode}): the suite reported no result (exit ${code}); see ${runDir}/code-server.log`);
    return { passed: 0, failed: 1 };
  }
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}
