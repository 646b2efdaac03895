/**
 * The teaching views' strings (in the one dictionary per language): same keys in both
 * languages, nothing empty, same placeholders, every key used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { zh } from '../../client/src/i18n/zh';

const TEACHING = /^(?:teach|tour|time|changes|matrix|quiz)\./;
const teachingPart = (dict: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(dict).filter(([k]) => TEACHING.test(k)));
const teachEn = teachingPart(en);
const teachZh = teachingPart(zh);

/** The client's modules, but the dictionaries. */
function clientCode(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'i18n' ? [] : clientCode(p);
    return f.endsWith('.ts') ? [readFileSync(p, 'utf8')] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('teaching i18n dictionaries', () => {
  it('zh and en have the same keys', () => {
    expect(Object.keys(teachZh).sort()).toEqual(Object.keys(teachEn).sort());
  });

  it('no value is empty, and Chinese values are not English left untranslated', () => {
    for (const [lang, dict] of Object.entries({ zh: teachZh, en: teachEn })) {
      for (const [k, v] of Object.entries(dict)) expect(v.trim(), `${lang}:${k}`).not.toBe('');
    }
    const same = Object.keys(teachEn).filter((k) => teachZh[k] === teachEn[k]);
    expect(same).toEqual([]);
  });

  it('placeholders match between languages', () => {
    for (const k of Object.keys(teachEn)) expect(placeholders(teachZh[k]!), k).toEqual(placeholders(teachEn[k]!));
  });

  it('every key is used by a module of the client, and every key used exists', () => {
    expect(Object.keys(teachEn).length).toBeGreaterThan(60);
    const code = clientCode(join(__dirname, '../../client/src')).join('\n');
    const used = new Set([...code.matchAll(/'((?:teach|tour|time|changes|matrix|quiz)\.[\w.]+)'/g)].map((m) => m[1]!));
    for (const k of Object.keys(teachEn)) expect(used.has(k), `unused key ${k}`).toBe(true);
    for (const k of used) expect(Object.keys(teachEn), `missing key ${k}`).toContain(k);
  });
});
