/** The teaching dictionaries: same keys in both languages, nothing empty, same placeholders, every key used. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teachEn } from '../../client/src/teaching/i18n-en';
import { teachZh } from '../../client/src/teaching/i18n-zh';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('teaching i18n dictionaries', () => {
  it('zh and en have the same keys', () => {
    expect(Object.keys(teachZh).sort()).toEqual(Object.keys(teachEn).sort());
  });

  it('no value is empty, and Chinese values are not English left untranslated', () => {
    for (const [lang, dict] of Object.entries({ zh: teachZh, en: teachEn })) {
      for (const [k, v] of Object.entries(dict)) expect(v.trim(), `${lang}:${k}`).not.toBe('');
    }
    const same = Object.keys(teachEn).filter((k) => teachZh[k as keyof typeof teachEn] === teachEn[k as keyof typeof teachEn]);
    expect(same).toEqual([]);
  });

  it('placeholders match between languages', () => {
    for (const k of Object.keys(teachEn) as Array<keyof typeof teachEn>) expect(placeholders(teachZh[k]), k).toEqual(placeholders(teachEn[k]));
  });

  it('every key is used by a teaching module, and every key used exists', () => {
    const dir = join(__dirname, '../../client/src/teaching');
    const code = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('i18n-'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const used = new Set([...code.matchAll(/'((?:teach|tour|time|changes|matrix|quiz)\.[\w.]+)'/g)].map((m) => m[1]!));
    for (const k of Object.keys(teachEn)) expect(used.has(k), `unused key ${k}`).toBe(true);
    for (const k of used) expect(Object.keys(teachEn), `missing key ${k}`).toContain(k);
  });
});
