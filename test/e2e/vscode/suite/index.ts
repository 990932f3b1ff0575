/**
 * @fileoverview The integration tests' entry (extensionTestsPath): the extension host require()s
 * the built file and awaits `run()`; resolving means success. Same contract as with
 * `@vscode/test-electron` (npm run test:electron) and the code-server runner (test/e2e/run.sh).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.KUBEPLAN_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
