// The entry VS Code loads through extensionTestsPath: runs every *.test.js beside it with Mocha,
// inside the extension host, and records the counts for the harness.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      const total = mocha.suite.total();
      console.log(`integration: ${total - failures} passed, ${failures} failed`);
      const out = process.env.MLW_TEST_RESULT;
      if (out) { fs.writeFileSync(out, JSON.stringify({ passed: total - failures, failed: failures })); }
      if (failures > 0) { reject(new Error(`${failures} integration tests failed`)); } else { resolve(); }
    });
  });
}
