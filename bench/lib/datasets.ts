/**
 * Synthetic graphs on disk, generated on first use and reused while the generator version,
 * seed and size match (bench/out is git-ignored).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATOR_VERSION, generateSynthetic, sizeName, type Manifest } from '../synthetic/generate.js';

export const BENCH_SEED = 42;
export const OUT_DIR = resolve(import.meta.dirname, '..', 'out');

export function syntheticDir(nodes: number): string {
  return join(OUT_DIR, `synthetic-${sizeName(nodes)}`);
}

export function ensureSynthetic(nodes: number, seed = BENCH_SEED): Manifest {
  const dir = syntheticDir(nodes);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (m.generatorVersion === GENERATOR_VERSION && m.seed === seed && m.nodes === nodes && existsSync(m.dataDir)) return m;
  }
  const t0 = performance.now();
  process.stderr.write(`generating synthetic graph of ${nodes} nodes in ${dir} ...\n`);
  const m = generateSynthetic({ nodes, seed, outDir: dir });
  process.stderr.write(`  ${m.relationships} relationships in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return m;
}
