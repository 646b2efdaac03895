import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../client/src/graph/build';
import { clusteredPositions } from '../../client/src/graph/initial-placement';
import type { Subgraph } from '../../server/stores/types';
import { node, rel } from './fixtures';

/** Two hubs (segments) with rules around each, and one rule between them. */
function twoHubs(): Subgraph {
  const nodes = [node('segment:a', 'Segment', '甲'), node('segment:b', 'Segment', '乙')];
  const relationships = [];
  for (let i = 0; i < 30; i++) {
    const hub = i < 15 ? 'segment:a' : 'segment:b';
    nodes.push(node(`rule:r${i}`, 'Rule', `规则${i}`));
    relationships.push(rel(`rule:r${i}`, 'REGULATES', hub));
  }
  nodes.push(node('rule:both', 'Rule', '两者'));
  relationships.push(rel('rule:both', 'REGULATES', 'segment:a'), rel('rule:both', 'REGULATES', 'segment:b'));
  return { nodes, relationships };
}

const dist = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);

describe('clustered start positions for big graphs', () => {
  it('gives every node a finite position', () => {
    const g = buildGraph(twoHubs());
    const pos = clusteredPositions(g);
    expect(Object.keys(pos).sort()).toEqual(g.nodes().sort());
    for (const p of Object.values(pos)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('is deterministic whatever the insertion order', () => {
    const sub = twoHubs();
    const a = clusteredPositions(buildGraph(sub));
    const b = clusteredPositions(buildGraph({ nodes: [...sub.nodes].reverse(), relationships: [...sub.relationships].reverse() }));
    expect(b).toEqual(a);
  });

  it('puts each node next to its highest-degree neighbour', () => {
    const g = buildGraph(twoHubs());
    const pos = clusteredPositions(g);
    // segment:a has 16 neighbours, segment:b 16: the tie goes to the smaller id, so the
    // rule linked to both sits by segment:a.
    const radius = 1 + 2 * Math.sqrt(16);
    for (let i = 0; i < 15; i++) expect(dist(pos[`rule:r${i}`]!, pos['segment:a']!)).toBeLessThanOrEqual(radius);
    for (let i = 15; i < 30; i++) expect(dist(pos[`rule:r${i}`]!, pos['segment:b']!)).toBeLessThanOrEqual(radius);
    expect(dist(pos['rule:both']!, pos['segment:a']!)).toBeLessThanOrEqual(radius);
  });

  it('places isolated nodes and hubs on their own seeded spots', () => {
    const g = buildGraph({ nodes: [node('topic:x', 'Topic', 'x'), node('topic:y', 'Topic', 'y')], relationships: [] });
    const pos = clusteredPositions(g);
    expect(pos['topic:x']).not.toEqual(pos['topic:y']);
  });
});
