// `npm test`: builds, then runs the unit tests (plain Node), the integration suite inside a real
// VS Code (from source, then from the packaged .vsix), and the UI test in headless Chromium.
// Ends with one line: "N passed, N failed".
//   --only unit|integration|e2e   run one layer
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './browser.mjs';
import { runIntegration } from './runIntegration.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RESULTS = path.join(ROOT, 'test-results');
const CACHE = process.env.MLW_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'ml-workflow');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const wants = (layer) => only === undefined || only === layer;
const totals = [];
const t0 = Date.now();

function step(text) { console.log(`\n== [${Math.round((Date.now() - t0) / 1000)}s] ${text}`); }

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) { throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`); }
}

/** Runs node's test runner, printing its spec output and reading its counts from a TAP copy. */
async function unitTests() {
  const tap = path.join(RESULTS, 'unit.tap');
  const files = spawnSync('find', ['out/test/unit', '-name', '*.test.js'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', resolve);
  });
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') + (text === '' ? 1 : 0) };
}

/** What the VS Code layers need from the system; a newcomer gets one line saying what to install. */
function checkSystem() {
  const missing = [];
  if (!existsSync(CHROMIUM)) { missing.push('chromium'); }
  if (spawnSync('sh', ['-c', 'command -v rg'], { stdio: 'ignore' }).status !== 0) { missing.push('ripgrep'); }
  const needInstall = !existsSync(path.join(CACHE, 'code-server', '.installed-4.100.3'));
  if (needInstall && !existsSync('/usr/include/gssapi/gssapi.h')) { missing.push('libkrb5-dev'); }
  if (missing.length > 0) {
    console.error(`npm test needs Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}

function ensureCodeServer() {
  const result = spawnSync('bash', [path.join(ROOT, 'test', 'harness', 'installCodeServer.sh'), path.join(CACHE, 'code-server')],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) { throw new Error('installing code-server failed (see above)'); }
  return result.stdout.trim().split('\n').pop();
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  step('build (esbuild bundles, tsc for tests)');
  run('npm', ['run', '--silent', 'build']);
  rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
  run('npx', ['tsc', '-p', '.']);
  run('npx', ['tsc', '-p', 'webview', '--noEmit']);

  if (wants('unit')) {
    // The exported Python pipeline is checked by running it with Debian's pandas.
    if (spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status !== 0) {
      console.error('npm test needs Debian packages: python3-pandas. Install them with: sudo apt-get install -y python3-pandas');
      process.exit(1);
    }
    step('unit tests (node --test)');
    totals.push(['unit', await unitTests()]);
  }
  if (wants('integration') || wants('e2e')) {
    checkSystem();
    step('code-server (VS Code 1.100.3) in the cache');
    const entry = ensureCodeServer();
    if (wants('integration')) {
      step('integration suite in VS Code, extension from source');
      totals.push(['integration (source)', await runIntegration({ entry, mode: 'dev', resultsDir: RESULTS })]);
      step('package the .vsix');
      run('npm', ['run', '--silent', 'package']);
      step('integration suite in VS Code, extension installed from the .vsix');
      totals.push(['integration (.vsix)', await runIntegration({ entry, mode: 'vsix', resultsDir: RESULTS, vsix: path.join(ROOT, 'dist', 'ml-workflow.vsix') })]);
    }
    if (wants('e2e')) {
      step('UI test in headless Chromium (screenshots in test-results/screenshots)');
      const { runE2e } = await import('../e2e/workbench.e2e.mjs');
      totals.push(['e2e', await runE2e({ entry, resultsDir: RESULTS, root: ROOT })]);
    }
  }
  step('summary');
  let passed = 0;
  let failed = 0;
  for (const [name, r] of totals) {
    console.log(`  ${name.padEnd(22)} ${r.passed} passed, ${r.failed} failed`);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || totals.length === 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`\nnpm test stopped: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
