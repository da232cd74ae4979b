// The test command (`npm test`): build, run vitest, then print the closing line CI reads,
// `N passed, N failed`, taken from vitest's JSON report.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

const build = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
rmSync(report, { force: true });
const args = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const vitest = run(process.execPath, args);
let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  // A test file that fails to load has no failed tests but a failed suite.
  if (failed === 0 && r.numFailedTestSuites > 0) failed = r.numFailedTestSuites;
  if (r.numTotalTests === 0) failed = Math.max(failed, 1);
} catch {
  failed = Math.max(1, failed);
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0);
