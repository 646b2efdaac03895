import { describe, expect, it } from 'vitest';
import { buildGraph, mergeSubgraph, sizeForDegree, toSubgraph } from '../../client/src/graph/build';
import { LABEL_COLORS } from '../../client/src/graph/palette';
import { shortenLabel } from '../../client/src/graph/labels';
import { seededPosition } from '../../client/src/graph/seed-positions';
import { node, rel, sample } from './fixtures';

describe('graph building from API subgraphs', () => {
  it('makes one node per API node with sigma and domain attributes', () => {
    const g = buildGraph(sample);
    expect(g.order).toBe(5);
    expect(g.size).toBe(5);
    const a = g.getNodeAttributes('agency:cbrc');
    expect(a.nodeLabel).toBe('Agency');
    expect(a.color).toBe(LABEL_COLORS.Agency);
    expect(a.labelZh).toBe('银监会');
    expect(a.labelEn).toBe('银监会-en');
    expect(a.api.sources[0]?.quote).toBe('示例引文');
    expect(g.getNodeAttribute('rule:p2p-interim-measures-2016', 'date')).toBe('2016-08-24');
  });

  it('keeps relationship ids, directions and types; does not use `type` (sigma edge program)', () => {
    const g = buildGraph(sample);
    const id = 'agency:cbrc-ISSUED->rule:p2p-interim-measures-2016';
    expect(g.source(id)).toBe('agency:cbrc');
    expect(g.target(id)).toBe('rule:p2p-interim-measures-2016');
    expect(g.getEdgeAttribute(id, 'relType')).toBe('ISSUED');
    expect(g.getEdgeAttributes(id)).not.toHaveProperty('type');
  });

  it('sizes nodes by degree', () => {
    const g = buildGraph(sample);
    expect(g.getNodeAttribute('rule:p2p-interim-measures-2016', 'size')).toBe(sizeForDegree(4));
    expect(g.getNodeAttribute('topic:fund-pool', 'size')).toBeLessThan(g.getNodeAttribute('rule:p2p-interim-measures-2016', 'size'));
  });

  it('places nodes deterministically from their ids', () => {
    const a = buildGraph(sample);
    const b = buildGraph({ nodes: [...sample.nodes].reverse(), relationships: sample.relationships });
    a.forEachNode((id, attrs) => {
      expect(b.getNodeAttribute(id, 'x')).toBe(attrs.x);
      expect(attrs.x).toBe(seededPosition(id).x);
    });
  });

  it('merging keeps existing positions, adds new nodes near the anchor and skips dangling edges', () => {
    const g = buildGraph(sample);
    g.setNodeAttribute('agency:cbrc', 'x', 500);
    const res = mergeSubgraph(
      g,
      {
        nodes: [node('agency:cbrc', 'Agency', '中国银监会'), node('rule:new', 'Rule', '新规')],
        relationships: [rel('agency:cbrc', 'ISSUED', 'rule:new'), rel('agency:cbrc', 'ISSUED', 'rule:absent')],
      },
      'agency:cbrc',
    );
    expect(res.addedNodes).toEqual(['rule:new']);
    expect(res.addedEdges).toEqual(['agency:cbrc-ISSUED->rule:new']);
    expect(g.getNodeAttribute('agency:cbrc', 'x')).toBe(500);
    expect(g.getNodeAttribute('agency:cbrc', 'name')).toBe('中国银监会');
    expect(Math.abs(g.getNodeAttribute('rule:new', 'x') - 500)).toBeLessThanOrEqual(20);
  });

  it('exports the kept part back as API shapes', () => {
    const g = buildGraph(sample);
    const sub = toSubgraph(g, (id) => id !== 'topic:fund-pool', () => true);
    expect(sub.nodes.map((n) => n.id)).not.toContain('topic:fund-pool');
    expect(sub.relationships.every((r) => r.target !== 'topic:fund-pool')).toBe(true);
    expect(sub.relationships).toHaveLength(4);
  });

  it('shortens long titles for the canvas, counting CJK as double width', () => {
    expect(shortenLabel('银监会')).toBe('银监会');
    const long = shortenLabel('《网络借贷信息中介机构业务活动管理暂行办法》');
    expect(long.endsWith('…')).toBe(true);
    expect([...long].length).toBeLessThanOrEqual(15);
    expect(shortenLabel('Interim Measures for the Administration of P2P Lending').length).toBeLessThanOrEqual(29);
  });
});
