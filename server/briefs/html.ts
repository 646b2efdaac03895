/**
 * A brief as a print-ready HTML page (`format=html`): one self-contained document with a
 * print stylesheet, so the browser's "Save as PDF" gives a clean document. No scripts.
 */
import { EVIDENCE_WORDS, type Brief } from './model.js';

const LABELS = {
  zh: { question: '问题', asOf: '截至', whole: '报告全文（全部日期）', link: '链接', section: '出处', reference: '参考文献', brand: 'FinReg Atlas 金融监管图谱' },
  en: { question: 'Question', asOf: 'As of', whole: 'the whole report (every date)', link: 'Link', section: 'Section', reference: 'Reference', brand: 'FinReg Atlas' },
} as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1.2rem; line-height: 1.55; }
header .brand { color: #5a5a5a; font-size: 0.85rem; margin: 0; }
h1 { font-size: 1.5rem; margin: 0.2rem 0 0.8rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.derivation { border-left: 4px solid #0072b2; background: #f3f7fa; margin: 0 0 1.2rem; padding: 0.4rem 0.8rem; }
.derivation p { margin: 0.2rem 0; }
h2 { font-size: 1.1rem; border-bottom: 1px solid #d6d6d6; padding-bottom: 0.2rem; margin-top: 1.4rem; }
ol.facts { padding-left: 1.4rem; }
ol.facts > li { margin: 0.5rem 0; break-inside: avoid; }
.evidence { font-size: 0.8rem; color: #5a5a5a; border: 1px solid #8a8a8a; border-radius: 999px; padding: 0 0.4rem; margin-left: 0.3rem; white-space: nowrap; }
.evidence.inferred, .evidence.attributed { border-style: dashed; }
blockquote { margin: 0.25rem 0 0 0; padding: 0.1rem 0.7rem; border-left: 3px solid #d6d6d6; color: #333; }
blockquote footer { font-size: 0.85rem; color: #5a5a5a; }
footer.reference { margin-top: 2rem; border-top: 1px solid #d6d6d6; padding-top: 0.6rem; font-size: 0.85rem; }
a { color: #0b3d5c; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .derivation { background: none; }
  h2 { break-after: avoid; }
}`;

export function briefHtml(b: Brief): string {
  const L = LABELS[b.lang];
  const e = escapeHtml;
  const groups = b.groups
    .map(
      (g) => `<section><h2>${e(g.heading)}</h2><ol class="facts">${g.facts
        .map(
          (f) =>
            `<li><p>${e(f.statement)} <span class="evidence ${f.evidence}">${e(EVIDENCE_WORDS[b.lang][f.evidence])}</span></p>${f.sources
              .map((s) => `<blockquote><p>“${e(s.quote)}”</p><footer>${L.section}: ${e(s.section)}</footer></blockquote>`)
              .join('')}</li>`,
        )
        .join('')}</ol></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${b.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(b.title)} — ${L.brand}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><p class="brand">${L.brand}</p><h1>${e(b.title)}</h1></header>
<dl class="meta"><dt>${L.question}</dt><dd>${e(b.question)}</dd><dt>${L.asOf}</dt><dd>${e(b.asOf ?? L.whole)}</dd><dt>${L.link}</dt><dd><a href="${e(b.permalink)}">${e(b.permalink)}</a></dd></dl>
${b.derivation.length ? `<div class="derivation">${b.derivation.map((d) => `<p>${e(d)}</p>`).join('')}</div>` : ''}
${groups}
<footer class="reference"><strong>${L.reference}:</strong> ${e(b.reference)}</footer>
</main>
</body>
</html>
`;
}
