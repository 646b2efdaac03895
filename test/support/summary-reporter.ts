/**
 * Prints the run's counts per test project (unit, neo4j, e2e), so the log shows how many
 * tests really ran against Neo4j and in the browser, then one plain closing line,
 * `Tests: N passed, N failed, N skipped`, that any CI log reader can count.
 */
import type { Reporter, TestModule } from 'vitest/node';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const total: Counts = { passed: 0, failed: 0, skipped: 0 };
    const perProject = new Map<string, Counts>();
    for (const mod of testModules) {
      const name = mod.project.name || 'default';
      const counts = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      perProject.set(name, counts);
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        counts[key]++;
        total[key]++;
      }
    }
    process.stdout.write('\n');
    for (const [name, c] of [...perProject].sort(([a], [b]) => a.localeCompare(b))) {
      process.stdout.write(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
    }
    process.stdout.write(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  }
}
