// The integration suite for @vscode/test-cli (`npx vscode-test`) on a desktop machine that can
// download VS Code. CI here runs the same suite in code-server instead (test/harness/runAll.mjs).
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The tests create projects in the workspace: give them a fresh copy of the fixture workspace.
const workspace = mkdtempSync(path.join(os.tmpdir(), 'mlw-vscode-test-'));
cpSync('test/fixtures/workspace', workspace, { recursive: true });

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: workspace,
  mocha: { ui: 'tdd', timeout: 30000 },
});
