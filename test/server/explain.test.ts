import { describe, expect, it } from 'vitest';
import { explainPath, orderPath } from '../../server/explain.js';
import { toApiNode, toApiRelationship } from '../../server/stores/api-shapes.js';
import type { Subgraph } from '../../server/stores/types.js';
import { fixtureGraph } from './fixture-graph.js';

function subgraphOf(ids: string[], relIds: string[]): Subgraph {
  const g = fixtureGraph();
  return {
    nodes: g.nodes.filter((n) => ids.includes(n.id)).map(toApiNode),
    relationships: g.relationships.filter((r) => relIds.includes(r.id)).map(toApiRelationship),
  };
}

describe('explainPath', () => {
  const path = subgraphOf(
    ['agency:cbrc', 'rule:p2p-interim-measures', 'topic:down-payment-loans'],
    // Deliberately not in walking order: stores need not return them in order.
    ['rule:p2p-interim-measures-PROHIBITS->topic:down-payment-loans', 'agency:cbrc-ISSUED->rule:p2p-interim-measures'],
  );

  it('writes one sentence per step with the date and the citation', () => {
    const { zh, en } = explainPath(path, 'agency:cbrc');
    expect(en).toEqual([
      '银监会 issued 《网络借贷信息中介机构业务活动管理暂行办法》 on 2016-08-24 (source: 二、全国互联网金融政策发展, “银监会、工业和信息化部、公安部、国家互联网信息办公室”)',
      '《网络借贷信息中介机构业务活动管理暂行办法》 (2016-08-24) prohibits 首付贷 (source: 二、全国互联网金融政策发展, “对于“首付贷”更是明令禁止”)',
    ]);
    expect(zh).toEqual([
      '银监会于2016-08-24发布《网络借贷信息中介机构业务活动管理暂行办法》（出处：二、全国互联网金融政策发展，“银监会、工业和信息化部、公安部、国家互联网信息办公室”）',
      '《网络借贷信息中介机构业务活动管理暂行办法》（2016-08-24）禁止首付贷（出处：二、全国互联网金融政策发展，“对于“首付贷”更是明令禁止”）',
    ]);
  });

  it('states the true direction when the walk goes against it', () => {
    const { zh, en } = explainPath(path, 'topic:down-payment-loans');
    expect(en[0]).toMatch(/^《网络借贷信息中介机构业务活动管理暂行办法》 \(2016-08-24\) prohibits 首付贷/);
    expect(en[1]).toMatch(/^银监会 issued 《网络借贷/);
    expect(zh[1]).toMatch(/^银监会于2016-08-24发布/);
  });

  it('orders the steps as a walk from the start', () => {
    const steps = orderPath(path, 'topic:down-payment-loans');
    expect(steps.map((s) => s.rel.type)).toEqual(['PROHIBITS', 'ISSUED']);
  });

  it('refuses a subgraph that is not a walk from the start', () => {
    expect(() => orderPath(path, 'segment:p2p-lending')).toThrow(/not a walk/);
  });
});
