/**
 * A small graph for the HTTP tests that need a shape the seed may not have (a walk that
 * goes against a relationship's direction, a node with no path to another). Quotes are
 * real spans of the report; ids are this fixture's own.
 */
import { relationshipId, type GraphRelationship, type SeedGraph, type SeedNode, type RelType } from '../../graph-seed/schema.js';

const policy = '二、全国互联网金融政策发展';

function node(id: string, label: SeedNode['label'], name: string, nameEn: string, extra: Partial<SeedNode> = {}): SeedNode {
  return {
    id,
    label,
    name,
    nameEn,
    aliases: [],
    description: `${name}（测试）`,
    descriptionEn: `${nameEn} (fixture)`,
    figures: [],
    sources: [{ section: policy, quote: name }],
    ...extra,
  };
}

function rel(type: RelType, source: string, target: string, quote: string, properties: GraphRelationship['properties'] = {}): GraphRelationship {
  return { id: relationshipId({ type, source, target }), type, source, target, properties, sources: [{ section: policy, quote }] };
}

export function fixtureGraph(): SeedGraph {
  return {
    nodes: [
      node('agency:cbrc', 'Agency', '银监会', 'CBRC', { aliases: ['中国银监会'] }),
      node('agency:csrc', 'Agency', '证监会', 'CSRC'),
      node('rule:p2p-interim-measures', 'Rule', '网络借贷信息中介机构业务活动管理暂行办法', 'Interim Measures on P2P Lending Intermediaries', {
        date: '2016-08-24',
        kind: 'interim-measures',
      }),
      node('rule:equity-crowdfunding-plan', 'Rule', '股权众筹风险专项整治工作实施方案', 'Equity crowdfunding rectification plan', {
        date: '2016-10-13',
        kind: 'rectification-plan',
      }),
      node('segment:p2p-lending', 'Segment', '网络借贷', 'P2P lending', { aliases: ['P2P'] }),
      node('segment:equity-crowdfunding', 'Segment', '股权众筹融资', 'Equity crowdfunding'),
      node('topic:real-estate-finance', 'Topic', '房地产金融', 'Real-estate finance'),
      node('topic:down-payment-loans', 'Topic', '首付贷', 'Down-payment loans'),
      node('technology:big-data', 'Technology', '大数据', 'Big data'),
    ],
    relationships: [
      rel('ISSUED', 'agency:cbrc', 'rule:p2p-interim-measures', '银监会、工业和信息化部、公安部、国家互联网信息办公室', { role: 'lead' }),
      rel('REGULATES', 'rule:p2p-interim-measures', 'segment:p2p-lending', '进一步明确了网络借贷机构信息中介的定位'),
      rel('PROHIBITS', 'rule:p2p-interim-measures', 'topic:down-payment-loans', '对于“首付贷”更是明令禁止'),
      rel('PART_OF', 'topic:down-payment-loans', 'topic:real-estate-finance', '大力防控房地产金融风险'),
      rel('ISSUED', 'agency:csrc', 'rule:equity-crowdfunding-plan', '证监会', { role: 'lead' }),
      rel('REGULATES', 'rule:equity-crowdfunding-plan', 'segment:equity-crowdfunding', '股权众筹在监管政策中被严格规定了其经营业务范围'),
      rel('ADDRESSES', 'rule:equity-crowdfunding-plan', 'topic:real-estate-finance', '股权众筹平台被要求不得违规开展房地产金融相关业务'),
    ],
  };
}
