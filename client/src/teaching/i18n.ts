/**
 * The teaching features' strings, kept in their own dictionaries beside the explorer's.
 * The language is the explorer's (`getLang`), so one switch changes both.
 */
import { format, getLang } from '../i18n/index';
import { teachEn, type TeachDictionary, type TeachKey } from './i18n-en';
import { teachZh } from './i18n-zh';

export type { TeachKey };
export const TEACH_DICTIONARIES: Record<'zh' | 'en', TeachDictionary> = { zh: teachZh, en: teachEn };

export function tt(key: TeachKey, vars?: Record<string, string | number>): string {
  return format(TEACH_DICTIONARIES[getLang()][key], vars);
}

/** A bilingual text in the current language. */
export function pick(text: { zh: string; en: string }): string {
  return getLang() === 'en' ? text.en : text.zh;
}

/** `2016-08-24` → `2016年8月24日` / `24 Aug 2016`; year-only and month-only dates too. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (getLang() === 'zh') return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return d ? `${Number(d)} ${months[Number(m) - 1]} ${y}` : m ? `${months[Number(m) - 1]} ${y}` : y!;
}

/** The label of the shell's tab that holds the teaching panel. */
export function teachTabLabel(): string {
  return tt('teach.tab');
}
