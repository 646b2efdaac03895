/**
 * The report reader's strings (and the "Read in context" of every citation), both
 * languages in one small dictionary beside the explorer's. The language is the explorer's.
 */
import { format, getLang } from '../i18n/index';

const reportEn = {
  'report.tab': 'Report',
  'report.heading': 'The report',
  'report.loading': 'Loading the report…',
  'report.error': 'The report could not be loaded: {message}',
  'report.retry': 'Retry',
  'report.contents': 'Contents',
  'report.readInContext': 'Read in context',
  'report.readInContextLabel': 'Read “{quote}” in the report, in context',
  'report.notInstalled': 'The full text of the report is not installed on this server, so only the cited passages are shown, in document order under their headings.',
  'report.install': 'To read the whole text: put a copy at {dropIn} (or set SEED_SOURCE to its path) and restart the server. The README, “The report text”, says where to get it.',
  'report.passage': 'This passage',
  'report.factsOfPassage': 'Facts resting on this passage ({n})',
  'report.noFacts': 'No fact of the graph cites this passage (only a tour does).',
  'report.toursOfPassage': 'Tour steps citing it: {steps}',
  'report.problem.crosses-cell': 'joins two cells of a table',
  'report.problem.crosses-heading': 'runs across a heading',
  'report.problem.section-mismatch': 'cited under another section',
  'report.problem.ambiguous': 'occurs more than once here',
  'report.close': 'Close the passage',
  'report.copyLink': 'Link to this passage',
  'report.sectionFacts': 'What the graph says about this section',
  'report.sectionFactsHeading': 'What the graph says about “{section}” ({n} facts)',
  'report.sectionNoFacts': 'No fact of the graph cites this section.',
  'report.gaps': 'Passages of chapter 1 that no fact cites',
  'report.gapsIntro': '{n} sentences or table cells of chapter 1 are cited by no fact of the graph: a curator’s list of what the graph may still miss.',
  'report.gapsNeedText': 'The gap list needs the full text on the server.',
  'report.fact.figure': 'Figure',
  'report.fact.relationship': 'Relationship',
  'report.notFound': 'This quote has no place in the report (run npm run seed:places).',
} as const;

type ReportKey = keyof typeof reportEn;

const reportZh: Record<ReportKey, string> = {
  'report.tab': '报告',
  'report.heading': '报告原文',
  'report.loading': '正在载入报告…',
  'report.error': '无法载入报告：{message}',
  'report.retry': '重试',
  'report.contents': '目录',
  'report.readInContext': '查看原文上下文',
  'report.readInContextLabel': '在报告原文中查看“{quote}”及其上下文',
  'report.notInstalled': '本服务器未安装报告全文，因此只按文中顺序、在各自标题下列出被引用的段落。',
  'report.install': '如需阅读全文：将报告副本放在 {dropIn}（或用 SEED_SOURCE 指定其路径）并重启服务器。来源见 README 的“The report text”一节。',
  'report.passage': '本段引文',
  'report.factsOfPassage': '以本段为依据的事实（{n}）',
  'report.noFacts': '图谱中没有事实引用本段（仅有导览引用）。',
  'report.toursOfPassage': '引用本段的导览步骤：{steps}',
  'report.problem.crosses-cell': '跨越了表格的两个单元格',
  'report.problem.crosses-heading': '跨越了标题',
  'report.problem.section-mismatch': '所注章节与原文位置不符',
  'report.problem.ambiguous': '在本节出现不止一次',
  'report.close': '关闭本段',
  'report.copyLink': '本段链接',
  'report.sectionFacts': '图谱关于本节说了什么',
  'report.sectionFactsHeading': '图谱关于“{section}”的事实（{n}）',
  'report.sectionNoFacts': '图谱中没有事实引用本节。',
  'report.gaps': '第一章中未被任何事实引用的段落',
  'report.gapsIntro': '第一章有 {n} 个句子或表格单元格未被图谱中的任何事实引用：供编者查漏补缺。',
  'report.gapsNeedText': '空缺清单需要服务器安装报告全文。',
  'report.fact.figure': '数据',
  'report.fact.relationship': '关系',
  'report.notFound': '该引文在报告中没有定位（请运行 npm run seed:places）。',
};

export const REPORT_DICTIONARIES: Record<'zh' | 'en', Record<ReportKey, string>> = { zh: reportZh, en: reportEn };
export type { ReportKey };

export function rt(key: ReportKey, vars?: Record<string, string | number>): string {
  return format(REPORT_DICTIONARIES[getLang()][key], vars);
}
