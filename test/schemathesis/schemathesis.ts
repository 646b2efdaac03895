/**
 * An outside check of the HTTP contract: schemathesis (PyPI, pinned in requirements.txt,
 * installed by scripts/test-prerequisites.sh into the git-ignored .venv) reads
 * `/api/openapi.json` from a running server and sends what the document allows, and what it
 * does not, checking every answer against the document with all of its checks. A fixed
 * seed and a bounded number of cases per operation keep a run short and repeatable.
 * Without the virtualenv the check skips with the reason (and fails under CI=true).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCi } from '../support/neo4j-target.js';

const ST = path.resolve(import.meta.dirname, '.venv/bin/st');
const CONFIG = path.resolve(import.meta.dirname, 'schemathesis.toml');
export const SCHEMATHESIS_SEED = 20161013;
/** Per operation and phase; with the phases below a run takes about a minute on a quiet machine. */
export const CASES_PER_OPERATION = 10;
/** Every phase but the stateful one (the API is read-only: there are no links to follow). */
const PHASES = 'examples,coverage,fuzzing';

export interface SchemathesisRun {
  code: number;
  output: string;
}

/** Runs schemathesis against the server at `base`; resolves with its exit code and output. */
export function runSchemathesis(base: string): Promise<SchemathesisRun> {
  const args = [
    '--config-file',
    CONFIG,
    'run',
    `${base}/api/openapi.json`,
    '--checks',
    'all',
    '--seed',
    String(SCHEMATHESIS_SEED),
    '--max-examples',
    String(CASES_PER_OPERATION),
    '--phases',
    PHASES,
    // Deterministic generation keeps no example database: a run depends on the seed alone,
    // never on earlier runs.
    '--generation-deterministic',
    '--no-color',
  ];
  return new Promise((resolve) => {
    execFile(ST, args, { timeout: 240_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

/** `describe` when schemathesis is installed; otherwise a skip with the reason (a failure under CI=true). */
export function describeSchemathesis(name: string, fn: () => void): void {
  if (existsSync(ST)) return void describe(name, fn);
  const reason = `schemathesis is not installed at ${path.relative(process.cwd(), ST)} (scripts/test-prerequisites.sh installs it where python3 has venv)`;
  if (isCi()) {
    describe(name, () => {
      it('has schemathesis to run', () => {
        throw new Error(reason);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${reason})`, fn);
  }
}

/** The one assertion: schemathesis exits 0; on failure its report is the message. */
export function expectNoFailures(run: SchemathesisRun): void {
  expect(run.code, run.output.slice(-6000)).toBe(0);
}
