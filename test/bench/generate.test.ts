/**
 * The synthetic benchmark graph: deterministic, valid against the real seed validator
 * (schema, endpoints, acyclic hierarchies, quotes in its own source text), ~5
 * relationships per node, and skewed degrees.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { NODE_LABELS, REL_TYPES, type SeedGraph } from '../../graph-seed/schema.js';
import { generateSynthetic, labelCounts, parseArgs, parseSize, type Manifest } from '../../bench/synthetic/generate.js';

const root = mkdtempSync(join(tmpdir(), 'finreg-synthetic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    try {
      out.set(name, readFileSync(path));
    } catch {
      // a directory
    }
  }
  return out;
}

describe('synthetic graph generator', () => {
  let manifest: Manifest;
  let graph: SeedGraph;

  beforeAll(async () => {
    // Small file bounds so 1k nodes still spans several files of each kind.
    manifest = generateSynthetic({ nodes: 1000, seed: 42, outDir: join(root, 'a'), nodesPerFile: 300, relationshipsPerFile: 2000 });
    const warnings: string[] = [];
    graph = await loadSeedGraph({ dataDir: manifest.dataDir, sourcePath: manifest.sourcePath, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
  });

  it('writes the same bytes for the same seed, and different ones for another seed', () => {
    generateSynthetic({ nodes: 1000, seed: 42, outDir: join(root, 'b'), nodesPerFile: 300, relationshipsPerFile: 2000 });
    generateSynthetic({ nodes: 1000, seed: 43, outDir: join(root, 'c'), nodesPerFile: 300, relationshipsPerFile: 2000 });
    const a = filesOf(join(root, 'a'));
    const b = filesOf(join(root, 'b'));
    const c = filesOf(join(root, 'c'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) {
      if (name === 'manifest.json') continue; // holds the output path
      expect(b.get(name)?.equals(bytes), name).toBe(true);
    }
    expect(c.get('data/nodes-0001.json')?.equals(a.get('data/nodes-0001.json')!)).toBe(false);
  });

  it('splits output into files of bounded size', () => {
    expect(manifest.nodeFiles.length).toBe(4);
    expect(manifest.relationshipFiles.length).toBeGreaterThanOrEqual(3);
    for (const name of manifest.nodeFiles) {
      const json = JSON.parse(readFileSync(join(manifest.dataDir, name), 'utf8')) as { nodes: unknown[] };
      expect(json.nodes.length).toBeLessThanOrEqual(300);
    }
  });

  it('passes the seed validator, quotes included, with every label and relationship type', () => {
    expect(graph.nodes.length).toBe(1000);
    expect(graph.relationships.length).toBe(manifest.relationships);
    const labels = new Set(graph.nodes.map((n) => n.label));
    const types = new Set(graph.relationships.map((r) => r.type));
    expect([...labels].sort()).toEqual([...NODE_LABELS].sort());
    expect([...types].sort()).toEqual([...REL_TYPES].sort());
    const counts = labelCounts(1000);
    for (const label of NODE_LABELS) expect(graph.nodes.filter((n) => n.label === label).length).toBe(counts[label]);
  });

  it('has bilingual names with Chinese text, descriptions, dates and some aliases', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const n of graph.nodes) {
      expect(n.name).toMatch(cjk);
      expect(n.nameEn).toMatch(/^[\x20-\x7e]+$/);
      expect(n.description).toMatch(cjk);
      if (n.label === 'Rule' || n.label === 'Event') expect(n.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(graph.nodes.filter((n) => n.aliases.length > 0).length).toBeGreaterThan(50);
    // Rule names are distinct (the combination space is larger than 400).
    const ruleNames = graph.nodes.filter((n) => n.label === 'Rule').map((n) => n.name);
    expect(new Set(ruleNames).size).toBe(ruleNames.length);
  });

  it('has about five relationships per node', () => {
    const perNode = graph.relationships.length / graph.nodes.length;
    expect(perNode).toBeGreaterThan(4.5);
    expect(perNode).toBeLessThan(5.5);
  });

  it('has skewed degrees: a few agencies, topics and segments are hubs', () => {
    const degree = new Map<string, number>();
    for (const r of graph.relationships) {
      degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
      degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
    }
    const degrees = graph.nodes.map((n) => degree.get(n.id) ?? 0).sort((a, b) => b - a);
    const mean = degrees.reduce((a, b) => a + b, 0) / degrees.length;
    const median = degrees[Math.floor(degrees.length / 2)]!;
    expect(degrees[0]!).toBeGreaterThan(20 * mean);
    expect(median).toBeLessThanOrEqual(mean);
    // The top 1% of nodes hold over a tenth of all relationship ends (with uniformly
    // drawn endpoints they would hold about 2-3%).
    const top = degrees.slice(0, degrees.length / 100).reduce((a, b) => a + b, 0);
    expect(top / (2 * graph.relationships.length)).toBeGreaterThan(0.1);
    for (const label of ['Agency', 'Topic', 'Segment'] as const) {
      const best = Math.max(...graph.nodes.filter((n) => n.label === label).map((n) => degree.get(n.id) ?? 0));
      expect(best, label).toBeGreaterThan(10 * mean);
    }
    expect(manifest.maxDegree).toBe(degrees[0]);
  });

  it('refuses bad arguments with a clear message', () => {
    expect(() => generateSynthetic({ nodes: 10, seed: 1, outDir: join(root, 'd') })).toThrow(/--nodes must be an integer from 100/);
    expect(() => generateSynthetic({ nodes: 1000, seed: -1, outDir: join(root, 'd') })).toThrow(/--seed/);
    expect(() => parseSize('lots')).toThrow(/--nodes must be a number/);
    expect(parseSize('100k')).toBe(100_000);
    expect(parseSize('1m')).toBe(1_000_000);
    expect(() => parseArgs(['--nodez', '5'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--nodes'])).toThrow(/needs a value/);
    expect(parseArgs(['--nodes', '10k', '--seed=7', '--out', 'x'])).toMatchObject({ nodes: 10_000, seed: 7 });
  });
});
