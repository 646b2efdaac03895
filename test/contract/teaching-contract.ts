/**
 * The teaching part of the store contract (`changes`, `matrix`), run inside
 * `runStoreContract` on both stores over the fixture graph. Expected answers are worked out
 * by hand from `fixture-graph.ts`; `changes` is also checked against its definition (the
 * difference of two `graph({asOf})` snapshots).
 */
import { describe, expect, it } from 'vitest';
import { dateEndKey } from '../../graph-seed/dates.js';
import type { GraphStore, RelType } from '../../server/stores/types.js';

const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id);
const rel = (source: string, type: RelType, target: string): string => `${source}-${type}->${target}`;

export function teachingContract(getStore: () => GraphStore): void {
  describe('changes', () => {
    it('rules and events dated in (from, to], the relationships they brought, and their other ends', async () => {
      const c = await getStore().changes('2016-09', '2016-10-13');
      expect(c.from).toBe('2016-09');
      expect(c.to).toBe('2016-10-13');
      // 2016-10 (month only) sorts after 2016-10-13; the G20 summit (2016-09) is not after 2016-09.
      expect(ids(c.added)).toEqual(['rule:rectification-plan-2016', 'rule:equity-crowdfunding-plan-2016']);
      expect(ids(c.relationships)).toEqual([
        rel('agency:csrc', 'ISSUED', 'rule:equity-crowdfunding-plan-2016'),
        rel('agency:pboc', 'ISSUED', 'rule:rectification-plan-2016'),
        rel('event:state-council-2016', 'INVOLVED', 'rule:rectification-plan-2016'),
        rel('rule:equity-crowdfunding-plan-2016', 'ADDRESSES', 'topic:crowdfunding-house'),
        rel('rule:equity-crowdfunding-plan-2016', 'REGULATES', 'segment:equity-crowdfunding'),
        rel('rule:rectification-plan-2016', 'ADDRESSES', 'topic:down-payment-loan'),
        rel('rule:rectification-plan-2016', 'ADDRESSES', 'topic:real-estate-finance'),
        rel('rule:rectification-plan-2016', 'IMPLEMENTS', 'rule:guideline-2015'),
        rel('rule:rectification-plan-2016', 'REGULATES', 'segment:crowdfunding'),
        rel('rule:rectification-plan-2016', 'REGULATES', 'segment:internet-finance'),
      ]);
      expect(ids(c.linked)).toEqual([
        'agency:csrc',
        'agency:pboc',
        'event:state-council-2016',
        'rule:guideline-2015',
        'segment:crowdfunding',
        'segment:equity-crowdfunding',
        'segment:internet-finance',
        'topic:crowdfunding-house',
        'topic:down-payment-loan',
        'topic:real-estate-finance',
      ]);
    });

    it('leaves out relationships to nodes that come later than `to`; a year-only date counts from its start', async () => {
      const c = await getStore().changes('2015', '2016-04');
      // Counted from its start, listed after the dated days of its year.
      expect(ids(c.added)).toEqual(['event:state-council-2016', 'rule:gz-down-payment-ban']);
      // The meeting INVOLVED the October plan, which is not there yet as of April.
      expect(ids(c.relationships)).toEqual([
        rel('agency:guangzhou', 'ISSUED', 'rule:gz-down-payment-ban'),
        rel('event:state-council-2016', 'MARKS', 'phase:regulation'),
        rel('rule:gz-down-payment-ban', 'PROHIBITS', 'topic:crowdfunding-house'),
        rel('rule:gz-down-payment-ban', 'PROHIBITS', 'topic:down-payment-loan'),
      ]);
    });

    it('equals the difference of the two as-of snapshots, for many date pairs', async () => {
      const store = getStore();
      const dates = ['2014', '2015-07', '2015-07-18', '2016', '2016-04-13', '2016-08', '2016-09', '2016-10-12', '2016-10-13', '2017'];
      for (let i = 0; i < dates.length; i++) {
        for (let j = i; j < dates.length; j++) {
          const [from, to] = [dates[i]!, dates[j]!];
          // "After the end of 2016" is later than 2016-04-13: a reversed range, tested below.
          if (dateEndKey(from) > dateEndKey(to)) continue;
          const c = await store.changes(from, to);
          const before = await store.graph({ asOf: from });
          const after = await store.graph({ asOf: to });
          const had = new Set(ids(before.nodes));
          const hadRel = new Set(ids(before.relationships));
          expect(ids(c.added).sort(), `${from}..${to}`).toEqual(ids(after.nodes).filter((id) => !had.has(id)).sort());
          expect(ids(c.relationships), `${from}..${to}`).toEqual(ids(after.relationships).filter((id) => !hadRel.has(id)));
        }
      }
    });

    it('is empty for an empty range and rejects a reversed range or a malformed date', async () => {
      const store = getStore();
      expect(await store.changes('2016-10-13', '2016-10-13')).toEqual({ from: '2016-10-13', to: '2016-10-13', added: [], relationships: [], linked: [] });
      await expect(store.changes('2016-10', '2016-09')).rejects.toThrow(RangeError);
      // "after the end of 2016" is later than "up to 13 October 2016".
      await expect(store.changes('2016', '2016-10-13')).rejects.toThrow(/from \(2016\) must not be later than to/);
      await expect(store.changes('2016-1', '2017')).rejects.toThrow(/from must be an ISO date/);
    });
  });

  describe('matrix', () => {
    it('rows, columns and cells, direct and rolled up through PART_OF', async () => {
      const m = await getStore().matrix();
      // pboc, csrc, cbrc: two rules each, by name (code-unit order); then one rule each.
      expect(ids(m.agencies)).toEqual(['agency:pboc', 'agency:csrc', 'agency:cbrc', 'agency:circ', 'agency:gz-association']);
      // Broader before narrower, siblings by id.
      expect(ids(m.segments)).toEqual([
        'segment:internet-finance',
        'segment:crowdfunding',
        'segment:equity-crowdfunding',
        'segment:internet-insurance',
        'segment:p2p',
      ]);
      const cell = (a: string, s: string) => m.cells.find((c) => c.agency === a && c.segment === s);
      expect(cell('agency:pboc', 'segment:internet-finance')).toEqual({
        agency: 'agency:pboc',
        segment: 'segment:internet-finance',
        rules: ['rule:rectification-plan-2016'],
        // The plan regulates 众筹 too, but it is already a direct rule of this cell.
        rollup: [
          { rule: 'rule:guideline-2015', via: 'segment:equity-crowdfunding' },
          { rule: 'rule:guideline-2015', via: 'segment:internet-insurance' },
          { rule: 'rule:guideline-2015', via: 'segment:p2p' },
        ],
        through: [],
      });
      expect(cell('agency:csrc', 'segment:equity-crowdfunding')).toEqual({
        agency: 'agency:csrc',
        segment: 'segment:equity-crowdfunding',
        rules: ['rule:guideline-2015', 'rule:equity-crowdfunding-plan-2016'],
        rollup: [],
        through: [],
      });
      // Regulated through a parent: the plan names 众筹 and 互联网金融, both above 股权众筹.
      expect(cell('agency:pboc', 'segment:equity-crowdfunding')).toEqual({
        agency: 'agency:pboc',
        segment: 'segment:equity-crowdfunding',
        rules: ['rule:guideline-2015'],
        rollup: [],
        through: [
          { rule: 'rule:rectification-plan-2016', via: 'segment:crowdfunding' },
          { rule: 'rule:rectification-plan-2016', via: 'segment:internet-finance' },
        ],
      });
      // …but not in the cell of 众筹, where the plan is a direct rule.
      expect(cell('agency:pboc', 'segment:crowdfunding')?.through).toEqual([]);
      expect(cell('agency:cbrc', 'segment:crowdfunding')).toEqual({
        agency: 'agency:cbrc',
        segment: 'segment:crowdfunding',
        rules: [],
        rollup: [{ rule: 'rule:guideline-2015', via: 'segment:equity-crowdfunding' }],
        through: [],
      });
      expect(cell('agency:gz-association', 'segment:internet-finance')?.rules).toEqual(['rule:gz-self-discipline']);
      // The pact names 互联网金融 only: P2P is regulated by it through its parent, and says so.
      expect(cell('agency:gz-association', 'segment:p2p')).toEqual({
        agency: 'agency:gz-association',
        segment: 'segment:p2p',
        rules: [],
        rollup: [],
        through: [{ rule: 'rule:gz-self-discipline', via: 'segment:internet-finance' }],
      });
      // 广州市 issued a rule, but none that regulates a segment.
      expect(m.cells.some((c) => c.agency === 'agency:guangzhou')).toBe(false);
      expect(m.cells.map((c) => `${c.agency} ${c.segment}`)).toEqual([
        'agency:pboc segment:internet-finance', 'agency:pboc segment:crowdfunding', 'agency:pboc segment:equity-crowdfunding',
        'agency:pboc segment:internet-insurance', 'agency:pboc segment:p2p',
        'agency:csrc segment:internet-finance', 'agency:csrc segment:crowdfunding', 'agency:csrc segment:equity-crowdfunding',
        'agency:csrc segment:internet-insurance', 'agency:csrc segment:p2p',
        'agency:cbrc segment:internet-finance', 'agency:cbrc segment:crowdfunding', 'agency:cbrc segment:equity-crowdfunding',
        'agency:cbrc segment:internet-insurance', 'agency:cbrc segment:p2p',
        'agency:circ segment:internet-finance', 'agency:circ segment:crowdfunding', 'agency:circ segment:equity-crowdfunding',
        'agency:circ segment:internet-insurance', 'agency:circ segment:p2p',
        'agency:gz-association segment:internet-finance', 'agency:gz-association segment:crowdfunding',
        'agency:gz-association segment:equity-crowdfunding', 'agency:gz-association segment:internet-insurance',
        'agency:gz-association segment:p2p',
      ]);
      expect(ids(m.rules)).toEqual([
        'rule:guideline-2015',
        'rule:p2p-interim-measures-2016',
        'rule:rectification-plan-2016',
        'rule:equity-crowdfunding-plan-2016',
        'rule:gz-self-discipline',
      ]);
      // 9 ISSUED of rules that regulate something (not 广州市's), 8 REGULATES, 4 PART_OF among the columns.
      expect(m.relationships.filter((r) => r.type === 'ISSUED')).toHaveLength(8);
      expect(m.relationships.filter((r) => r.type === 'REGULATES')).toHaveLength(8);
      expect(ids(m.relationships.filter((r) => r.type === 'PART_OF'))).toEqual([
        rel('segment:crowdfunding', 'PART_OF', 'segment:internet-finance'),
        rel('segment:equity-crowdfunding', 'PART_OF', 'segment:crowdfunding'),
        rel('segment:internet-insurance', 'PART_OF', 'segment:internet-finance'),
        rel('segment:p2p', 'PART_OF', 'segment:internet-finance'),
      ]);
    });

    it('asOf drops later rules, their cells and reorders the rows', async () => {
      const m = await getStore().matrix('2016-09');
      expect(ids(m.agencies)).toEqual(['agency:cbrc', 'agency:pboc', 'agency:circ', 'agency:gz-association', 'agency:csrc']);
      expect(ids(m.rules)).toEqual(['rule:guideline-2015', 'rule:p2p-interim-measures-2016', 'rule:gz-self-discipline']);
      const pbocIf = m.cells.find((c) => c.agency === 'agency:pboc' && c.segment === 'segment:internet-finance');
      expect(pbocIf?.rules).toEqual([]);
      const csrcEq = m.cells.find((c) => c.agency === 'agency:csrc' && c.segment === 'segment:equity-crowdfunding');
      expect(csrcEq?.rules).toEqual(['rule:guideline-2015']);
      const early = await getStore().matrix('2015-06');
      expect(ids(early.agencies)).toEqual(['agency:gz-association']);
      // The pact regulates 互联网金融, and through it every segment below.
      expect(ids(early.segments)).toEqual([
        'segment:internet-finance',
        'segment:crowdfunding',
        'segment:equity-crowdfunding',
        'segment:internet-insurance',
        'segment:p2p',
      ]);
      expect(early.cells.filter((c) => c.through.length > 0).map((c) => c.segment)).toEqual([
        'segment:crowdfunding',
        'segment:equity-crowdfunding',
        'segment:internet-insurance',
        'segment:p2p',
      ]);
      await expect(getStore().matrix('June')).rejects.toThrow(/asOf must be an ISO date/);
    });
  });
}
