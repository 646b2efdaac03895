/**
 * A brief: an answer written out so that it can leave the app and still be checked. One
 * language at a time; every fact carries the quote, the section it is in, and how firmly the
 * report supports it (stated, or read from the text: inferred, attributed).
 */
import type { ApiNode, ApiRelationship, Source } from '../stores/types.js';

export type BriefLang = 'zh' | 'en';
export type Evidence = 'stated' | 'inferred' | 'attributed';

export interface BriefFact {
  /** One sentence in the brief's language. */
  statement: string;
  evidence: Evidence;
  sources: Source[];
}

export interface BriefGroup {
  heading: string;
  facts: BriefFact[];
}

export interface Brief {
  lang: BriefLang;
  title: string;
  /** The question in words. */
  question: string;
  /** How the answer was derived (narrower segments or topics, the date). */
  derivation: string[];
  /** ISO date the answer holds as of, or null for the whole report. */
  asOf: string | null;
  /** A link that opens the same view in the explorer. */
  permalink: string;
  groups: BriefGroup[];
  reference: string;
}

export function evidenceOf(rel: ApiRelationship | undefined): Evidence {
  const e = rel?.properties['evidence'];
  return e === 'inferred' || e === 'attributed' ? e : 'stated';
}

/**
 * A name in the brief's language. In English a rule keeps its Chinese title in brackets:
 * that is how a reader finds it in the report. In Chinese the names are the report's own.
 */
export function nameIn(n: Pick<ApiNode, 'name' | 'nameEn' | 'label'>, lang: BriefLang): string {
  if (lang === 'zh') return n.label === 'Rule' && !n.name.startsWith('《') ? `《${n.name}》` : n.name;
  const en = n.nameEn || n.name;
  if (n.label !== 'Rule' || en === n.name) return en;
  return `${en} (${n.name.startsWith('《') ? n.name : `《${n.name}》`})`;
}

export const EVIDENCE_WORDS: Record<BriefLang, Record<Evidence, string>> = {
  zh: { stated: '报告明述', inferred: '据报告推断', attributed: '据报告归属' },
  en: { stated: 'stated in the report', inferred: 'inferred from the report', attributed: 'attributed by the report' },
};
