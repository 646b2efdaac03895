import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_URL_STATE, parseUrlState, writeUrlState, type UrlState } from '../../client/src/state/url-state';
import { LABELS, REL_TYPES } from '../../client/src/graph/model';

describe('url-state', () => {
  it('a default view has an empty query string', () => {
    expect(writeUrlState({ ...DEFAULT_URL_STATE })).toBe('');
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('round-trips a full state', () => {
    const s: UrlState = {
      lang: 'en',
      node: 'agency:cbrc',
      hideLabels: ['Topic', 'Phase'],
      hideTypes: ['PART_OF'],
      dateFrom: '2015',
      dateTo: '2016-07',
      hidden: ['topic:fund-pool', 'segment:p2p-lending'],
      statedOnly: true,
      question: { kind: 'rules', topic: 'topic:real-estate-finance' },
      layout: 'time',
      view: 'list',
      camera: { x: 0.412, y: 0.6, ratio: 0.25 },
    };
    const qs = writeUrlState(s);
    expect(qs).toContain('node=agency:cbrc');
    expect(qs).toContain('evidence=stated');
    const back = parseUrlState(qs);
    // Labels come back in legend order.
    expect(back).toEqual({ ...s, hideLabels: ['Topic', 'Phase'] });
  });

  it('the stated-facts filter is evidence=stated; anything else leaves it off', () => {
    expect(parseUrlState('?evidence=stated').statedOnly).toBe(true);
    expect(parseUrlState('?evidence=inferred').statedOnly).toBe(false);
    expect(writeUrlState({ ...DEFAULT_URL_STATE, statedOnly: true })).toBe('?evidence=stated');
    expect(writeUrlState({ ...DEFAULT_URL_STATE, statedOnly: false })).toBe('');
  });

  it('round-trips each question kind', () => {
    for (const question of [
      { kind: 'regulators', segment: 'segment:p2p' },
      { kind: 'rules', topic: 'topic:x' },
      { kind: 'path', a: 'agency:csrc', b: 'topic:down-payment-loans' },
    ] as const) {
      const s = { ...DEFAULT_URL_STATE, question };
      expect(parseUrlState(writeUrlState(s)).question).toEqual(question);
    }
  });

  it('drops invalid values and keeps the valid ones', () => {
    const s = parseUrlState(
      '?lang=fr&node=DROP%20TABLE&hide=Topic,Nope,Topic&hideTypes=ISSUED,bad&from=2016-13&to=2016-02&hidden=a:b,<x>&q=rules&layout=spiral&view=3d&cam=1,2',
    );
    expect(s.lang).toBe('zh');
    expect(s.node).toBeNull();
    expect(s.hideLabels).toEqual(['Topic']);
    expect(s.hideTypes).toEqual(['ISSUED']);
    expect(s.dateFrom).toBeNull();
    expect(s.dateTo).toBe('2016-02');
    expect(s.hidden).toEqual(['a:b']);
    expect(s.question).toBeNull(); // rules without a topic
    expect(s.layout).toBe('force');
    expect(s.view).toBe('graph');
    expect(s.camera).toBeNull();
  });

  it('rejects non-finite and absurd camera values, rounds the rest', () => {
    expect(parseUrlState('?cam=NaN,0.5,1').camera).toBeNull();
    expect(parseUrlState('?cam=0.5,0.5,0').camera).toBeNull();
    expect(parseUrlState('?cam=0.123456,0.5,1.23456').camera).toEqual({ x: 0.123, y: 0.5, ratio: 1.235 });
    expect(writeUrlState({ ...DEFAULT_URL_STATE, camera: { x: 0.5001, y: 0.4999, ratio: 1.0001 } })).toBe('');
  });

  it('swaps a reversed date range', () => {
    const s = parseUrlState('?from=2016&to=2010');
    expect([s.dateFrom, s.dateTo]).toEqual(['2010', '2016']);
  });

  it('property: parse(write(s)) is a fixed point for any valid state', () => {
    const id = fc.stringMatching(/^[a-z]{1,8}:[a-z0-9][a-z0-9-]{0,12}$/);
    const arb = fc.record({
      lang: fc.constantFrom('zh', 'en'),
      node: fc.option(id, { nil: null }),
      hideLabels: fc.subarray([...LABELS]),
      hideTypes: fc.subarray([...REL_TYPES]),
      dateFrom: fc.option(fc.constantFrom('2010', '2015-07', '2016-10-13'), { nil: null }),
      dateTo: fc.option(fc.constantFrom('2009', '2015-07', '2016-10-13', '2017-12'), { nil: null }),
      hidden: fc.uniqueArray(id, { maxLength: 5 }),
      question: fc.option(
        fc.oneof(
          fc.record({ kind: fc.constant('regulators' as const), segment: id }),
          fc.record({ kind: fc.constant('rules' as const), topic: id }),
          fc.record({ kind: fc.constant('path' as const), a: id, b: id }),
        ),
        { nil: null },
      ),
      layout: fc.constantFrom('force', 'time'),
      view: fc.constantFrom('graph', 'list'),
      camera: fc.option(
        fc.record({
          x: fc.double({ min: -5, max: 5, noNaN: true }),
          y: fc.double({ min: -5, max: 5, noNaN: true }),
          ratio: fc.double({ min: 0.01, max: 50, noNaN: true }),
        }),
        { nil: null },
      ),
      teach: fc.option(
        fc.record({
          section: fc.constantFrom('tours', 'timeline', 'matrix', 'quiz'),
          tour: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), { nil: null }),
          step: fc.integer({ min: 0, max: 98 }),
          quiz: fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: null }),
        }),
        { nil: null },
      ),
    }) as fc.Arbitrary<UrlState>;
    fc.assert(
      fc.property(arb, (s) => {
        const once = parseUrlState(writeUrlState(s));
        expect(parseUrlState(writeUrlState(once))).toEqual(once);
        expect(once.node).toBe(s.node);
        expect(once.question).toEqual(s.question);
        expect(new Set(once.hideLabels)).toEqual(new Set(s.hideLabels));
        // A date range comes back as the same two dates, earlier first.
        expect([once.dateFrom, once.dateTo].filter((d) => d !== null).sort()).toEqual([s.dateFrom, s.dateTo].filter((d) => d !== null).sort());
        if (once.dateFrom !== null && once.dateTo !== null) expect(once.dateFrom <= once.dateTo).toBe(true);
        // The Teach view: section and quiz seed always; the step only with a tour.
        if (s.teach) {
          expect(once.teach).toEqual({ ...s.teach, step: s.teach.tour === null ? 0 : s.teach.step });
        } else {
          expect(once.teach).toBeUndefined();
        }
      }),
    );
  });

  describe('the teach parameters', () => {
    it('open a section, a tour at a step (1-based in the link), and a quiz seed', () => {
      expect(parseUrlState('?teach=tours&tour=p2p-lending&step=2&quiz=4242').teach).toEqual({ section: 'tours', tour: 'p2p-lending', step: 1, quiz: 4242 });
      expect(parseUrlState('?teach=matrix').teach).toEqual({ section: 'matrix', tour: null, step: 0, quiz: null });
      expect(parseUrlState('?teach=quiz&quiz=0').teach).toEqual({ section: 'quiz', tour: null, step: 0, quiz: 0 });
      expect(parseUrlState('?teach=timeline&lang=en').teach).toEqual({ section: 'timeline', tour: null, step: 0, quiz: null });
    });

    it('are written in that form, the step 1-based, only with a tour', () => {
      const base = { ...DEFAULT_URL_STATE };
      expect(writeUrlState({ ...base, teach: { section: 'tours', tour: 'p2p-lending', step: 1, quiz: 4242 } })).toBe('?teach=tours&tour=p2p-lending&step=2&quiz=4242');
      expect(writeUrlState({ ...base, teach: { section: 'matrix', tour: null, step: 5, quiz: null } })).toBe('?teach=matrix');
      expect(writeUrlState({ ...base, teach: null })).toBe('');
    });

    it('drop what is invalid and keep the rest', () => {
      expect(parseUrlState('?teach=lectures&tour=p2p-lending').teach).toBeUndefined();
      expect(parseUrlState('?teach=tours&tour=P2P_Lending&step=3').teach).toEqual({ section: 'tours', tour: null, step: 0, quiz: null });
      for (const step of ['0', '100', '-1', '2.5', 'two', '02']) {
        expect(parseUrlState(`?teach=tours&tour=p2p-lending&step=${step}`).teach, `step=${step}`).toEqual({ section: 'tours', tour: 'p2p-lending', step: 0, quiz: null });
      }
      expect(parseUrlState('?teach=tours&tour=p2p-lending&step=99').teach?.step).toBe(98);
      for (const quiz of ['1234567', '-1', '1e3', 'x']) expect(parseUrlState(`?teach=quiz&quiz=${quiz}`).teach?.quiz, `quiz=${quiz}`).toBeNull();
      expect(parseUrlState(`?teach=tours&tour=${'a'.repeat(81)}`).teach?.tour).toBeNull();
    });
  });
});
