import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { zh } from '../../client/src/i18n/zh';
import { format, formatDate, formatNumber } from '../../client/src/i18n/index';
import { LABEL_NAMES, NODE_LABELS, REL_TYPES as SCHEMA_REL_TYPES, RULE_KINDS } from '../../graph-seed/schema';
import { LABELS, REL_TYPES } from '../../client/src/graph/model';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('zh and en have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('no value is empty', () => {
    for (const [lang, dict] of Object.entries({ zh, en })) {
      for (const [k, v] of Object.entries(dict)) expect(v.trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it('placeholders match between languages', () => {
    for (const k of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
    }
  });

  it('covers every label, relationship type (both directions) and rule kind of the schema', () => {
    for (const l of NODE_LABELS) expect(en).toHaveProperty(`label.${l}`);
    for (const r of SCHEMA_REL_TYPES) {
      expect(en).toHaveProperty(`rel.${r}`);
      expect(en).toHaveProperty(`relIn.${r}`);
    }
    for (const k of RULE_KINDS) expect(en).toHaveProperty(`kind.${k}`);
  });

  it('label names agree with the schema display names', () => {
    for (const l of NODE_LABELS) {
      expect(zh[`label.${l}`]).toBe(LABEL_NAMES[l].zh);
      expect(en[`label.${l}`]).toBe(LABEL_NAMES[l].en);
    }
  });

  it("the client's label and type lists equal the schema's", () => {
    expect([...LABELS]).toEqual([...NODE_LABELS]);
    expect([...REL_TYPES]).toEqual([...SCHEMA_REL_TYPES]);
  });

  it('format fills placeholders and leaves unknown ones', () => {
    expect(format('{n} of {m}', { n: 3 })).toBe('3 of {m}');
  });
});

describe('dates and numbers through Intl', () => {
  it('formats a full date, a month and a year in each language', () => {
    expect(['2016-08-24', '2016-08', '2016'].map((d) => formatDate(d, 'zh'))).toEqual(['2016年8月24日', '2016年8月', '2016年']);
    expect(['2016-08-24', '2016-08', '2016'].map((d) => formatDate(d, 'en'))).toEqual(['24 Aug 2016', 'Aug 2016', '2016']);
  });

  it('groups digits', () => {
    expect(formatNumber(253000, 'en')).toBe('253,000');
    expect(formatNumber(253000, 'zh')).toBe('253,000');
  });
});
