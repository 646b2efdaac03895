/** A brief as Markdown: what "Copy with citations" puts on the clipboard and `format=md` returns. */
import { EVIDENCE_WORDS, type Brief } from './model.js';

const LABELS = {
  zh: { question: '问题', asOf: '截至', whole: '报告全文（全部日期）', link: '链接', section: '出处', evidence: '证据', reference: '参考文献' },
  en: { question: 'Question', asOf: 'As of', whole: 'the whole report (every date)', link: 'Link', section: 'Section', evidence: 'Evidence', reference: 'Reference' },
} as const;

/** Quotes are the report's words; only characters Markdown would read as syntax at a line start are escaped. */
const md = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');

export function briefMarkdown(b: Brief): string {
  const L = LABELS[b.lang];
  const out: string[] = [`# ${md(b.title)}`, '', `**${L.question}:** ${md(b.question)}  `, `**${L.asOf}:** ${b.asOf ?? L.whole}  `, `**${L.link}:** <${b.permalink}>`, ''];
  for (const line of b.derivation) out.push(`> ${md(line)}`);
  if (b.derivation.length) out.push('');
  for (const g of b.groups) {
    out.push(`## ${md(g.heading)}`, '');
    for (const f of g.facts) {
      out.push(`- ${md(f.statement)} *(${EVIDENCE_WORDS[b.lang][f.evidence]})*`);
      for (const s of f.sources) out.push(`  - “${md(s.quote)}” — ${L.section}: ${md(s.section)}`);
    }
    out.push('');
  }
  out.push('---', '', `${L.reference}: ${md(b.reference)}`, '');
  return out.join('\n');
}
