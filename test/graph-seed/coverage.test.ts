/**
 * Coverage of the seed graph against the report: the rules, agencies, phases, segments,
 * topics, technologies and events that chapter 1, the preface, the Guangzhou article and
 * the table of contents name, and the relationships users rely on. The lists below come
 * from reading the source text, not from the seed files, so a dropped or renamed fact fails
 * here. Nodes are found by label and name (or alias), never by id, so an id change alone
 * does not break the test but a missing fact does.
 *
 * Reads `graph-seed/data/**.json` directly with the zod schema, independent of the
 * validator and loader.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedFileSchema, type NodeLabel, type RelType, type SeedNode, type SeedRelationship } from '../../graph-seed/schema.js';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../graph-seed/data');

function loadSeed(): { nodes: SeedNode[]; relationships: SeedRelationship[] } {
  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const files = readdirSync(DATA_DIR, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const parsed = seedFileSchema.safeParse(JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file} does not match the seed schema: ${parsed.error.message}`);
    nodes.push(...(parsed.data.nodes ?? []));
    relationships.push(...(parsed.data.relationships ?? []));
  }
  return { nodes, relationships };
}

const seed = loadSeed();
const byId = new Map(seed.nodes.map((n) => [n.id, n]));

/** Strip 《》 and spaces so `《股权众筹风险专项整治工作实施方案》` matches `股权众筹风险专项整治工作实施方案`. */
const norm = (s: string) => s.replace(/[《》\s]/gu, '');

/** Nodes of a label whose name or an alias contains the text. */
function find(label: NodeLabel, text: string): SeedNode[] {
  const needle = norm(text);
  return seed.nodes.filter((n) => n.label === label && [n.name, ...n.aliases].some((x) => norm(x).includes(needle)));
}

/** Exactly one node of the label whose name or alias equals (rules: contains) the text. */
function one(label: NodeLabel, text: string): SeedNode {
  const exact = seed.nodes.filter((n) => n.label === label && [n.name, ...n.aliases].some((x) => norm(x) === norm(text)));
  const hits = exact.length > 0 ? exact : find(label, text);
  if (hits.length !== 1) {
    throw new Error(`expected one ${label} named "${text}", found ${hits.length}: ${hits.map((h) => h.id).join(', ') || 'none'}`);
  }
  return hits[0]!;
}

const rels = (type: RelType, source?: string, target?: string) =>
  seed.relationships.filter((r) => r.type === type && (source === undefined || r.source === source) && (target === undefined || r.target === target));

/** Every node reachable from `id` along PART_OF (narrower → broader), `id` included. */
function broaderClosure(id: string): Set<string> {
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const r of rels('PART_OF', cur)) {
      if (!seen.has(r.target)) {
        seen.add(r.target);
        queue.push(r.target);
      }
    }
  }
  return seen;
}

describe('seed coverage: nodes the report names', () => {
  const RULES = [
    '关于促进互联网金融健康发展的指导意见',
    'G20数字普惠金融高级原则',
    '网络借贷信息中介机构业务活动管理暂行办法',
    '互联网金融风险专项整治工作实施方案',
    '非银行支付机构风险专项整治工作实施方案',
    'P2P网络借贷风险专项整治工作实施方案',
    '通过互联网开展资产管理及跨界从事金融业务风险专项整治工作实施方案',
    '股权众筹风险专项整治工作实施方案',
    '互联网保险风险专项整治工作实施方案',
    '叫停首付贷',
    '去杠杆行动计划',
    '购地企业资金来源核查',
  ];
  it.each(RULES)('rule %s', (name) => {
    expect(one('Rule', name).sources.length).toBeGreaterThan(0);
  });

  const AGENCIES = [
    '国务院',
    '国务院办公厅',
    '中国人民银行',
    '央行',
    '银监会',
    '证监会',
    '中国保监会',
    '保监会',
    '工业和信息化部',
    '公安部',
    '国家互联网信息办公室',
    '广州市',
    '广州互联网金融协会',
    'G20',
    '央行征信中心',
  ];
  it.each(AGENCIES)('agency %s', (name) => {
    expect(one('Agency', name)).toBeDefined();
  });

  const PHASES: [string, number | undefined, number | undefined][] = [
    ['酝酿期', undefined, 2004],
    ['萌芽期', 2005, 2012],
    ['成长期', 2013, undefined],
    ['规范期', 2015, undefined],
  ];
  it.each(PHASES)('phase %s with the years the text gives', (name, start, end) => {
    const p = one('Phase', name);
    expect(p.startYear).toBe(start);
    expect(p.endYear).toBe(end);
  });

  const SEGMENTS = [
    '互联网金融',
    '互联网支付',
    '第三方支付',
    '网络借贷',
    'P2P',
    '股权众筹融资',
    '众筹',
    '互联网基金销售',
    '互联网保险',
    '互联网信托',
    '互联网消费金融',
    '消费金融',
    '供应链金融',
    '农村金融',
    '网络理财',
    '场景金融',
    '互联网征信',
    '网银服务',
    '网上证券',
  ];
  it.each(SEGMENTS)('segment %s', (name) => {
    expect(one('Segment', name)).toBeDefined();
  });

  const TOPICS = [
    '房地产金融',
    '首付贷',
    '众筹购房',
    '信息中介',
    '吸存放贷',
    '银行存管',
    '自融自保',
    '期限错配',
    '期限拆分',
    '虚假宣传',
    '线下营销',
    '资金池',
    '信息披露',
    '客户备付金',
    '无证经营',
    '非法集资',
    '公开发行股票',
    '私募基金管理',
    '普惠金融',
    '监管空白',
  ];
  it.each(TOPICS)('topic %s', (name) => {
    expect(one('Topic', name)).toBeDefined();
  });

  const TECHNOLOGIES = ['大数据', '云计算', '区块链', '人工智能', '智能客服', '智能投顾', '金融科技'];
  it.each(TECHNOLOGIES)('technology %s', (name) => {
    expect(one('Technology', name)).toBeDefined();
  });

  it('events: the April 2016 State Council meeting and the G20 Hangzhou summit, with their dates', () => {
    expect(one('Event', '国务院联合十四部委召开会议').date).toBe('2016-04');
    expect(one('Event', 'G20杭州峰会').date).toBe('2016-09');
  });
});

describe('seed coverage: rules as Table 1-1 and chapter 1 give them', () => {
  const TABLE: [string, string, string, number | undefined][] = [
    ['网络借贷信息中介机构业务活动管理暂行办法', '2016-08-24', '银监会', undefined],
    ['《互联网金融风险专项整治工作实施方案》', '2016-10-13', '国务院办公厅', undefined],
    ['非银行支付机构风险专项整治工作实施方案', '2016-10-13', '中国人民银行', 14],
    ['P2P网络借贷风险专项整治工作实施方案', '2016-10-13', '银监会', 15],
    ['通过互联网开展资产管理及跨界从事金融业务风险专项整治工作实施方案', '2016-10-13', '中国人民银行', 17],
    ['股权众筹风险专项整治工作实施方案', '2016-10-13', '证监会', 15],
    ['互联网保险风险专项整治工作实施方案', '2016-10-13', '中国保监会', 14],
    ['关于促进互联网金融健康发展的指导意见', '2015-07', '中国人民银行', 10],
  ];
  it.each(TABLE)('%s: dated %s, led by %s, issuer count %s', (name, date, lead, count) => {
    const rule = one('Rule', name);
    expect(rule.date).toBe(date);
    expect(rule.issuerCount).toBe(count);
    const agency = one('Agency', lead);
    const issued = rels('ISSUED', agency.id, rule.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]!.properties.role).toBe('lead');
    // Exactly one lead per rule.
    expect(rels('ISSUED', undefined, rule.id).filter((r) => r.properties.role === 'lead')).toHaveLength(1);
  });

  it('the P2P interim measures: issued by 银监会 (lead) with three named co-issuers, regulating 网络借贷', () => {
    const rule = one('Rule', '网络借贷信息中介机构业务活动管理暂行办法');
    const issuers = rels('ISSUED', undefined, rule.id);
    const role = (name: string) => issuers.find((r) => r.source === one('Agency', name).id)?.properties.role;
    expect(role('银监会')).toBe('lead');
    for (const co of ['工业和信息化部', '公安部', '国家互联网信息办公室']) expect(role(co)).toBe('co-issuer');
    expect(issuers).toHaveLength(4);
    expect(rels('REGULATES', rule.id, one('Segment', '网络借贷').id)).toHaveLength(1);
  });

  it('the overall rectification plan implements the 2015 guideline', () => {
    const plan = one('Rule', '《互联网金融风险专项整治工作实施方案》');
    const guideline = one('Rule', '关于促进互联网金融健康发展的指导意见');
    expect(rels('IMPLEMENTS', plan.id, guideline.id)).toHaveLength(1);
  });

  it('each sector plan regulates its segment (payment, P2P, equity crowdfunding, insurance)', () => {
    const pairs: [string, string][] = [
      ['非银行支付机构风险专项整治工作实施方案', '第三方支付'],
      ['P2P网络借贷风险专项整治工作实施方案', '网络借贷'],
      ['股权众筹风险专项整治工作实施方案', '股权众筹融资'],
      ['互联网保险风险专项整治工作实施方案', '互联网保险'],
    ];
    for (const [rule, segment] of pairs) {
      expect(rels('REGULATES', one('Rule', rule).id, one('Segment', segment).id), `${rule} → ${segment}`).toHaveLength(1);
    }
  });
});

describe('seed coverage: what the rules say', () => {
  const realEstate = one('Topic', '房地产金融');

  it.each(['首付贷', '众筹购房'])('%s sits under 房地产金融 (PART_OF, directly or transitively)', (name) => {
    expect(broaderClosure(one('Topic', name).id).has(realEstate.id)).toBe(true);
  });

  it('房地产金融 is findable as real-estate lending', () => {
    const words = [realEstate.nameEn, ...realEstate.aliases].join(' ').toLowerCase();
    expect(words).toMatch(/real[- ]estate/);
    expect(realEstate.aliases).toContain('房地产');
  });

  it('at least one rule prohibits 首付贷, among them a P2P rule and the Guangzhou measure', () => {
    const prohibitors = rels('PROHIBITS', undefined, one('Topic', '首付贷').id).map((r) => r.source);
    expect(prohibitors).toContain(one('Rule', '网络借贷信息中介机构业务活动管理暂行办法').id);
    expect(prohibitors).toContain(one('Rule', '叫停首付贷').id);
    expect(prohibitors.every((id) => byId.get(id)?.label === 'Rule')).toBe(true);
  });

  it('the Guangzhou measure, issued by 广州市, prohibits 众筹购房', () => {
    const halt = one('Rule', '叫停首付贷');
    expect(rels('PROHIBITS', halt.id, one('Topic', '众筹购房').id)).toHaveLength(1);
    expect(rels('ISSUED', one('Agency', '广州市').id, halt.id)).toHaveLength(1);
  });

  const P2P_RULES = ['网络借贷信息中介机构业务活动管理暂行办法', 'P2P网络借贷风险专项整治工作实施方案'];
  const P2P_BANS = ['吸存放贷', '自融自保', '期限错配', '期限拆分', '虚假宣传', '线下营销', '房地产金融'];
  const P2P_NEEDS = ['信息中介', '银行存管'];
  it.each(P2P_RULES)('%s prohibits the P2P bans and requires the P2P duties of the policy section', (ruleName) => {
    const rule = one('Rule', ruleName);
    for (const t of P2P_BANS) expect(rels('PROHIBITS', rule.id, one('Topic', t).id), t).toHaveLength(1);
    for (const t of P2P_NEEDS) expect(rels('REQUIRES', rule.id, one('Topic', t).id), t).toHaveLength(1);
  });

  it('equity crowdfunding: no public share offerings, private funds or securities business; no real-estate finance', () => {
    const rule = one('Rule', '股权众筹风险专项整治工作实施方案');
    for (const t of ['公开发行股票', '私募基金管理', '证券经营', '房地产金融', '非法集资']) {
      expect(rels('PROHIBITS', rule.id, one('Topic', t).id), t).toHaveLength(1);
    }
  });

  it('internet insurance: cash pools banned, disclosure required', () => {
    const rule = one('Rule', '互联网保险风险专项整治工作实施方案');
    expect(rels('PROHIBITS', rule.id, one('Topic', '资金池').id)).toHaveLength(1);
    expect(rels('REQUIRES', rule.id, one('Topic', '信息披露').id)).toHaveLength(1);
  });

  it('payments: customer reserve funds required, unlicensed operation prohibited', () => {
    const rule = one('Rule', '非银行支付机构风险专项整治工作实施方案');
    expect(rels('REQUIRES', rule.id, one('Topic', '客户备付金').id)).toHaveLength(1);
    expect(rels('PROHIBITS', rule.id, one('Topic', '无证经营').id)).toHaveLength(1);
  });

  it('证监会 reaches 首付贷 through a rule it issued (question: how is A connected to B)', () => {
    const csrc = one('Agency', '证监会');
    const downPayment = one('Topic', '首付贷');
    const issued = rels('ISSUED', csrc.id).map((r) => r.target);
    const touching = seed.relationships.filter(
      (r) => ['PROHIBITS', 'REQUIRES', 'ADDRESSES'].includes(r.type) && issued.includes(r.source),
    );
    const reached = touching.some((r) => r.target === downPayment.id || broaderClosure(downPayment.id).has(r.target));
    expect(reached).toBe(true);
  });
});

describe('seed coverage: phases', () => {
  it('the four phases run 酝酿期 → 萌芽期 → 成长期 → 规范期 by PRECEDES and by order', () => {
    const names = ['酝酿期', '萌芽期', '成长期', '规范期'];
    const phases = names.map((n) => one('Phase', n));
    phases.forEach((p, i) => expect(p.order, p.name).toBe(i + 1));
    for (let i = 0; i + 1 < phases.length; i++) {
      expect(rels('PRECEDES', phases[i]!.id, phases[i + 1]!.id), `${names[i]} → ${names[i + 1]}`).toHaveLength(1);
    }
    expect(rels('PRECEDES')).toHaveLength(3);
  });

  it('规范期 is marked by the 2015 guideline (opening) and the overall plan (climax)', () => {
    const regulation = one('Phase', '规范期');
    const marks = rels('MARKS', undefined, regulation.id);
    const role = (rule: string) => marks.find((r) => r.source === one('Rule', rule).id)?.properties.role;
    expect(role('关于促进互联网金融健康发展的指导意见')).toBe('opening');
    expect(role('《互联网金融风险专项整治工作实施方案》')).toBe('climax');
  });

  it('third-party payment and P2P lending emerged in 萌芽期', () => {
    const emergence = one('Phase', '萌芽期');
    for (const s of ['第三方支付', '网络借贷']) expect(rels('EMERGED_IN', one('Segment', s).id, emergence.id), s).toHaveLength(1);
  });
});

describe('seed coverage: figures', () => {
  const figure = (segment: string, value: number, region: string) =>
    one('Segment', segment).figures.find((f) => f.value === value && f.region === region);

  it('Guangzhou P2P volume 1627亿元 in 2016, up 118%', () => {
    expect(figure('网络借贷', 1627, '广州')).toMatchObject({ unit: '亿元', year: '2016' });
    expect(figure('网络借贷', 118, '广州')).toMatchObject({ unit: '%', year: '2016' });
  });

  it('Guangzhou internet insurance income 49亿元, up 30%', () => {
    expect(figure('互联网保险', 49, '广州')).toMatchObject({ unit: '亿元', year: '2016' });
    expect(figure('互联网保险', 30, '广州')).toMatchObject({ unit: '%' });
  });

  it('national P2P volume 1058亿元 → 9823亿元 during the growth phase', () => {
    expect(figure('网络借贷', 1058, '全国')).toMatchObject({ unit: '亿元' });
    expect(figure('网络借贷', 9823, '全国')).toMatchObject({ unit: '亿元' });
  });
});

describe('seed coverage: every relationship joins existing nodes', () => {
  it('no dangling endpoint', () => {
    const dangling = seed.relationships.filter((r) => !byId.has(r.source) || !byId.has(r.target));
    expect(dangling.map((r) => `${r.source} -${r.type}-> ${r.target}`)).toEqual([]);
  });
});
