import { describe, expect, it } from 'vitest';
import { parseUrlState, writeUrlState } from '../../client/src/state/url-state';
import { ANSWER_DICTIONARIES } from '../../client/src/ui/answer-i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('comparison links', () => {
  it('round-trip two nodes and two dates, readable', () => {
    const s = parseUrlState('?compare=segment:p2p-lending,segment:equity-crowdfunding&compareAt=2016-01,2016-12');
    expect(s.compare).toEqual({ a: 'segment:p2p-lending', b: 'segment:equity-crowdfunding', asOfA: '2016-01', asOfB: '2016-12' });
    expect(writeUrlState(s)).toBe('?compare=segment:p2p-lending,segment:equity-crowdfunding&compareAt=2016-01,2016-12');
  });

  it('keep a comparison still being picked (no second node), and drop bad values', () => {
    expect(parseUrlState('?compare=agency:cbrc').compare).toEqual({ a: 'agency:cbrc', b: '', asOfA: null, asOfB: null });
    expect(parseUrlState('?compare=agency:cbrc,Bad Id').compare).toBeUndefined();
    expect(parseUrlState('?compare=agency:cbrc,agency:csrc&compareAt=2016-13,x').compare).toEqual({ a: 'agency:cbrc', b: 'agency:csrc', asOfA: null, asOfB: null });
    expect(writeUrlState(parseUrlState('?compare=agency:cbrc,agency:csrc&compareAt=,2016-07'))).toBe('?compare=agency:cbrc,agency:csrc&compareAt=,2016-07');
  });
});

describe('answer, brief and comparison strings', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    const { en, zh } = ANSWER_DICTIONARIES;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
      expect(zh[k].trim(), k).not.toBe('');
    }
  });
});
