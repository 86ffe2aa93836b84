// Starts a real VS Code (code-server = VS Code 1.100.3 server + web workbench) on loopback with
// throw-away state, and stops it with its whole process group.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function xdgEnv(runDir) {
  return {
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
  };
}

function prepare(runDir) {
  for (const d of ['user-data/User', 'extensions', 'xdg/config', 'xdg/data', 'xdg/cache']) { mkdirSync(path.join(runDir, d), { recursive: true }); }
  writeFileSync(path.join(runDir, 'config.yaml'), '');
  writeFileSync(path.join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.colorTheme': 'Default Dark Modern',
    'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false,
    // The test workspaces sit inside this repository; VS Code would offer to open it.
    'git.openRepositoryInParentFolders': 'never',
  }, null, 2));
}

function commonArgs(runDir) {
  return ['--config', path.join(runDir, 'config.yaml'), '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', path.join(runDir, 'extensions')];
}

/** Installs a packaged .vsix into the run's extensions folder, as a user would. */
export async function installVsix(entry, runDir, vsix) {
  prepare(runDir);
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...commonArgs(runDir), '--install-extension', vsix],
      { env: { ...process.env, ...xdgEnv(runDir) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`installing ${vsix} failed (exit ${code}):\n${output}`))));
  });
}

/** Starts code-server; resolves once /healthz answers. `env` reaches the extension host. */
export async function startCodeServer({ entry, runDir, folder, env = {} }) {
  prepare(runDir);
  const port = await freePort();
  const log = openSync(path.join(runDir, 'code-server.log'), 'a');
  const child = spawn(process.execPath, [entry, ...commonArgs(runDir), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--disable-proxy', folder], {
    // Own process group, so stopping it also ends the extension host and the engine it forked.
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...xdgEnv(runDir), ...env },
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) { throw new Error(`code-server exited with ${child.exitCode}; see ${path.join(runDir, 'code-server.log')}`); }
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) { break; }
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { stopGroup(child); throw new Error(`code-server did not answer on ${base} within 60 s`); }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { base, port, stop: () => stopGroup(child) };
}

async function stopGroup(child) {
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  for (let i = 0; i < 50; i++) {
    try { process.kill(-child.pid, 0); } catch { return; }
    await new Promise((r) => setTimeout(r, 100));
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
}
