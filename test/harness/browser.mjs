// Headless Debian Chromium driven by playwright-core, with the flags this closed network needs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.MLW_CHROMIUM ?? '/usr/bin/chromium';

/** Opens a fresh browser profile; `close()` removes it. */
export async function openBrowser() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mlw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** The workbench URL for a folder, with extension development and test paths passed in the payload (code-server rejects them as flags). */
export function workbenchUrl(base, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const host = new URL(base).host;
  const payload = [];
  if (extensionDevelopmentPath) { payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${extensionDevelopmentPath}`]); }
  if (extensionTestsPath) { payload.push(['extensionTestsPath', `vscode-remote://${host}${extensionTestsPath}`]); }
  const query = new URLSearchParams({ folder });
  if (payload.length > 0) { query.set('payload', JSON.stringify(payload)); }
  return `${base}/?${query}`;
}
