/**
 * Suggestions for the question box: question shapes in the user's language that fit what
 * was typed so far, and names completing the last word (through /api/search). Choosing a
 * shape puts its text in the box; choosing a name replaces the word being typed.
 */
import type { SearchHit } from '../../../server/stores/types';
import { api } from '../api/client';
import type { Lang } from '../state/url-state';

export interface Suggestion {
  /** The box's text after choosing this suggestion. */
  text: string;
  /** What the list shows. */
  shown: string;
  kind: 'shape' | 'entity';
  hit?: SearchHit;
}

/** Question shapes as users start them; `…` is where a name goes. */
const SHAPES: Record<Lang, readonly string[]> = {
  zh: ['谁监管…', '2016年9月谁在监管…', '哪些规定涉及…', '哪些规定禁止…', '…禁止什么', '…要求什么', '谁发布了…', '…是什么时候发布的', '…发布了哪些文件', '…和…有什么关系', '2016年8月到10月之间出台了什么', '萌芽期之后是什么阶段', '成长期出现了哪些业态', '报告怎么说…', '比较…和…'],
  en: ['who regulates …', 'who regulated … in September 2016', 'which rules touch …', 'what bans …', 'what does … require', 'who issued …', 'when was … issued', 'what did … issue in 2016', 'how is … related to …', 'what changed between August and October 2016', 'what comes after the emergence phase', 'which segments emerged in the growth phase', 'tell me about …', 'compare … and …'],
};

/** The word being typed at the end of the box: a Latin word (with the one before it) or a Chinese run. */
export function trailingFragment(text: string): string {
  const latin = /([A-Za-z0-9][A-Za-z0-9'-]*(?:\s+[A-Za-z0-9][A-Za-z0-9'-]*)?)$/.exec(text);
  if (latin) return latin[1]!;
  const cjk = /([\u3400-\u9fff]{1,6})$/.exec(text);
  return cjk ? cjk[1]! : '';
}

export function shapeSuggestions(text: string, lang: Lang, limit = 4): Suggestion[] {
  const typed = text.trim().toLowerCase();
  const fits = SHAPES[lang].filter((s) => typed === '' || s.toLowerCase().startsWith(typed) || s.toLowerCase().replace(/…/g, '').includes(typed));
  return fits.slice(0, limit).map((s) => ({ text: s.replace(/\s*…\s*$/, ' ').replace(/…/, ''), shown: s, kind: 'shape' }));
}

export async function entitySuggestions(text: string, lang: Lang, signal: AbortSignal, limit = 5): Promise<Suggestion[]> {
  let fragment = trailingFragment(text);
  if (fragment.length < 2) return [];
  let hits = (await api.search(fragment, { limit }, signal)).results;
  // "who regulates p2p": the last word alone may be the name.
  if (hits.length === 0 && /\s/.test(fragment)) {
    fragment = fragment.split(/\s+/).pop()!;
    hits = fragment.length >= 2 ? (await api.search(fragment, { limit }, signal)).results : [];
  }
  const head = text.slice(0, text.length - fragment.length);
  return hits.map((hit) => {
    const name = lang === 'en' ? hit.nameEn || hit.name : hit.name || hit.nameEn;
    return { text: `${head}${name}`, shown: name, kind: 'entity', hit };
  });
}
