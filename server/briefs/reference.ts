/**
 * The bibliographic reference of the report every brief cites (from the source document's
 * own description: publisher, date, ISBN).
 */
export const REPORT_REFERENCE = {
  zh: '广州互联网金融协会、广东金融学院互联网金融研究中心：《2016广州互联网金融发展报告》，羊城晚报出版社，2017年6月，ISBN 978-7-5543-0438-9。摘录：前言、序言、目录及第一章。',
  en: 'Guangzhou Internet Finance Association and the Internet Finance Research Center of Guangdong University of Finance, 2016 Guangzhou Internet Finance Development Report (《2016广州互联网金融发展报告》), Guangzhou: Yangcheng Evening News Press, June 2017, ISBN 978-7-5543-0438-9. Excerpt: front matter, preface, table of contents and chapter 1.',
} as const;
