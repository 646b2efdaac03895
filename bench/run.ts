/**
 * The benchmark suite. Prints Markdown tables as it goes and writes the whole report to
 * bench/out/report-<mode>.md (and the raw figures to bench/out/results-<mode>.json).
 *
 *   npm run bench        quick pass: stores at 1k/10k, HTTP at 10k, loads at 1k/10k,
 *                        client on the seed, 1k and 10k, bundle (a few minutes)
 *   npm run bench:full   stores at 10k/100k/1M, HTTP at 100k, loads at 10k/100k/1M,
 *                        client up to 50k, bundle
 *
 *   npm run bench -- --only ask   reading a question: the seed and 100k synthetic nodes
 *
 * Options: --only stores,http,load,client,bundle,ask   --sizes 10k,100k (stores and loads)
 *          --no-neo4j (memory store only)
 *          --client-sizes 50k (synthetic sizes of the client part; the seed always runs first)
 *
 * No part asserts anything: each compares its figures with the target beside it and says
 * PASS or MISS, and a part whose prerequisite is missing says so and the rest still runs.
 */
import { execSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedGraph } from '../graph-seed/load-seed.js';
import type { SeedGraph } from '../graph-seed/schema.js';
import { parseSize } from './synthetic/generate.js';
import { ensureSynthetic, OUT_DIR } from './lib/datasets.js';
import { acquireNeo4j, alive, type BenchNeo4j } from './lib/neo4j.js';
import { printSection, renderSection, skipped, type Check, type Section } from './lib/report.js';
import { gc, sizeLabel } from './lib/stats.js';
import { makeWorkload } from './lib/workload.js';

type Part = 'stores' | 'http' | 'load' | 'client' | 'bundle' | 'ask';
const PARTS: readonly Part[] = ['stores', 'load', 'http', 'client', 'bundle', 'ask'];

interface Plan {
  mode: 'quick' | 'full';
  parts: Set<Part>;
  storeSizes: number[];
  httpSize: number;
  neo4jLoadSizes: number[];
  clientSizes: number[];
  store: { warmup: number; iterations: number; budgetMs: number };
  http: { durationSec: number; connections: number };
  client: { panZoomMs: number; layoutMs: number; timeoutMs: number };
  /** --no-neo4j: memory store and memory footprint only. */
  noNeo4j: boolean;
}

function plan(argv: readonly string[]): Plan {
  const full = argv.includes('--full');
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const only = value('--only');
  const parts = new Set<Part>(only ? (only.split(',') as Part[]) : PARTS);
  for (const p of parts) if (!PARTS.includes(p)) throw new Error(`--only: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
  const sizes = value('--sizes')?.split(',').map(parseSize);
  const noNeo4j = argv.includes('--no-neo4j');
  const clientSizes = value('--client-sizes')?.split(',').map(parseSize);
  return full
    ? {
        noNeo4j,
        mode: 'full',
        parts,
        storeSizes: sizes ?? [10_000, 100_000, 1_000_000],
        httpSize: 100_000,
        neo4jLoadSizes: sizes ?? [10_000, 100_000, 1_000_000],
        clientSizes: clientSizes ?? [1_000, 10_000, 50_000],
        store: { warmup: 50, iterations: 1000, budgetMs: 15_000 },
        http: { durationSec: 10, connections: 10 },
        client: { panZoomMs: 3000, layoutMs: 5000, timeoutMs: 300_000 },
      }
    : {
        noNeo4j,
        mode: 'quick',
        parts,
        storeSizes: sizes ?? [1_000, 10_000],
        httpSize: 10_000,
        neo4jLoadSizes: sizes ?? [1_000, 10_000],
        clientSizes: clientSizes ?? [1_000, 10_000],
        store: { warmup: 10, iterations: 200, budgetMs: 1_500 },
        http: { durationSec: 3, connections: 10 },
        client: { panZoomMs: 2000, layoutMs: 3000, timeoutMs: 60_000 },
      };
}

const START_LOAD = loadavg();

function machine(): string[] {
  const sh = (cmd: string): string => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return '(unavailable)';
    }
  };
  return [
    `- CPU: ${sh('nproc')} cores (${cpus()[0]?.model ?? 'unknown'}); memory: ${(totalmem() / 1e9).toFixed(1)} GB total, ${(freemem() / 1e9).toFixed(1)} GB free at start`,
    `- \`free -h\`: ${sh("free -h | awk '/Mem:/ {print $2\" total, \"$3\" used, \"$7\" available\"}'")}`,
    `- Node ${process.version}; load average at start ${START_LOAD.map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min)`,
    `- git ${sh('git rev-parse --short HEAD')}${sh('git status --porcelain -- server graph-seed client') ? ' (with uncommitted changes in server/, graph-seed/ or client/)' : ''}`,
  ];
}

async function main(): Promise<void> {
  const p = plan(process.argv.slice(2));
  const started = new Date();
  const sections: Section[] = [];
  const emit = (s: Section): void => {
    sections.push(s);
    printSection(s);
  };
  const results: Record<string, unknown> = {};
  const machineAtStart = machine();
  process.stdout.write(`# FinReg Atlas benchmarks (${p.mode})\n\n${machineAtStart.join('\n')}\n`);
  if (!(globalThis as { gc?: unknown }).gc) process.stderr.write('note: run with node --expose-gc for steadier memory figures\n');

  // ---- stores and loading, size by size --------------------------------------------
  if (p.parts.has('stores') || p.parts.has('load')) {
    const { benchNeo4jPair, memorySection, neo4jSection } = await import('./stores.js');
    const { benchMemoryStore, memoryFootprintSection, benchNeo4jLoad, neo4jLoadSection } = await import('./load.js');
    const { Neo4jStore } = await import('../server/stores/neo4j/neo4j-store.js').catch(() => ({ Neo4jStore: undefined }));
    const memResults = [];
    const neoStore = [];
    const neoRaw = [];
    const footprints = [];
    const loads = [];
    let neo: BenchNeo4j | undefined;
    let neoUnavailable: string | undefined;
    const sizes = [...new Set([...(p.parts.has('stores') ? p.storeSizes : []), ...(p.parts.has('load') ? p.neo4jLoadSizes : [])])].sort((a, b) => a - b);
    for (const size of sizes) {
      const m = ensureSynthetic(size);
      // The memory store is built and benchmarked in a fresh process (bench/memory-probe.ts),
      // never beside this process's copy of the graph: at 1M nodes the two would not fit.
      const footprint = p.parts.has('load') && p.neo4jLoadSizes.includes(size);
      const memBench = p.parts.has('stores') && p.storeSizes.includes(size);
      if (footprint || memBench) {
        try {
          const r = await benchMemoryStore(m, { footprint, ...(memBench ? { bench: p.store } : {}) });
          if (r.footprint) footprints.push(r.footprint);
          if (r.bench) memResults.push(...r.bench);
        } catch (err) {
          process.stderr.write(`  memory store ${sizeLabel(size)}: ${(err as Error).message}\n`);
        }
      }
      let graph: SeedGraph | undefined = await loadSeedGraph({ dataDir: m.dataDir, sourcePath: m.sourcePath, onWarning: () => undefined });
      const workload = makeWorkload(graph, p.store.iterations + p.store.warmup);
      const wantNeo = !p.noNeo4j && ((p.parts.has('load') && p.neo4jLoadSizes.includes(size)) || (p.parts.has('stores') && p.storeSizes.includes(size)));
      if (wantNeo && neoUnavailable === undefined) {
        if (!neo || !(await alive(neo.driver))) {
          if (neo) await neo.stop().catch(() => undefined);
          const got = await acquireNeo4j();
          if ('unavailable' in got) neoUnavailable = got.unavailable;
          else neo = got;
        }
        if (neo) {
          const load = await benchNeo4jLoad(neo.driver, neo.database, graph, size);
          if (p.parts.has('load') && p.neo4jLoadSizes.includes(size)) loads.push(load);
          graph = undefined;
          gc();
          if (!load.error && p.parts.has('stores') && p.storeSizes.includes(size) && Neo4jStore) {
            const store = new Neo4jStore(neo.driver, { database: neo.database });
            const pair = await benchNeo4jPair(store, neo.driver, neo.database, 5000, size, workload, p.store);
            neoStore.push(...pair.store);
            neoRaw.push(...pair.raw);
          } else if (load.error) {
            process.stderr.write(`  neo4j ${sizeLabel(size)}: load failed, store benchmark skipped: ${load.error}\n`);
          }
        }
      }
      graph = undefined;
      gc();
    }
    if (neo) await neo.stop().catch(() => undefined);
    if (p.parts.has('stores')) {
      emit(memorySection(memResults, p.store));
      if (neoStore.length) emit(neo4jSection(neoStore, neoRaw));
      else if (!p.noNeo4j) emit(skipped('Neo4j store vs the raw driver', neoUnavailable ?? (Neo4jStore ? 'the Neo4j load failed at every size' : 'server/stores/neo4j is not there yet')));
    }
    if (p.parts.has('load')) {
      if (footprints.length) emit(memoryFootprintSection(footprints));
      if (loads.length) emit(neo4jLoadSection(loads, neo?.heap ?? process.env.NEO4J_HEAP ?? '2g'));
      else if (!p.noNeo4j) emit(skipped('Loading into Neo4j', neoUnavailable ?? 'no load ran'));
    }
    Object.assign(results, { memResults, neoStore, neoRaw, footprints, loads });
  }

  // ---- HTTP ---------------------------------------------------------------------------
  if (p.parts.has('http')) {
    try {
      const { benchHttp, httpSection } = await import('./http.js');
      const m = ensureSynthetic(p.httpSize);
      const graph = await loadSeedGraph({ dataDir: m.dataDir, sourcePath: m.sourcePath, onWarning: () => undefined });
      const http = await benchHttp(m, graph, p.http);
      results.http = http;
      emit(httpSection(p.httpSize, http, p.http));
    } catch (err) {
      emit(skipped('HTTP', (err as Error).message.split('\n')[0]!));
    }
  }

  // ---- client -------------------------------------------------------------------------
  if (p.parts.has('client')) {
    try {
      const { benchClient, clientSections } = await import('./client/browser.js');
      const opts = { sizes: p.clientSizes, ...p.client };
      const runs = await benchClient(opts);
      if ('unavailable' in runs) emit(skipped('Client in headless Chromium', runs.unavailable));
      else {
        results.client = runs;
        for (const s of clientSections(runs, opts)) emit(s);
      }
    } catch (err) {
      emit(skipped('Client in headless Chromium', (err as Error).message.split('\n')[0]!));
    }
  }

  // ---- bundle -------------------------------------------------------------------------
  if (p.parts.has('bundle')) {
    const { benchBundle, bundleSection } = await import('./bundle.js');
    const r = await benchBundle();
    if ('unavailable' in r) emit(skipped('Client bundle', r.unavailable));
    else {
      results.bundle = r;
      emit(bundleSection(r));
    }
  }

  // ---- ask: reading a question ---------------------------------------------------------
  if (p.parts.has('ask')) {
    const { benchAsk, askSection } = await import('./ask.js');
    const iterations = p.mode === 'full' ? 2000 : 500;
    const rows = await benchAsk({ iterations, syntheticSize: 100_000 });
    results.ask = rows;
    emit(askSection(rows, iterations));
  }

  // ---- summary ------------------------------------------------------------------------
  const checks: Check[] = sections.flatMap((s) => s.checks ?? []);
  const mark = (c: Check): string => (c.pass === undefined ? 'n/a ' : c.pass ? 'PASS' : 'MISS');
  const summary: Section = {
    title: 'Targets',
    lines: checks.map((c) => `- ${mark(c)} ${c.name}: ${c.detail}`),
  };
  emit(summary);
  const minutes = ((Date.now() - started.getTime()) / 60000).toFixed(1);
  const header = [
    `# FinReg Atlas benchmarks (${p.mode})`,
    '',
    `Command: \`npm run ${p.mode === 'full' ? 'bench:full' : 'bench'}${process.argv.slice(2).filter((a) => a !== '--quick' && a !== '--full').length ? ` -- ${process.argv.slice(2).filter((a) => a !== '--quick' && a !== '--full').join(' ')}` : ''}\`, started ${started.toISOString()}, took ${minutes} min.`,
    '',
    ...machineAtStart,
    `- load average at end ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`,
    '',
  ];
  mkdirSync(OUT_DIR, { recursive: true });
  const reportPath = join(OUT_DIR, `report-${p.mode}.md`);
  writeFileSync(reportPath, [...header, ...sections.map(renderSection)].join('\n'));
  writeFileSync(join(OUT_DIR, `results-${p.mode}.json`), JSON.stringify({ started, plan: { ...p, parts: [...p.parts] }, results }, null, 2));
  process.stdout.write(`\nreport written to ${reportPath} (${minutes} min)\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
