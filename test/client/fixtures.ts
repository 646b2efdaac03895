/** Small API-shaped records for the client unit tests. */
import type { ApiNode, ApiRelationship, Subgraph } from '../../server/stores/types';
import type { NodeLabel, RelType } from '../../graph-seed/schema';

const src = [{ section: '二、全国互联网金融政策发展', quote: '示例引文' }];

export function node(id: string, label: NodeLabel, name: string, extra: Partial<ApiNode> = {}): ApiNode {
  return { id, label, name, nameEn: `${name}-en`, aliases: [], description: 'd', descriptionEn: 'd', figures: [], sources: src, ...extra };
}
export function rel(source: string, type: RelType, target: string): ApiRelationship {
  return { id: `${source}-${type}->${target}`, type, source, target, properties: {}, sources: src };
}

export const sample: Subgraph = {
  nodes: [
    node('agency:cbrc', 'Agency', '银监会'),
    node('rule:p2p-interim-measures-2016', 'Rule', '《网络借贷信息中介机构业务活动管理暂行办法》', { date: '2016-08-24', kind: 'interim-measures' }),
    node('rule:guideline-2015', 'Rule', '《关于促进互联网金融健康发展的指导意见》', { date: '2015-07-18' }),
    node('segment:p2p-lending', 'Segment', '网络借贷'),
    node('topic:fund-pool', 'Topic', '资金池'),
  ],
  relationships: [
    rel('agency:cbrc', 'ISSUED', 'rule:p2p-interim-measures-2016'),
    rel('rule:p2p-interim-measures-2016', 'REGULATES', 'segment:p2p-lending'),
    rel('rule:p2p-interim-measures-2016', 'PROHIBITS', 'topic:fund-pool'),
    rel('rule:p2p-interim-measures-2016', 'IMPLEMENTS', 'rule:guideline-2015'),
    rel('rule:guideline-2015', 'REGULATES', 'segment:p2p-lending'),
  ],
};
