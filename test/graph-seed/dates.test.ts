/**
 * The one date module (graph-seed/dates.ts), and the client's date filter checked against
 * the API's on the same graph: the two once disagreed about a rule dated only `2016` under
 * `from=2016-05` (the client kept it, `/api/graph` dropped it).
 */
import { describe, expect, it } from 'vitest';
import {
  asOfKey,
  compareDates,
  dateEndKey,
  dateKey,
  isIsoDate,
  isoDateProblem,
  isRangeInOrder,
  rangeKeys,
} from '../../graph-seed/dates.js';
import { EMPTY_FILTERS, isNodeVisible } from '../../client/src/graph/reducers';
import { parseUrlState } from '../../client/src/state/url-state';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { fixtureGraph } from '../contract/fixture-graph.js';

describe('dates', () => {
  it('validates the three forms and real calendar days only', () => {
    for (const ok of ['2016', '2016-07', '2016-07-18', '2016-02-29', '2000-02-29']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of ['16', '2016-7', '2016-00', '2016-13', '4190-85-03', '2015-02-29', '2016-04-31', '2016-07-18T00', ' 2016', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isoDateProblem('2015-02-29')).toBe('"2015-02-29" is not a real calendar date (February 2015 has 28 days)');
    expect(() => asOfKey('4190-85-03')).toThrow(/asOf "4190-85-03" is not a real calendar date \(month 85 does not exist\)/);
  });

  it('keys: a date is a span from its start to its end', () => {
    expect([dateKey('2016'), dateEndKey('2016')]).toEqual(['2016-00-00', '2016-99-99']);
    expect([dateKey('2016-07'), dateEndKey('2016-07')]).toEqual(['2016-07-00', '2016-07-99']);
    expect([dateKey('2016-07-18'), dateEndKey('2016-07-18')]).toEqual(['2016-07-18', '2016-07-18']);
  });

  it('a range is reversed only when all of `from` comes after the end of `to`', () => {
    expect(isRangeInOrder('2016', '2016-07')).toBe(true);
    expect(isRangeInOrder('2016-07', '2016')).toBe(true);
    expect(isRangeInOrder('2017', '2016-12-31')).toBe(false);
    expect(() => rangeKeys('2017', '2016')).toThrow(/from \(2017\) must not be later than to \(2016\)/);
    expect(rangeKeys(undefined, '2016')).toEqual({ fromKey: null, toKey: '2016-99-99' });
  });

  it('orders a date known only to its year or month after the days inside it; undated last', () => {
    const dates = ['2016', undefined, '2016-10', '2016-04-13', '2015-07-18', '2016-10-13', '2016-09'];
    expect([...dates].sort(compareDates)).toEqual(['2015-07-18', '2016-04-13', '2016-09', '2016-10-13', '2016-10', '2016', undefined]);
  });
});

describe('the client filter and /api/graph keep the same rules and events', () => {
  const bounds = [undefined, '2015', '2015-07-18', '2016', '2016-04', '2016-05', '2016-09', '2016-10', '2016-10-13', '2016-12-31', '2017'];

  it('for every range of the fixture, as the URL state reads it', async () => {
    const graph = fixtureGraph();
    const store = MemoryStore.fromGraph(graph);
    let compared = 0;
    for (const from of bounds) {
      for (const to of bounds) {
        if (!isRangeInOrder(from, to)) continue;
        const url = parseUrlState(`?${from ? `from=${from}` : ''}&${to ? `to=${to}` : ''}`);
        expect([url.dateFrom ?? undefined, url.dateTo ?? undefined]).toEqual([from, to]);
        const filters = { ...EMPTY_FILTERS, ...(from ? { dateFrom: from } : {}), ...(to ? { dateTo: to } : {}) };
        const client = graph.nodes
          .filter((n) => isNodeVisible(n.id, { nodeLabel: n.label, date: n.date }, filters))
          .map((n) => n.id)
          .sort();
        const server = (await store.graph({ ...(from ? { from } : {}), ...(to ? { to } : {}) })).nodes.map((n) => n.id);
        expect(client, `from=${from} to=${to}`).toEqual(server);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
    // The case that disagreed: a rule dated only 2016 under from=2016-05.
    const may = (await store.graph({ from: '2016-05' })).nodes.map((n) => n.id);
    expect(may).toContain('rule:gz-down-payment-ban');
  });
});
