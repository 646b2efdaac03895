import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_FILTERS, edgeDisplay, isPlainState, type HighlightState } from '../../client/src/graph/reducers';
import { buildGraph, nodesOnlyView } from '../../client/src/graph/build';
import { relNames } from '../../client/src/i18n/index';
import { sample } from './fixtures';

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

describe('plain-state fast path of the edge reducer', () => {
  it('is taken only when nothing is filtered, hovered, selected or in focus', () => {
    expect(isPlainState(base)).toBe(true);
    expect(isPlainState({ ...base, active: 'a' })).toBe(false);
    expect(isPlainState({ ...base, focusEdges: new Set(['e']) })).toBe(false);
    expect(isPlainState({ ...base, filters: { ...EMPTY_FILTERS, hideTypes: new Set(['ISSUED']) } })).toBe(false);
    expect(isPlainState({ ...base, filters: { ...EMPTY_FILTERS, hideLabels: new Set(['Rule']) } })).toBe(false);
    expect(isPlainState({ ...base, filters: { ...EMPTY_FILTERS, hidden: new Set(['x']) } })).toBe(false);
    expect(isPlainState({ ...base, filters: { ...EMPTY_FILTERS, dateFrom: '2015' } })).toBe(false);
    expect(isPlainState({ ...base, filters: { ...EMPTY_FILTERS, dateTo: '2016' } })).toBe(false);
  });

  it('draws exactly what the full rule draws in a plain state (visible, no label)', () => {
    fc.assert(
      fc.property(fc.constantFrom('ISSUED', 'REGULATES', 'PROHIBITS'), fc.string(), fc.string(), (relType, s, t) => {
        // In a plain state every node is visible, so the full rule sees both ends visible.
        expect(edgeDisplay('e', { relType } as never, s, t, true, true, base)).toEqual({ hidden: false, label: '' });
      }),
    );
  });
});

describe('nodes-only view drawn during a big layout', () => {
  it('has every node and no relationship, and shares the attribute objects', () => {
    const g = buildGraph(sample);
    const v = nodesOnlyView(g);
    expect(v.order).toBe(g.order);
    expect(v.size).toBe(0);
    const a = g.getNodeAttributes('agency:cbrc');
    a.x = 1234;
    expect(v.getNodeAttribute('agency:cbrc', 'x')).toBe(1234);
  });
});
