/**
 * Broken seed directories on disk (support/broken-seeds.ts), read and validated the way the
 * loader CLI does (`validateSeedDir`): each is refused with its precise error (a hang fails on
 * the test timeout; speed is bench/'s), and without keeping memory (heap after a GC compared
 * with before). The
 * loader CLI half, against Neo4j, is broken-seeds.neo4j.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../graph-seed/errors.js';
import { validateSeedDir } from '../../graph-seed/load-seed.js';
import { BROKEN_SEEDS, VALID_FIXTURE, writeCorpus, type BrokenSeed } from './support/broken-seeds.js';

// A GC on demand, without restarting the worker with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap kept after a case and a GC; the biggest inputs are tens of MB, so a leak would show. */
const RETAINED_BOUND_BYTES = 32 * 1024 * 1024;

describe('broken seed directories', () => {
  let root: string;
  let corpus: Array<BrokenSeed & { dir: string }>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'finreg-broken-seeds-'));
    corpus = writeCorpus(root);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the corpus has at least 15 cases, and the valid fixture they start from passes', async () => {
    expect(BROKEN_SEEDS.length).toBeGreaterThanOrEqual(15);
    const ok = await validateSeedDir({ dataDir: VALID_FIXTURE });
    expect(ok.issues).toEqual([]);
    expect(ok.graph).toBeDefined();
  });

  it.each(BROKEN_SEEDS.map((c, i) => [c.name, i] as const))('%s: refused with its error, in bounded memory', { timeout: 60_000 }, async (_name, i) => {
    const c = corpus[i]!;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await validateSeedDir({ dataDir: c.dir });
    const report = formatIssues(result.issues, undefined, result.totalIssues);
    expect(result.graph).toBeUndefined();
    expect(report).toMatch(c.error);
    gc();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(RETAINED_BOUND_BYTES);
    // The pollution attempt must not have reached Object.prototype.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
