/**
 * English labels of the report's headings, so a reader with an English interface can find
 * their way through Chinese text. Our own translations, keyed by the heading as the outline
 * gives it (`graph-seed/quote-places-outline.ts`); a heading without one shows in Chinese.
 */
const LABELS: Record<string, string> = {
  '序 言': 'Preface',
  '做好新时期金融工作的根本遵循 ——深入学习贯彻习近平同志关于金融发展的重要论述': 'The fundamental guide to financial work in the new era (Guangzhou article)',
  '习近平同志关于金融发展的重要论述具有丰富思想内涵': 'The content of Xi Jinping’s statements on financial development',
  '深入贯彻落实习近平同志关于金融发展的重要论述，推动金融工作创新发展': 'Putting the statements into practice: innovation in financial work',
  'Contents 目录': 'Contents',
  '编委会': 'Editorial board',
  '图书在版编目 (C I P ) 数据': 'Cataloguing in publication data',
  '第一章 全国互联网金融发展': 'Chapter 1. Internet finance in China',
  '一、全国互联网金融机构发展': '1. National internet-finance institutions',
  '图1-1 中国互联网金融发展历程': 'Figure 1-1. The development of internet finance in China (not in the excerpt)',
  '二、全国互联网金融政策发展': '2. National internet-finance policy',
  '表1-1 2016年全国性互联网金融监管相关文件': 'Table 1-1. National internet-finance regulatory documents of 2016',
  '三、全国互联网金融创新发展': '3. National internet-finance innovation',
  '第二章 广州互联网金融发展': 'Chapter 2. Internet finance in Guangzhou (not in the excerpt)',
};

export function headingLabelEn(title: string): string | undefined {
  return LABELS[title];
}
