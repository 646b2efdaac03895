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
      'CBRC issued Interim Measures on P2P Lending Intermediaries (《网络借贷信息中介机构业务活动管理暂行办法》) on 2016-08-24 (source: 二、全国互联网金融政策发展, “银监会、工业和信息化部、公安部、国家互联网信息办公室”)',
      'Interim Measures on P2P Lending Intermediaries (《网络借贷信息中介机构业务活动管理暂行办法》, 2016-08-24) prohibits Down-payment loans (source: 二、全国互联网金融政策发展, “对于“首付贷”更是明令禁止”)',
    ]);
    expect(zh).toEqual([
      '银监会于2016-08-24发布《网络借贷信息中介机构业务活动管理暂行办法》（出处：二、全国互联网金融政策发展，“银监会、工业和信息化部、公安部、国家互联网信息办公室”）',
      '《网络借贷信息中介机构业务活动管理暂行办法》（2016-08-24）禁止首付贷（出处：二、全国互联网金融政策发展，“对于“首付贷”更是明令禁止”）',
    ]);
  });

  it('states the true direction when the walk goes against it', () => {
    const { zh, en } = explainPath(path, 'topic:down-payment-loans');
    expect(en[0]).toMatch(/^Interim Measures on P2P Lending Intermediaries \(《网络借贷信息中介机构业务活动管理暂行办法》, 2016-08-24\) prohibits Down-payment loans/);
    expect(en[1]).toMatch(/^CBRC issued Interim Measures/);
    expect(zh[1]).toMatch(/^银监会于2016-08-24发布/);
  });

  it('says when a step is inferred from the report and cites every quote it rests on', () => {
    const inferred: Subgraph = {
      nodes: path.nodes,
      relationships: path.relationships.map((r) =>
        r.type === 'PROHIBITS'
          ? {
              ...r,
              properties: { evidence: 'inferred' },
              sources: [
                { section: '二、全国互联网金融政策发展', quote: '除上述P2P禁止活动外' },
                { section: '二、全国互联网金融政策发展', quote: '对于“首付贷”更是明令禁止' },
              ],
            }
          : r,
      ),
    };
    const { zh, en } = explainPath(inferred, 'agency:cbrc');
    const { evidence } = explainPath(inferred, 'agency:cbrc');
    expect(en[1]).toBe(
      'The report implies (without stating it) that Interim Measures on P2P Lending Intermediaries (《网络借贷信息中介机构业务活动管理暂行办法》, 2016-08-24) prohibits Down-payment loans (inferred from the report; source: 二、全国互联网金融政策发展, “除上述P2P禁止活动外”; “对于“首付贷”更是明令禁止”)',
    );
    expect(zh[1]).toBe(
      '报告暗示（并未明言）：《网络借贷信息中介机构业务活动管理暂行办法》（2016-08-24）禁止首付贷（据报告推断，出处：二、全国互联网金融政策发展，“除上述P2P禁止活动外”；“对于“首付贷”更是明令禁止”）',
    );
    expect(evidence).toEqual(['stated', 'inferred']);
    // A stated link keeps the one quote and states the fact.
    expect(en[0]).not.toMatch(/inferred|implies/);
  });

  it('says when a step is attributed, and carries a qualifier into the sentence', () => {
    const attributed: Subgraph = {
      nodes: path.nodes,
      relationships: path.relationships.map((r) =>
        r.type === 'PROHIBITS' ? { ...r, properties: { evidence: 'attributed', note: 'n', condition: 'without a licence (在无牌照下)' } } : r,
      ),
    };
    const { zh, en, evidence } = explainPath(attributed, 'agency:cbrc');
    expect(evidence).toEqual(['stated', 'attributed']);
    expect(en[1]).toMatch(/^The report states this without naming the document; the graph attributes it: .* prohibits Down-payment loans without a licence \(attributed from the report; /);
    expect(zh[1]).toMatch(/^报告未点名文件，图谱将其归属于此：.*禁止首付贷（限定：在无牌照下）（据报告归属，出处/);
  });

  it('does not dress a local measure as a document title', () => {
    const measure = { ...path.nodes.find((n) => n.label === 'Rule')!, name: '叫停首付贷、众筹购房等违规行为', kind: 'local-measure', date: undefined };
    const g: Subgraph = { nodes: path.nodes.map((n) => (n.label === 'Rule' ? measure : n)), relationships: path.relationships };
    const { zh, en } = explainPath(g, 'agency:cbrc');
    expect(zh[0]).toMatch(/^银监会发布叫停首付贷、众筹购房等违规行为（出处/);
    expect(en.join(' ')).not.toContain('《');
  });

  it('orders the steps as a walk from the start', () => {
    const steps = orderPath(path, 'topic:down-payment-loans');
    expect(steps.map((s) => s.rel.type)).toEqual(['PROHIBITS', 'ISSUED']);
  });

  it('refuses a subgraph that is not a walk from the start', () => {
    expect(() => orderPath(path, 'segment:p2p-lending')).toThrow(/not a walk/);
  });
});
