/**
 * How a fact rests on the report, shown beside it wherever it appears (details, answers,
 * the list view): a small badge for the evidence level and the fact's qualifier, if any.
 * The levels and the qualifier format are defined once, in `graph-seed/vocabulary.ts`.
 */
import { conditionOf, evidenceOf, type EvidenceLevel } from '../../../graph-seed/vocabulary';
import { getLang, t } from '../i18n/index';
import { h } from './dom';

export { evidenceOf };

/** The badge of a level; a stated fact gets one too, so its absence never reads as "unknown". */
export function evidenceBadge(level: EvidenceLevel, note?: unknown): HTMLElement {
  const title = t(`evidence.${level}Title`) + (typeof note === 'string' && note ? ` ${note}` : '');
  return h('span', { class: `evidence evidence-${level}`, 'data-evidence': level, title }, t(`evidence.${level}`));
}

/** The badge and the qualifier of a relationship's (or a figure's) properties. */
export function evidenceMarks(props: Record<string, unknown> | undefined): HTMLElement[] {
  const out = [evidenceBadge(evidenceOf(props), props?.['note'])];
  const q = conditionOf(props);
  if (q) out.push(h('span', { class: 'qualifier' }, t('evidence.qualifier', { q: getLang() === 'en' ? q.en : q.zh })));
  return out;
}
