/**
 * A small graph built in code for the store contract suite: every label and relationship
 * type, a PART_OF chain of topics (首付贷 → 房地产金融) and of segments (股权众筹融资 → 众筹 →
 * 互联网金融), agencies issuing rules that regulate a sub-segment, rules dated by day, by
 * month, by year only and not at all (for asOf), and names chosen to exercise search ties.
 *
 * The texts are written for the tests and only loosely follow the report; the real seed has
 * its own contract cases. The graph goes through the project's validator, so it is a graph
 * the stores could meet in production.
 */
import { validateSeedFiles } from '../../graph-seed/validate.js';
import type { SeedGraph, SeedNodeInput } from '../../graph-seed/schema.js';

const src = (quote: string) => [{ section: '测试夹具', quote }];

type NodeSpec = Omit<SeedNodeInput, 'sources'> & { sources?: SeedNodeInput['sources'] };
const node = (n: NodeSpec): SeedNodeInput => ({ sources: src(n.name), ...n });

const NODES: SeedNodeInput[] = [
  // Agencies
  node({ id: 'agency:pboc', label: 'Agency', name: '中国人民银行', nameEn: "People's Bank of China", aliases: ['央行', '人民银行', 'PBoC'],
    description: '中央银行，牵头互联网金融风险专项整治。', descriptionEn: 'The central bank; leads the special rectification of internet finance risks.' }),
  node({ id: 'agency:cbrc', label: 'Agency', name: '银监会', nameEn: 'China Banking Regulatory Commission', aliases: ['中国银监会', 'CBRC'],
    description: '监管银行业，负责网络借贷的监管。', descriptionEn: 'Supervises banking and online lending.' }),
  node({ id: 'agency:csrc', label: 'Agency', name: '证监会', nameEn: 'China Securities Regulatory Commission', aliases: ['CSRC'],
    description: '监管证券业和股权众筹。', descriptionEn: 'Supervises securities and equity crowdfunding.' }),
  node({ id: 'agency:circ', label: 'Agency', name: '中国保监会', nameEn: 'China Insurance Regulatory Commission', aliases: ['保监会', 'CIRC'],
    description: '监管保险业。', descriptionEn: 'Supervises the insurance industry.' }),
  node({ id: 'agency:guangzhou', label: 'Agency', name: '广州市', nameEn: 'Guangzhou Municipality', aliases: ['广州'],
    description: '地方政府，出台房地产调控措施。', descriptionEn: 'The city government; issued local property measures.' }),
  node({ id: 'agency:gz-association', label: 'Agency', name: '广州互联网金融协会', nameEn: 'Guangzhou Internet Finance Association', aliases: [],
    description: '行业自律组织。', descriptionEn: 'A self-regulatory body of the industry.' }),

  // Rules
  node({ id: 'rule:guideline-2015', label: 'Rule', name: '《关于促进互联网金融健康发展的指导意见》', nameEn: 'Guiding Opinions on Promoting the Healthy Development of Internet Finance',
    aliases: ['指导意见'], date: '2015-07-18', kind: 'guideline', issuerCount: 10,
    description: '十部委联合发布，确立互联网金融监管框架。', descriptionEn: 'Ten ministries set the regulatory framework for internet finance.' }),
  node({ id: 'rule:p2p-interim-measures-2016', label: 'Rule', name: '《网络借贷信息中介机构业务活动管理暂行办法》', nameEn: 'Interim Measures on Online Lending Information Intermediaries',
    aliases: ['网贷暂行办法'], date: '2016-08-24', kind: 'interim-measures',
    description: '规定网贷平台为信息中介，禁止设立资金池。', descriptionEn: 'Defines P2P platforms as information intermediaries; bans fund pools.' }),
  node({ id: 'rule:rectification-plan-2016', label: 'Rule', name: '《互联网金融风险专项整治工作实施方案》', nameEn: 'Implementation Plan for the Special Rectification of Internet Finance Risks',
    aliases: [], date: '2016-10-13', kind: 'rectification-plan',
    description: '整治互联网金融风险，包括房地产金融业务。', descriptionEn: 'Rectifies internet finance risks, real estate lending included.' }),
  node({ id: 'rule:equity-crowdfunding-plan-2016', label: 'Rule', name: '《股权众筹风险专项整治工作实施方案》', nameEn: 'Plan for the Rectification of Equity Crowdfunding Risks',
    aliases: [], date: '2016-10', kind: 'rectification-plan',
    description: '整治股权众筹平台的违规行为。', descriptionEn: 'Rectifies violations by equity crowdfunding platforms.' }),
  node({ id: 'rule:gz-down-payment-ban', label: 'Rule', name: '广州叫停首付贷', nameEn: 'Guangzhou halts down-payment loans',
    aliases: [], date: '2016', kind: 'local-measure',
    description: '广州叫停首付贷和众筹购房等场外配资。', descriptionEn: 'Guangzhou stops down payment loans and crowdfunded home buying.' }),
  node({ id: 'rule:gz-self-discipline', label: 'Rule', name: '广州互联网金融自律公约', nameEn: 'Guangzhou Internet Finance Self-discipline Pact',
    aliases: [], kind: 'notice',
    description: '协会成员承诺信息披露。', descriptionEn: 'Members commit to information disclosure.' }),

  // Segments
  node({ id: 'segment:internet-finance', label: 'Segment', name: '互联网金融', nameEn: 'Internet finance', aliases: [],
    description: '借助互联网开展的金融业务。', descriptionEn: 'Financial business conducted over the internet.' }),
  node({ id: 'segment:p2p', label: 'Segment', name: '网络借贷', nameEn: 'Online lending', aliases: ['P2P', '网贷', 'P2P网络借贷'],
    description: '个体之间通过网络平台的借贷。', descriptionEn: 'Peer-to-peer lending through online platforms.',
    figures: [{ metric: '成交额', metricEn: 'volume', value: 1627, unit: '亿元', year: '2016', region: '广州', sources: src('1627亿元') }] }),
  node({ id: 'segment:crowdfunding', label: 'Segment', name: '众筹', nameEn: 'Crowdfunding', aliases: [],
    description: '通过网络向公众筹集资金。', descriptionEn: 'Raising funds from the public online.' }),
  node({ id: 'segment:equity-crowdfunding', label: 'Segment', name: '股权众筹融资', nameEn: 'Equity crowdfunding', aliases: ['股权众筹'],
    description: '以股权换取资金的众筹。', descriptionEn: 'Crowdfunding in exchange for equity.' }),
  node({ id: 'segment:internet-insurance', label: 'Segment', name: '互联网保险', nameEn: 'Internet insurance', aliases: [],
    description: '通过互联网销售保险。', descriptionEn: 'Selling insurance online.' }),

  // Topics
  node({ id: 'topic:real-estate-finance', label: 'Topic', name: '房地产金融', nameEn: 'Real-estate finance', aliases: ['房地产信贷'],
    description: '与住房购买相关的融资。', descriptionEn: 'Financing related to buying homes.' }),
  node({ id: 'topic:down-payment-loan', label: 'Topic', name: '首付贷', nameEn: 'Down-payment loans', aliases: [],
    description: '为购房首付提供的贷款。', descriptionEn: 'Loans that pay the deposit on a home.' }),
  node({ id: 'topic:crowdfunding-house', label: 'Topic', name: '众筹购房', nameEn: 'Crowdfunded home buying', aliases: [],
    description: '以众筹方式购买房地产。', descriptionEn: 'Buying property through crowdfunding.' }),
  node({ id: 'topic:fund-pool', label: 'Topic', name: '资金池', nameEn: 'Fund pool', aliases: [],
    description: '平台归集出借人资金。', descriptionEn: 'A platform pooling lenders’ money.' }),
  node({ id: 'topic:bank-custody', label: 'Topic', name: '银行存管', nameEn: 'Bank custody', aliases: [],
    description: '客户资金由银行存管。', descriptionEn: 'Client money held by a bank.' }),
  node({ id: 'topic:info-disclosure', label: 'Topic', name: '信息披露', nameEn: 'Information disclosure', aliases: [],
    description: '向投资人披露信息。', descriptionEn: 'Disclosing information to investors.' }),

  // Technologies
  node({ id: 'technology:big-data', label: 'Technology', name: '大数据', nameEn: 'Big data', aliases: [],
    description: '用于信用评估。', descriptionEn: 'Used for credit scoring.' }),
  node({ id: 'technology:ai', label: 'Technology', name: '人工智能', nameEn: 'Artificial intelligence', aliases: ['AI'],
    description: '机器学习等技术。', descriptionEn: 'Machine learning and related techniques.' }),
  node({ id: 'technology:robo-advisor', label: 'Technology', name: '智能投顾', nameEn: 'Robo-advisory', aliases: [],
    description: '自动化的投资建议，也用于保险。', descriptionEn: 'Automated investment advice.' }),

  // Phases
  node({ id: 'phase:budding', label: 'Phase', name: '萌芽期', nameEn: 'Budding phase', aliases: [], startYear: 2005, endYear: 2012, order: 1,
    description: '网络借贷出现。', descriptionEn: 'Online lending appears.' }),
  node({ id: 'phase:growth', label: 'Phase', name: '成长期', nameEn: 'Growth phase', aliases: [], startYear: 2013, order: 2,
    description: '业态快速扩张。', descriptionEn: 'Segments expand fast.' }),
  node({ id: 'phase:regulation', label: 'Phase', name: '规范期', nameEn: 'Regulation phase', aliases: [], startYear: 2015, order: 3,
    description: '监管规则陆续出台。', descriptionEn: 'Rules arrive one after another.' }),

  // Events
  node({ id: 'event:state-council-2016', label: 'Event', name: '国务院常务会议', nameEn: 'State Council executive meeting', aliases: [], date: '2016-04-13',
    description: '部署互联网金融风险专项整治。', descriptionEn: 'Launched the special rectification.' }),
  node({ id: 'event:g20-hangzhou', label: 'Event', name: 'G20杭州峰会', nameEn: 'G20 Hangzhou summit', aliases: ['G20'], date: '2016-09',
    description: '讨论数字普惠金融。', descriptionEn: 'Discussed digital financial inclusion.' }),
];

type RelSpec = [type: string, source: string, target: string, properties?: Record<string, string | number | boolean>];

const RELATIONSHIPS: RelSpec[] = [
  ['ISSUED', 'agency:pboc', 'rule:guideline-2015', { role: 'lead' }],
  ['ISSUED', 'agency:cbrc', 'rule:guideline-2015', { role: 'co-issuer' }],
  ['ISSUED', 'agency:csrc', 'rule:guideline-2015', { role: 'co-issuer' }],
  ['ISSUED', 'agency:circ', 'rule:guideline-2015', { role: 'co-issuer' }],
  ['ISSUED', 'agency:cbrc', 'rule:p2p-interim-measures-2016', { role: 'lead' }],
  ['ISSUED', 'agency:pboc', 'rule:rectification-plan-2016', { role: 'lead' }],
  ['ISSUED', 'agency:csrc', 'rule:equity-crowdfunding-plan-2016', { role: 'lead' }],
  ['ISSUED', 'agency:guangzhou', 'rule:gz-down-payment-ban'],
  ['ISSUED', 'agency:gz-association', 'rule:gz-self-discipline'],

  ['REGULATES', 'rule:guideline-2015', 'segment:p2p'],
  ['REGULATES', 'rule:guideline-2015', 'segment:equity-crowdfunding'],
  ['REGULATES', 'rule:guideline-2015', 'segment:internet-insurance'],
  ['REGULATES', 'rule:p2p-interim-measures-2016', 'segment:p2p'],
  ['REGULATES', 'rule:rectification-plan-2016', 'segment:internet-finance'],
  ['REGULATES', 'rule:rectification-plan-2016', 'segment:crowdfunding'],
  ['REGULATES', 'rule:equity-crowdfunding-plan-2016', 'segment:equity-crowdfunding'],
  ['REGULATES', 'rule:gz-self-discipline', 'segment:internet-finance'],

  ['PROHIBITS', 'rule:p2p-interim-measures-2016', 'topic:fund-pool'],
  ['REQUIRES', 'rule:p2p-interim-measures-2016', 'topic:bank-custody'],
  ['REQUIRES', 'rule:p2p-interim-measures-2016', 'topic:info-disclosure'],
  // A second relationship between the same two nodes, for the relationship tie-break of paths.
  ['ADDRESSES', 'rule:p2p-interim-measures-2016', 'topic:info-disclosure'],
  ['ADDRESSES', 'rule:rectification-plan-2016', 'topic:real-estate-finance'],
  ['PROHIBITS', 'rule:gz-down-payment-ban', 'topic:down-payment-loan'],
  ['PROHIBITS', 'rule:gz-down-payment-ban', 'topic:crowdfunding-house'],
  ['ADDRESSES', 'rule:rectification-plan-2016', 'topic:down-payment-loan'],
  ['REQUIRES', 'rule:gz-self-discipline', 'topic:info-disclosure'],
  ['ADDRESSES', 'rule:equity-crowdfunding-plan-2016', 'topic:crowdfunding-house'],

  ['IMPLEMENTS', 'rule:p2p-interim-measures-2016', 'rule:guideline-2015'],
  ['IMPLEMENTS', 'rule:rectification-plan-2016', 'rule:guideline-2015'],

  ['PART_OF', 'topic:down-payment-loan', 'topic:real-estate-finance'],
  ['PART_OF', 'topic:crowdfunding-house', 'topic:real-estate-finance'],
  ['PART_OF', 'segment:p2p', 'segment:internet-finance'],
  ['PART_OF', 'segment:crowdfunding', 'segment:internet-finance'],
  ['PART_OF', 'segment:equity-crowdfunding', 'segment:crowdfunding'],
  ['PART_OF', 'segment:internet-insurance', 'segment:internet-finance'],
  ['PART_OF', 'agency:gz-association', 'agency:guangzhou'],
  ['PART_OF', 'technology:robo-advisor', 'technology:ai'],

  ['APPLIED_IN', 'technology:big-data', 'segment:p2p'],
  ['APPLIED_IN', 'technology:ai', 'segment:internet-insurance'],
  ['APPLIED_IN', 'technology:robo-advisor', 'segment:internet-insurance'],

  ['EMERGED_IN', 'segment:p2p', 'phase:budding'],
  ['EMERGED_IN', 'segment:equity-crowdfunding', 'phase:growth'],
  ['EMERGED_IN', 'segment:internet-insurance', 'phase:growth'],

  ['MARKS', 'rule:guideline-2015', 'phase:regulation'],
  ['MARKS', 'event:state-council-2016', 'phase:regulation'],
  ['PRECEDES', 'phase:budding', 'phase:growth'],
  ['PRECEDES', 'phase:growth', 'phase:regulation'],

  ['INVOLVED', 'event:state-council-2016', 'rule:rectification-plan-2016'],
  ['INVOLVED', 'event:g20-hangzhou', 'segment:internet-finance'],
  ['INVOLVED', 'event:g20-hangzhou', 'technology:big-data'],
];

/** The fixture as seed JSON text (what a seed file with these records would hold). */
export function fixtureSeedJson(): string {
  return JSON.stringify({
    nodes: NODES,
    relationships: RELATIONSHIPS.map(([type, source, target, properties]) => ({
      type,
      source,
      target,
      ...(properties ? { properties } : {}),
      sources: src(`${source} ${type} ${target}`),
    })),
  });
}

/** The fixture, validated by the project's seed validator (quote check off: no source text). */
export function fixtureGraph(): SeedGraph {
  const result = validateSeedFiles([{ path: 'fixture.json', text: fixtureSeedJson() }], undefined);
  if (!result.graph) {
    throw new Error(`the contract fixture does not validate:\n${result.issues.map((i) => JSON.stringify(i)).join('\n')}`);
  }
  return result.graph;
}
