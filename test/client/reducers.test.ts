import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, edgeDisplay, inDateRange, isPlainState, nodeDisplay, type HighlightState } from '../../client/src/graph/reducers';
import { DIMMED_NODE_COLOR, EDGE_HIGHLIGHT_COLOR } from '../../client/src/graph/palette';
import { relNames } from '../../client/src/i18n/index';
import { timeLayout, dateToYear } from '../../client/src/graph/time-layout';

const base: HighlightState = {
  lang: 'zh',
  active: null,
  selected: null,
  neighbors: new Set(),
  focusNodes: null,
  focusEdges: null,
  filters: EMPTY_FILTERS,
  relNames: relNames('en'),
};
const agency = { nodeLabel: 'Agency' as const, labelZh: '银监会', labelEn: 'CBRC' };
const rule = { nodeLabel: 'Rule' as const, labelZh: '暂行办法', labelEn: 'Interim measures', date: '2016-08-24' };

describe('node reducer', () => {
  it('shows the label in the current language', () => {
    expect(nodeDisplay('agency:cbrc', agency, base).label).toBe('银监会');
    expect(nodeDisplay('agency:cbrc', agency, { ...base, lang: 'en' }).label).toBe('CBRC');
  });

  it('hides filtered labels, hand-hidden nodes and rules out of the date range', () => {
    expect(nodeDisplay('agency:cbrc', agency, { ...base, filters: { ...EMPTY_FILTERS, hideLabels: new Set(['Agency']) } }).hidden).toBe(true);
    expect(nodeDisplay('agency:cbrc', agency, { ...base, filters: { ...EMPTY_FILTERS, hidden: new Set(['agency:cbrc']) } }).hidden).toBe(true);
    const range = { ...base, filters: { ...EMPTY_FILTERS, dateFrom: '2017' } };
    expect(nodeDisplay('rule:x', rule, range).hidden).toBe(true);
    // Agencies have no date: the date filter leaves them alone.
    expect(nodeDisplay('agency:cbrc', agency, range).hidden).toBe(false);
  });

  it('highlights the active node and its neighbours, dims the rest', () => {
    const s = { ...base, active: 'agency:cbrc', neighbors: new Set(['rule:x']) };
    expect(nodeDisplay('agency:cbrc', agency, s)).toMatchObject({ highlighted: true, forceLabel: true });
    expect(nodeDisplay('rule:x', rule, s)).toMatchObject({ forceLabel: true });
    expect(nodeDisplay('rule:y', rule, s)).toMatchObject({ color: DIMMED_NODE_COLOR, label: '' });
  });

  it('keeps an answer in focus', () => {
    const s = { ...base, focusNodes: new Set(['rule:x']), focusEdges: new Set<string>() };
    expect(nodeDisplay('rule:x', rule, s).color).toBeUndefined();
    expect(nodeDisplay('agency:cbrc', agency, s).color).toBe(DIMMED_NODE_COLOR);
  });
});

describe('edge reducer', () => {
  const e = { relType: 'ISSUED' as const };
  it('hides edges of hidden types or with a hidden end', () => {
    expect(edgeDisplay('e', e, 'a', 'b', true, false, base).hidden).toBe(true);
    expect(edgeDisplay('e', e, 'a', 'b', true, true, { ...base, filters: { ...EMPTY_FILTERS, hideTypes: new Set(['ISSUED']) } }).hidden).toBe(true);
    expect(edgeDisplay('e', e, 'a', 'b', true, true, base).hidden).toBe(false);
  });
  it('"stated facts only" hides attributed and inferred relationships, and only with the filter on', () => {
    const stated = { relType: 'PROHIBITS' as const, api: { properties: { condition: 'without a licence (在无牌照下)' } } };
    const inferred = { relType: 'PROHIBITS' as const, api: { properties: { evidence: 'inferred', note: 'n' } } };
    const attributed = { relType: 'PROHIBITS' as const, api: { properties: { evidence: 'attributed', note: 'n' } } };
    const on = { ...base, filters: { ...EMPTY_FILTERS, statedOnly: true } };
    expect(edgeDisplay('s', stated, 'a', 'b', true, true, on).hidden).toBe(false);
    expect(edgeDisplay('i', inferred, 'a', 'b', true, true, on).hidden).toBe(true);
    expect(edgeDisplay('t', attributed, 'a', 'b', true, true, on).hidden).toBe(true);
    expect(edgeDisplay('i', inferred, 'a', 'b', true, true, base).hidden).toBe(false);
    expect(isPlainState(on)).toBe(false);
  });
  it('emphasises and labels edges of the active node', () => {
    const s = { ...base, active: 'a' };
    expect(edgeDisplay('e', e, 'a', 'b', true, true, s)).toMatchObject({ color: EDGE_HIGHLIGHT_COLOR, label: 'issued' });
    expect(edgeDisplay('f', e, 'c', 'b', true, true, s).label).toBe('');
  });
  it('emphasises edges of a focused answer', () => {
    const s = { ...base, focusNodes: new Set(['a', 'b']), focusEdges: new Set(['e']) };
    expect(edgeDisplay('e', e, 'a', 'b', true, true, s).color).toBe(EDGE_HIGHLIGHT_COLOR);
    expect(edgeDisplay('f', e, 'a', 'c', true, true, s).color).not.toBe(EDGE_HIGHLIGHT_COLOR);
  });
});

describe('date range and time axis', () => {
  it('compares ISO prefixes on their common length', () => {
    expect(inDateRange('2016', '2016-05', undefined)).toBe(true);
    expect(inDateRange('2016-04-30', '2016-05', undefined)).toBe(false);
    expect(inDateRange('2016-10-13', undefined, '2016')).toBe(true);
    expect(inDateRange(undefined, '2020', '2021')).toBe(true);
  });
  it('puts dated nodes on x by date and the rest at the mean of their dated neighbours', () => {
    expect(dateToYear('2016')).toBe(2016.5);
    const nodes = [
      { id: 'rule:a', nodeLabel: 'Rule' as const, date: '2014-01-01' },
      { id: 'rule:b', nodeLabel: 'Rule' as const, date: '2016-01-01' },
      { id: 'agency:x', nodeLabel: 'Agency' as const },
      { id: 'topic:lonely', nodeLabel: 'Topic' as const },
    ];
    const nb: Record<string, string[]> = { 'agency:x': ['rule:a', 'rule:b'], 'rule:a': ['agency:x'], 'rule:b': ['agency:x'] };
    const pos = timeLayout(nodes, (id) => nb[id] ?? [], { xPerYear: 10 });
    expect(pos.get('rule:a')!.x).toBe(0);
    expect(pos.get('rule:b')!.x).toBeCloseTo(20);
    expect(pos.get('agency:x')!.x).toBeCloseTo(10);
    expect(pos.get('topic:lonely')!.x).toBeLessThan(0);
    // Lanes: rules above agencies.
    expect(pos.get('rule:a')!.y).toBeGreaterThan(pos.get('agency:x')!.y);
  });
});

describe('a highlight that does not dim the others (big graphs)', () => {
  const agency = { nodeLabel: 'Agency' as const, labelZh: '银监会', labelEn: 'CBRC' };
  const e = { relType: 'ISSUED' as const };
  it('leaves every node and relationship outside the neighbourhood as it is without a highlight', () => {
    for (const focus of [null, new Set(['x'])]) {
      const none = { ...base, dimOthers: false, focusNodes: focus, focusEdges: focus };
      const hovered = { ...none, active: 'a', neighbors: new Set(['b']) };
      for (const id of ['x', 'y']) expect(nodeDisplay(id, agency, hovered)).toEqual(nodeDisplay(id, agency, none));
      expect(edgeDisplay('x', e, 'x', 'y', true, true, hovered)).toEqual(edgeDisplay('x', e, 'x', 'y', true, true, none));
      // The neighbourhood itself is highlighted as with dimming.
      expect(nodeDisplay('a', agency, hovered)).toEqual(nodeDisplay('a', agency, { ...hovered, dimOthers: true }));
      expect(nodeDisplay('b', agency, hovered).forceLabel).toBe(true);
      expect(edgeDisplay('e', e, 'a', 'b', true, true, hovered).color).toBe(EDGE_HIGHLIGHT_COLOR);
    }
  });
});
