/**
 * One dictionary per language; `t(key, vars)` fills `{name}` placeholders. Components
 * re-render on `onLangChange`, so switching language needs no reload.
 */
import { en, type Dictionary, type MessageKey } from './en';
import { zh } from './zh';
import type { Lang } from '../state/url-state';
import type { RelType } from '../graph/model';
import { REL_TYPES } from '../graph/model';

export type { MessageKey, Lang };
export const DICTIONARIES: Record<Lang, Dictionary> = { zh, en };

let current: Lang = 'zh';
const listeners = new Set<(l: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  if (l === current) return;
  current = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  for (const f of listeners) f(l);
}

export function onLangChange(f: (l: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return format(DICTIONARIES[lang][key], vars);
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(current, key, vars);
}

export function relNames(lang: Lang): Record<RelType, string> {
  return Object.fromEntries(REL_TYPES.map((r) => [r, DICTIONARIES[lang][`rel.${r}`]])) as Record<RelType, string>;
}

/** A node's display name in the current language, with the other language as a fallback. */
export function nodeName(n: { name: string; nameEn: string }, lang: Lang = current): string {
  return lang === 'en' ? n.nameEn || n.name : n.name || n.nameEn;
}

/** A bilingual text of the data (tour, quiz) in the current language. */
export function pick(text: { zh: string; en: string }, lang: Lang = current): string {
  return lang === 'en' ? text.en : text.zh;
}

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** A count in the current language's digits grouping (`12,345`). */
export function formatNumber(n: number, lang: Lang = current): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/**
 * An ISO date or prefix of one, as far as it goes: `2016-08-24` → `2016年8月24日` /
 * `24 Aug 2016`, `2016-08` → `2016年8月` / `Aug 2016`, `2016` → `2016年` / `2016`.
 * Read in UTC so the day never shifts with the browser's time zone.
 */
export function formatDate(date: string, lang: Lang = current): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || !Number.isInteger(y)) return date;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m !== undefined) options.month = lang === 'zh' ? 'long' : 'short';
  if (m !== undefined && d !== undefined) options.day = 'numeric';
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1)));
}
