/**
 * Real regulatory vocabulary (Chinese with an English gloss) the synthetic generator
 * combines into names, descriptions and source sentences, so search benchmarks see text
 * shaped like the seed's: CJK names of 4-30 characters, shared words across many nodes,
 * English names and short aliases.
 */
import type { RULE_KINDS } from '../../graph-seed/schema.js';
export interface Word {
  zh: string;
  en: string;
  /** A short form for aliases (合成别名), when the word has a usual one. */
  short?: string;
}

export const REGIONS: readonly Word[] = [
  { zh: '全国', en: 'National', short: '全国' },
  { zh: '广州市', en: 'Guangzhou', short: '广州' },
  { zh: '深圳市', en: 'Shenzhen', short: '深圳' },
  { zh: '北京市', en: 'Beijing', short: '北京' },
  { zh: '上海市', en: 'Shanghai', short: '上海' },
  { zh: '天津市', en: 'Tianjin', short: '天津' },
  { zh: '重庆市', en: 'Chongqing', short: '重庆' },
  { zh: '杭州市', en: 'Hangzhou', short: '杭州' },
  { zh: '南京市', en: 'Nanjing', short: '南京' },
  { zh: '武汉市', en: 'Wuhan', short: '武汉' },
  { zh: '成都市', en: 'Chengdu', short: '成都' },
  { zh: '西安市', en: "Xi'an", short: '西安' },
  { zh: '广东省', en: 'Guangdong', short: '广东' },
  { zh: '浙江省', en: 'Zhejiang', short: '浙江' },
  { zh: '江苏省', en: 'Jiangsu', short: '江苏' },
  { zh: '福建省', en: 'Fujian', short: '福建' },
  { zh: '山东省', en: 'Shandong', short: '山东' },
  { zh: '湖北省', en: 'Hubei', short: '湖北' },
  { zh: '四川省', en: 'Sichuan', short: '四川' },
  { zh: '佛山市', en: 'Foshan', short: '佛山' },
  { zh: '东莞市', en: 'Dongguan', short: '东莞' },
  { zh: '珠海市', en: 'Zhuhai', short: '珠海' },
  { zh: '厦门市', en: 'Xiamen', short: '厦门' },
  { zh: '青岛市', en: 'Qingdao', short: '青岛' },
  { zh: '宁波市', en: 'Ningbo', short: '宁波' },
  { zh: '苏州市', en: 'Suzhou', short: '苏州' },
  { zh: '长沙市', en: 'Changsha', short: '长沙' },
  { zh: '郑州市', en: 'Zhengzhou', short: '郑州' },
  { zh: '合肥市', en: 'Hefei', short: '合肥' },
  { zh: '海南省', en: 'Hainan', short: '海南' },
];

export const AGENCY_KINDS: readonly Word[] = [
  { zh: '金融工作办公室', en: 'Financial Affairs Office', short: '金融办' },
  { zh: '银监局', en: 'Banking Regulatory Bureau', short: '银监局' },
  { zh: '证监局', en: 'Securities Regulatory Bureau', short: '证监局' },
  { zh: '保监局', en: 'Insurance Regulatory Bureau', short: '保监局' },
  { zh: '互联网金融协会', en: 'Internet Finance Association', short: '互金协会' },
  { zh: '人民银行分支机构', en: 'PBoC Branch', short: '人行' },
  { zh: '公安局经济犯罪侦查支队', en: 'Economic Crime Investigation Unit', short: '经侦' },
  { zh: '互联网信息办公室', en: 'Cyberspace Administration Office', short: '网信办' },
  { zh: '工商行政管理局', en: 'Administration for Industry and Commerce', short: '工商局' },
  { zh: '通信管理局', en: 'Communications Administration', short: '通管局' },
  { zh: '金融风险防控中心', en: 'Financial Risk Prevention Centre', short: '风控中心' },
];

export const SEGMENTS: readonly Word[] = [
  { zh: '互联网支付', en: 'internet payments' },
  { zh: '第三方支付', en: 'third-party payments' },
  { zh: '网络借贷', en: 'online lending', short: 'P2P' },
  { zh: '股权众筹融资', en: 'equity crowdfunding' },
  { zh: '互联网基金销售', en: 'online fund sales' },
  { zh: '互联网保险', en: 'internet insurance' },
  { zh: '互联网信托', en: 'internet trust' },
  { zh: '互联网消费金融', en: 'internet consumer finance' },
  { zh: '众筹', en: 'crowdfunding' },
  { zh: '网络理财', en: 'online wealth management' },
  { zh: '供应链金融', en: 'supply-chain finance' },
  { zh: '农村金融', en: 'rural finance' },
  { zh: '互联网资产管理', en: 'internet asset management' },
  { zh: '网络小额贷款', en: 'online microcredit' },
  { zh: '互联网银行', en: 'internet banking' },
  { zh: '移动支付', en: 'mobile payments' },
  { zh: '征信服务', en: 'credit reporting' },
  { zh: '金融信息服务', en: 'financial information services' },
];

export const SEGMENT_QUALIFIERS: readonly Word[] = [
  { zh: '', en: '' },
  { zh: '校园', en: 'campus' },
  { zh: '跨境', en: 'cross-border' },
  { zh: '小微企业', en: 'small-business' },
  { zh: '个人', en: 'personal' },
  { zh: '汽车', en: 'auto' },
  { zh: '房产', en: 'property' },
  { zh: '社区', en: 'community' },
  { zh: '移动端', en: 'mobile' },
  { zh: '县域', en: 'county' },
];

export const TOPICS: readonly Word[] = [
  { zh: '房地产金融', en: 'real-estate finance' },
  { zh: '首付贷', en: 'down-payment loans' },
  { zh: '众筹购房', en: 'crowdfunded home purchase' },
  { zh: '资金池', en: 'cash pools' },
  { zh: '自融自保', en: 'self-financing and self-guarantee' },
  { zh: '银行存管', en: 'bank custody' },
  { zh: '信息披露', en: 'information disclosure' },
  { zh: '客户备付金', en: 'customer reserve funds' },
  { zh: '无证经营', en: 'unlicensed operation' },
  { zh: '非法集资', en: 'illegal fundraising' },
  { zh: '风险准备金', en: 'risk reserves' },
  { zh: '反洗钱', en: 'anti-money laundering', short: 'AML' },
  { zh: '消费者权益保护', en: 'consumer protection' },
  { zh: '数据安全', en: 'data security' },
  { zh: '个人信息保护', en: 'personal data protection' },
  { zh: '现金贷', en: 'cash loans' },
  { zh: '高息揽储', en: 'high-interest deposit taking' },
  { zh: '期限错配', en: 'maturity mismatch' },
  { zh: '虚假宣传', en: 'false advertising' },
  { zh: '暴力催收', en: 'abusive debt collection' },
  { zh: '跨界经营', en: 'cross-sector operation' },
  { zh: '实名制', en: 'real-name registration' },
  { zh: '资金托管', en: 'fund escrow' },
  { zh: '备案登记', en: 'registration filing' },
  { zh: '风险评估', en: 'risk assessment' },
  { zh: '投资者适当性', en: 'investor suitability' },
  { zh: '信用评级', en: 'credit rating' },
  { zh: '利率上限', en: 'interest-rate caps' },
];

export const TECHNOLOGIES: readonly Word[] = [
  { zh: '大数据', en: 'big data' },
  { zh: '云计算', en: 'cloud computing' },
  { zh: '区块链', en: 'blockchain' },
  { zh: '人工智能', en: 'artificial intelligence', short: 'AI' },
  { zh: '智能投顾', en: 'robo-advice' },
  { zh: '智能客服', en: 'smart customer service' },
  { zh: '生物识别', en: 'biometrics' },
  { zh: '人脸识别', en: 'face recognition' },
  { zh: '物联网', en: 'internet of things', short: 'IoT' },
  { zh: '移动互联网', en: 'mobile internet' },
  { zh: '分布式账本', en: 'distributed ledger' },
  { zh: '机器学习', en: 'machine learning' },
  { zh: '知识图谱', en: 'knowledge graph' },
  { zh: '电子签名', en: 'e-signature' },
  { zh: '数字身份', en: 'digital identity' },
  { zh: '开放接口', en: 'open API', short: 'API' },
];

export const TECH_USES: readonly Word[] = [
  { zh: '', en: '' },
  { zh: '风控', en: 'risk control' },
  { zh: '征信', en: 'credit scoring' },
  { zh: '营销', en: 'marketing' },
  { zh: '反欺诈', en: 'anti-fraud' },
  { zh: '身份验证', en: 'identity verification' },
  { zh: '清算', en: 'clearing' },
  { zh: '监管科技', en: 'regtech' },
];

export const RULE_VERBS: readonly Word[] = [
  { zh: '规范', en: 'Regulating' },
  { zh: '促进', en: 'Promoting' },
  { zh: '加强', en: 'Strengthening' },
  { zh: '整治', en: 'Rectifying' },
  { zh: '防范', en: 'Preventing Risks in' },
  { zh: '推进', en: 'Advancing' },
];

/** One wording per `RULE_KINDS` entry, in the schema's order. */
export const RULE_KIND_WORDS: ReadonlyArray<Word & { kind: (typeof RULE_KINDS)[number] }> = [
  { kind: 'guideline', zh: '指导意见', en: 'Guideline' },
  { kind: 'interim-measures', zh: '暂行办法', en: 'Interim Measures' },
  { kind: 'rectification-plan', zh: '专项整治工作实施方案', en: 'Rectification Plan' },
  { kind: 'principles', zh: '高级原则', en: 'High-Level Principles' },
  { kind: 'local-measure', zh: '实施细则', en: 'Implementing Rules' },
  { kind: 'notice', zh: '通知', en: 'Notice' },
  { kind: 'plan', zh: '发展规划', en: 'Development Plan' },
  { kind: 'law', zh: '管理条例', en: 'Regulations' },
];

export const EVENT_KINDS: readonly Word[] = [
  { zh: '互联网金融风险专项整治工作会议', en: 'meeting on the special rectification of internet-finance risks' },
  { zh: '金融工作会议', en: 'financial work conference' },
  { zh: '互联网金融论坛', en: 'internet finance forum' },
  { zh: '网络借贷平台风险事件', en: 'online-lending platform risk incident' },
  { zh: '非法集资案件通报会', en: 'briefing on illegal-fundraising cases' },
  { zh: '金融科技峰会', en: 'fintech summit' },
  { zh: '监管座谈会', en: 'regulatory symposium' },
  { zh: '金融消费者权益保护宣传周', en: 'financial consumer protection week' },
];

export const PHASES: readonly Word[] = [
  { zh: '酝酿期', en: 'gestation phase' },
  { zh: '萌芽期', en: 'emergence phase' },
  { zh: '成长期', en: 'growth phase' },
  { zh: '规范期', en: 'regulation phase' },
];

export const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** A Chinese ordinal for small numbers (1-99): 三, 十二, 四十五. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
  }
  return String(n);
}
