/**
 * A reading said as a sentence in the user's language, cut into pieces: plain words, and
 * chips for each parameter (an entity, a date, a choice) that the client lets the user
 * change. The client draws the pieces as they come, so the wording lives here only.
 */
import type { NodeLabel } from '../stores/types.js';
import type { LexNode } from './lexicon.js';
import { ISSUER_ASPECTS, KIND_PARAMS, PHASE_ASPECTS, RELATIONS, type AskKind, type AskParam, type AskParams } from './types.js';

export type Lang = 'zh' | 'en';

export interface SentencePiece {
  text: string;
  /** Set on a chip: the parameter it shows. */
  param?: AskParam;
  /** Entity chips: the label a replacement must have (absent: any label). */
  label?: NodeLabel;
  /** Date chips: the kind of value. */
  type?: 'node' | 'date' | 'choice';
  /** The parameter's value (a node id, an ISO date, a choice); absent on an empty optional chip. */
  value?: string;
  /** Choice chips: every value and how it reads. */
  options?: Array<{ value: string; text: string }>;
}

type Words = Record<Lang, string>;
const RELATION_TEXT: Record<string, Words> = {
  PROHIBITS: { zh: '禁止', en: 'prohibit' },
  REQUIRES: { zh: '要求', en: 'require' },
  ADDRESSES: { zh: '涉及', en: 'address' },
  '': { zh: '涉及', en: 'touch' },
};
const RULE_SAYS_TEXT: Record<string, Words> = {
  PROHIBITS: { zh: '禁止什么', en: 'prohibits' },
  REQUIRES: { zh: '要求什么', en: 'requires' },
  ADDRESSES: { zh: '涉及什么', en: 'addresses' },
  '': { zh: '说了什么', en: 'says' },
};
const ISSUER_TEXT: Record<string, Words> = {
  who: { zh: '由谁发布', en: 'Issuers of' },
  when: { zh: '何时发布', en: 'Issue date of' },
  count: { zh: '由几个机构发布', en: 'Number of issuers of' },
};
const PHASE_TEXT: Record<string, Words> = {
  next: { zh: '之后的阶段', en: 'The phase after' },
  previous: { zh: '之前的阶段', en: 'The phase before' },
  start: { zh: '的起始', en: 'The start of' },
  segments: { zh: '兴起的业态', en: 'Segments that emerged in' },
  rules: { zh: '的标志性规定', en: 'Rules that mark' },
  list: { zh: '全部发展阶段', en: 'All development phases' },
};
const EMPTY_DATE: Words = { zh: '不限日期', en: 'any date' };

export function sentenceOf(kind: AskKind, params: AskParams, lang: Lang, nodes: ReadonlyMap<string, LexNode>): SentencePiece[] {
  const spec = KIND_PARAMS[kind];
  const w = (words: Words): SentencePiece => ({ text: words[lang] });
  const t = (zh: string, en: string): SentencePiece => ({ text: lang === 'zh' ? zh : en });
  const node = (param: AskParam): SentencePiece => {
    const id = params[param];
    const n = id ? nodes.get(id) : undefined;
    const label = spec[param]?.type;
    return {
      text: n ? (lang === 'zh' ? n.name : n.nameEn) : (id ?? '…'),
      param,
      type: 'node',
      ...(typeof label === 'string' && label !== 'date' ? { label: label as NodeLabel } : {}),
      ...(id ? { value: id } : {}),
    };
  };
  const date = (param: AskParam, zh: string, en: string): SentencePiece[] => {
    const value = params[param];
    return [t(` · ${zh}`, ` · ${en} `), { text: value ?? EMPTY_DATE[lang], param, type: 'date', ...(value ? { value } : {}) }];
  };
  const choice = (param: AskParam, table: Record<string, Words>, values: readonly string[], optional: boolean): SentencePiece => {
    const value = params[param] ?? '';
    const options = [...(optional ? [''] : []), ...values].map((v) => ({ value: v, text: table[v]![lang] }));
    return { text: table[value]![lang], param, type: 'choice', ...(value ? { value } : {}), options };
  };

  switch (kind) {
    case 'regulators':
      return lang === 'zh'
        ? [node('segment'), t('的监管机构', ''), ...date('asOf', '截至', 'as of')]
        : [t('', 'Regulators of '), node('segment'), ...date('asOf', '截至', 'as of')];
    case 'rules':
      return lang === 'zh'
        ? [choice('relation', RELATION_TEXT, RELATIONS, true), node('topic'), t('的规定', ''), ...date('asOf', '截至', 'as of')]
        : [t('', 'Rules that '), choice('relation', RELATION_TEXT, RELATIONS, true), t('', ' '), node('topic'), ...date('asOf', '截至', 'as of')];
    case 'ruleSays':
      return lang === 'zh'
        ? [node('rule'), choice('relation', RULE_SAYS_TEXT, RELATIONS, true)]
        : [t('', 'What '), node('rule'), t('', ' '), choice('relation', RULE_SAYS_TEXT, RELATIONS, true)];
    case 'issuers':
      return lang === 'zh' ? [node('rule'), choice('aspect', ISSUER_TEXT, ISSUER_ASPECTS, false)] : [choice('aspect', ISSUER_TEXT, ISSUER_ASPECTS, false), t('', ' '), node('rule')];
    case 'issued':
      return [...(lang === 'zh' ? [node('agency'), t('发布的规定', '')] : [t('', 'Rules issued by '), node('agency')]), ...date('from', '从', 'from'), ...date('to', '至', 'to')];
    case 'path':
      return lang === 'zh' ? [node('a'), t('与', ''), node('b'), t('的联系', '')] : [t('', 'How '), node('a'), t('', ' is connected to '), node('b')];
    case 'changes':
      return [t('新出台的规定和事件', 'What was issued'), ...date('from', '从', 'from'), ...date('to', '至', 'to')];
    case 'phase':
      if (!params.phase) return [w(PHASE_TEXT['list']!)];
      return lang === 'zh'
        ? [node('phase'), choice('aspect', PHASE_TEXT, PHASE_ASPECTS.filter((a) => a !== 'list'), false)]
        : [choice('aspect', PHASE_TEXT, PHASE_ASPECTS.filter((a) => a !== 'list'), false), t('', ' the '), node('phase')];
    case 'about':
      return [t('报告关于', 'What the report says about '), node('node')];
    case 'compare':
      return lang === 'zh' ? [t('比较', ''), node('a'), t('与', ''), node('b')] : [t('', 'Compare '), node('a'), t('', ' with '), node('b')];
  }
}

/** The sentence as plain text (logs, tests, screen readers). */
export const sentenceText = (pieces: readonly SentencePiece[]): string => pieces.map((p) => p.text).join('');
