/**
 * The contract every GraphStore keeps, as one suite that each implementation runs
 * (`memory.test.ts`, `neo4j.neo4j.test.ts`) over the fixture graph of `fixture-graph.ts`.
 * Every expectation is an exact answer worked out from the fixture by hand, so both stores
 * must agree on content AND order, including ties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphRelationship, SeedGraph } from '../../graph-seed/schema.js';
import { toApiNode, toApiRelationship } from '../../server/stores/api-shapes.js';
import { QUESTION_LIMIT_MAX, type ApiNode, type ApiRelationship, type GraphStore, type NodeLabel, type RelType } from '../../server/stores/types.js';
import { fixtureGraph } from './fixture-graph.js';
import { teachingContract } from './teaching-contract.js';

const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id);
const rel = (source: string, type: RelType, target: string): string => `${source}-${type}->${target}`;

export function runStoreContract(name: string, makeStore: (graph: SeedGraph) => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    const graph = fixtureGraph();
    const nodeOf = (id: string): ApiNode => toApiNode(graph.nodes.find((n) => n.id === id)!);
    const relOf = (id: string): ApiRelationship =>
      toApiRelationship(graph.relationships.find((r: GraphRelationship) => r.id === id)!);
    let store: GraphStore;

    beforeAll(async () => {
      store = await makeStore(graph);
    });
    afterAll(async () => {
      await store?.close();
    });

    teachingContract(() => store);

    describe('counts and node', () => {
      it('counts every label and type, zeros included', async () => {
        const counts = await store.counts();
        expect(counts.nodes).toBe(31);
        expect(counts.relationships).toBe(graph.relationships.length);
        expect(counts.labels).toEqual({ Agency: 6, Rule: 6, Segment: 5, Topic: 6, Technology: 3, Phase: 3, Event: 2 });
        expect(counts.types).toEqual({
          ISSUED: 9, REGULATES: 8, PROHIBITS: 3, REQUIRES: 3, ADDRESSES: 4, IMPLEMENTS: 2, PART_OF: 8,
          APPLIED_IN: 3, EMERGED_IN: 3, MARKS: 2, PRECEDES: 2, INVOLVED: 3,
        });
      });

      it('returns a node with every field, integers as numbers and no absent optionals', async () => {
        const growth = await store.node('phase:growth');
        expect(growth).toEqual(nodeOf('phase:growth'));
        expect(growth).toMatchObject({ startYear: 2013, order: 2 });
        expect(growth).not.toHaveProperty('endYear');
        expect(await store.node('rule:guideline-2015')).toEqual(nodeOf('rule:guideline-2015'));
        expect((await store.node('rule:guideline-2015'))?.issuerCount).toBe(10);
        const p2p = await store.node('segment:p2p');
        expect(p2p).toEqual(nodeOf('segment:p2p'));
        expect(p2p?.figures[0]?.value).toBe(1627);
      });

      it('returns undefined for an unknown id', async () => {
        expect(await store.node('agency:nobody')).toBeUndefined();
      });
    });

    describe('search', () => {
      const search = async (q: string, limit = 20, labels?: NodeLabel[]) =>
        (await store.search({ q, limit, ...(labels ? { labels } : {}) })).map((h) => `${h.id}:${h.score}`);

      it('finds Chinese substrings, exact before contains before description', async () => {
        expect(await search('网络借贷')).toEqual([
          'segment:p2p:4',
          'rule:p2p-interim-measures-2016:2',
          'agency:cbrc:1',
          'phase:budding:1',
        ]);
        expect(await search('房地产')).toEqual([
          'topic:real-estate-finance:3',
          'agency:guangzhou:1',
          'topic:crowdfunding-house:1',
          'rule:rectification-plan-2016:1',
        ]);
      });

      it('orders ties by shorter name, then id', async () => {
        expect(await search('众筹')).toEqual([
          'segment:crowdfunding:4',
          'topic:crowdfunding-house:3',
          'segment:equity-crowdfunding:2',
          'rule:equity-crowdfunding-plan-2016:2',
          'agency:csrc:1',
          'rule:gz-down-payment-ban:1',
        ]);
        expect(await search('insurance')).toEqual(['agency:circ:2', 'segment:internet-insurance:2']);
      });

      it('matches a single character', async () => {
        expect(await search('贷')).toEqual([
          'topic:down-payment-loan:2',
          'segment:p2p:2',
          'topic:real-estate-finance:2',
          'rule:gz-down-payment-ban:2',
          'rule:p2p-interim-measures-2016:2',
          'agency:cbrc:1',
          'phase:budding:1',
        ]);
      });

      it('matches English case-insensitively, hyphens as spaces, extra spaces ignored', async () => {
        expect(await search('real estate')).toEqual(['topic:real-estate-finance:3', 'rule:rectification-plan-2016:1']);
        expect(await search('  Real   ESTATE ')).toEqual(['topic:real-estate-finance:3', 'rule:rectification-plan-2016:1']);
        expect(await search('down payment')).toEqual(['topic:down-payment-loan:3', 'rule:gz-down-payment-ban:2']);
        expect(await search('INSUR')).toEqual(['agency:circ:2', 'segment:internet-insurance:2']);
      });

      it('matches aliases exactly, in any case', async () => {
        expect(await search('央行')).toEqual(['agency:pboc:4']);
        expect(await search('cbrc')).toEqual(['agency:cbrc:4']);
        expect(await search('P2P')).toEqual(['segment:p2p:4', 'rule:p2p-interim-measures-2016:1']);
        expect(await search('g20')).toEqual(['event:g20-hangzhou:4']);
      });

      it('applies labels and limit', async () => {
        expect(await search('众筹', 20, ['Rule'])).toEqual(['rule:equity-crowdfunding-plan-2016:2', 'rule:gz-down-payment-ban:1']);
        expect(await search('众筹', 20, ['Topic', 'Agency'])).toEqual(['topic:crowdfunding-house:3', 'agency:csrc:1']);
        expect(await search('众筹', 2)).toEqual(['segment:crowdfunding:4', 'topic:crowdfunding-house:3']);
        expect(await search('贷', 3)).toEqual(['topic:down-payment-loan:2', 'segment:p2p:2', 'topic:real-estate-finance:2']);
      });

      it('returns name and label with each hit', async () => {
        const [hit] = await store.search({ q: '央行', limit: 1 });
        expect(hit).toEqual({ id: 'agency:pboc', label: 'Agency', name: '中国人民银行', nameEn: "People's Bank of China", score: 4 });
      });

      it('returns nothing for no match, blank text or Lucene syntax', async () => {
        expect(await search('区块链')).toEqual([]);
        expect(await search('   ')).toEqual([]);
        expect(await search('《》')).toEqual([]);
        expect(await search('AND OR "(*')).toEqual([]);
      });
    });

    describe('neighborhood', () => {
      it('depth 1: centre first, then by id; every relationship among the returned nodes', async () => {
        const r = await store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 50 });
        expect(ids(r!.nodes)).toEqual([
          'segment:p2p',
          'phase:budding',
          'rule:guideline-2015',
          'rule:p2p-interim-measures-2016',
          'segment:internet-finance',
          'technology:big-data',
        ]);
        expect(ids(r!.relationships)).toEqual([
          rel('rule:guideline-2015', 'REGULATES', 'segment:p2p'),
          rel('rule:p2p-interim-measures-2016', 'IMPLEMENTS', 'rule:guideline-2015'),
          rel('rule:p2p-interim-measures-2016', 'REGULATES', 'segment:p2p'),
          rel('segment:p2p', 'EMERGED_IN', 'phase:budding'),
          rel('segment:p2p', 'PART_OF', 'segment:internet-finance'),
          rel('technology:big-data', 'APPLIED_IN', 'segment:p2p'),
        ]);
        expect(r!.truncated).toBe(false);
        expect(r!.nodes[0]).toEqual(nodeOf('segment:p2p'));
        expect(r!.relationships[0]).toEqual(relOf(rel('rule:guideline-2015', 'REGULATES', 'segment:p2p')));
      });

      it('limit cuts in BFS order and says so', async () => {
        const r = await store.neighborhood({ id: 'segment:p2p', depth: 2, limit: 3 });
        expect(ids(r!.nodes)).toEqual(['segment:p2p', 'phase:budding', 'rule:guideline-2015']);
        expect(ids(r!.relationships)).toEqual([
          rel('rule:guideline-2015', 'REGULATES', 'segment:p2p'),
          rel('segment:p2p', 'EMERGED_IN', 'phase:budding'),
        ]);
        expect(r!.truncated).toBe(true);
        const exact = await store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 6 });
        expect(exact!.truncated).toBe(false);
        const one = await store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 1 });
        expect(ids(one!.nodes)).toEqual(['segment:p2p']);
        expect(one!.relationships).toEqual([]);
        expect(one!.truncated).toBe(true);
      });

      it('labels keep (and walk through) only those labels; the centre always stays', async () => {
        const r = await store.neighborhood({ id: 'segment:p2p', depth: 2, limit: 50, labels: ['Rule'] });
        expect(ids(r!.nodes)).toEqual([
          'segment:p2p',
          'rule:guideline-2015',
          'rule:p2p-interim-measures-2016',
          'rule:rectification-plan-2016',
        ]);
        expect(ids(r!.relationships)).toEqual([
          rel('rule:guideline-2015', 'REGULATES', 'segment:p2p'),
          rel('rule:p2p-interim-measures-2016', 'IMPLEMENTS', 'rule:guideline-2015'),
          rel('rule:p2p-interim-measures-2016', 'REGULATES', 'segment:p2p'),
          rel('rule:rectification-plan-2016', 'IMPLEMENTS', 'rule:guideline-2015'),
        ]);
      });

      it('types restrict the walk', async () => {
        const r = await store.neighborhood({ id: 'topic:down-payment-loan', depth: 3, limit: 50, types: ['PART_OF'] });
        expect(ids(r!.nodes)).toEqual(['topic:down-payment-loan', 'topic:real-estate-finance', 'topic:crowdfunding-house']);
        expect(ids(r!.relationships)).toEqual([
          rel('topic:crowdfunding-house', 'PART_OF', 'topic:real-estate-finance'),
          rel('topic:down-payment-loan', 'PART_OF', 'topic:real-estate-finance'),
        ]);
      });

      it('depth 2 and 3 reach each node at its smallest depth', async () => {
        const r = await store.neighborhood({ id: 'topic:down-payment-loan', depth: 2, limit: 50 });
        expect(ids(r!.nodes)).toEqual([
          'topic:down-payment-loan',
          // depth 1
          'rule:gz-down-payment-ban',
          'rule:rectification-plan-2016',
          'topic:real-estate-finance',
          // depth 2
          'agency:guangzhou',
          'agency:pboc',
          'event:state-council-2016',
          'rule:guideline-2015',
          'segment:crowdfunding',
          'segment:internet-finance',
          'topic:crowdfunding-house',
        ]);
        const deep = await store.neighborhood({ id: 'phase:budding', depth: 3, limit: 50, types: ['PRECEDES', 'EMERGED_IN', 'PART_OF'] });
        expect(ids(deep!.nodes)).toEqual([
          'phase:budding',
          'phase:growth',
          'segment:p2p',
          'phase:regulation',
          'segment:equity-crowdfunding',
          'segment:internet-finance',
          'segment:internet-insurance',
          'segment:crowdfunding',
        ]);
      });

      it('asOf hides later rules and their relationships', async () => {
        const r = await store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 50, asOf: '2016-01' });
        expect(ids(r!.nodes)).toEqual([
          'segment:p2p',
          'phase:budding',
          'rule:guideline-2015',
          'segment:internet-finance',
          'technology:big-data',
        ]);
        expect(ids(r!.relationships)).not.toContain(rel('rule:p2p-interim-measures-2016', 'REGULATES', 'segment:p2p'));
        const month = await store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 50, asOf: '2016-08' });
        expect(ids(month!.nodes)).toContain('rule:p2p-interim-measures-2016');
        const dayBefore = await store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 50, asOf: '2016-08-23' });
        expect(ids(dayBefore!.nodes)).not.toContain('rule:p2p-interim-measures-2016');
      });

      it('returns undefined for an unknown centre and rejects a malformed asOf', async () => {
        expect(await store.neighborhood({ id: 'segment:nothing', depth: 1, limit: 10 })).toBeUndefined();
        await expect(store.neighborhood({ id: 'segment:p2p', depth: 1, limit: 10, asOf: 'yesterday' })).rejects.toThrow(/asOf/);
        await expect(store.neighborhood({ id: 'segment:p2p', depth: 4 as 3, limit: 10 })).rejects.toThrow(RangeError);
      });
    });

    describe('shortestPath', () => {
      const path = async (from: string, to: string, extra: { maxLength?: number; types?: RelType[]; directed?: boolean } = {}) =>
        store.shortestPath({ from, to, maxLength: extra.maxLength ?? 6, directed: extra.directed ?? false, ...(extra.types ? { types: extra.types } : {}) });

      it('takes the path with the smallest node ids among the shortest', async () => {
        const p = await path('agency:csrc', 'topic:real-estate-finance');
        expect(ids(p!.nodes)).toEqual([
          'agency:csrc',
          'rule:equity-crowdfunding-plan-2016',
          'topic:crowdfunding-house',
          'topic:real-estate-finance',
        ]);
        expect(ids(p!.relationships)).toEqual([
          rel('agency:csrc', 'ISSUED', 'rule:equity-crowdfunding-plan-2016'),
          rel('rule:equity-crowdfunding-plan-2016', 'ADDRESSES', 'topic:crowdfunding-house'),
          rel('topic:crowdfunding-house', 'PART_OF', 'topic:real-estate-finance'),
        ]);
        expect(p!.nodes[1]).toEqual(nodeOf('rule:equity-crowdfunding-plan-2016'));
        const tie = await path('topic:down-payment-loan', 'topic:crowdfunding-house');
        expect(ids(tie!.nodes)).toEqual(['topic:down-payment-loan', 'rule:gz-down-payment-ban', 'topic:crowdfunding-house']);
      });

      it('walks relationships against their direction unless directed', async () => {
        const back = await path('topic:real-estate-finance', 'agency:csrc');
        // Reversed, the other shortest path has the smaller ids.
        expect(ids(back!.nodes)).toEqual([
          'topic:real-estate-finance',
          'rule:rectification-plan-2016',
          'rule:guideline-2015',
          'agency:csrc',
        ]);
        expect(await path('topic:real-estate-finance', 'agency:csrc', { directed: true })).toBeNull();
        const forward = await path('agency:csrc', 'topic:real-estate-finance', { directed: true });
        expect(ids(forward!.nodes)).toHaveLength(4);
        const directed = await path('agency:cbrc', 'segment:internet-finance', { directed: true });
        expect(ids(directed!.nodes)).toEqual(['agency:cbrc', 'rule:guideline-2015', 'segment:internet-insurance', 'segment:internet-finance']);
        const undirected = await path('agency:cbrc', 'segment:internet-finance');
        expect(ids(undirected!.nodes)).toEqual(['agency:cbrc', 'rule:guideline-2015', 'rule:rectification-plan-2016', 'segment:internet-finance']);
      });

      it('types restrict the path', async () => {
        const p = await path('topic:down-payment-loan', 'topic:crowdfunding-house', { types: ['PART_OF'] });
        expect(ids(p!.nodes)).toEqual(['topic:down-payment-loan', 'topic:real-estate-finance', 'topic:crowdfunding-house']);
        expect(await path('agency:csrc', 'topic:real-estate-finance', { types: ['PART_OF', 'ISSUED'] })).toBeNull();
      });

      it('picks the smallest relationship id between the same two nodes', async () => {
        const p = await path('rule:p2p-interim-measures-2016', 'topic:info-disclosure');
        expect(ids(p!.relationships)).toEqual([rel('rule:p2p-interim-measures-2016', 'ADDRESSES', 'topic:info-disclosure')]);
        const q = await path('rule:p2p-interim-measures-2016', 'topic:info-disclosure', { types: ['REQUIRES'] });
        expect(ids(q!.relationships)).toEqual([rel('rule:p2p-interim-measures-2016', 'REQUIRES', 'topic:info-disclosure')]);
      });

      it('null beyond maxLength; undefined for an unknown end; one node from a node to itself', async () => {
        expect(await path('agency:csrc', 'topic:real-estate-finance', { maxLength: 2 })).toBeNull();
        expect(ids((await path('agency:csrc', 'topic:real-estate-finance', { maxLength: 3 }))!.nodes)).toHaveLength(4);
        expect(await path('agency:csrc', 'agency:nobody')).toBeUndefined();
        expect(await path('agency:nobody', 'agency:csrc')).toBeUndefined();
        expect(await path('agency:csrc', 'agency:csrc')).toEqual({ nodes: [nodeOf('agency:csrc')], relationships: [] });
        await expect(path('agency:csrc', 'agency:cbrc', { maxLength: 9 })).rejects.toThrow(RangeError);
        await expect(path('agency:csrc', 'agency:cbrc', { maxLength: 0 })).rejects.toThrow(RangeError);
        expect(ids((await path('agency:csrc', 'agency:cbrc', { maxLength: 8 }))!.nodes)).toEqual(['agency:csrc', 'rule:guideline-2015', 'agency:cbrc']);
      });
    });

    describe('regulators', () => {
      const summary = (a: Awaited<ReturnType<GraphStore['regulators']>>) =>
        a!.agencies.map((g) => `${g.agency.id}: ${g.rules.map((r) => `${r.rule.id}>${r.segment.id}`).join(', ')}`);

      it('groups agencies by rule count then name; rules by date then id; segments below count', async () => {
        const a = await store.regulators('segment:internet-finance');
        expect(a!.segment).toEqual(nodeOf('segment:internet-finance'));
        expect(summary(a)).toEqual([
          'agency:pboc: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p, rule:rectification-plan-2016>segment:crowdfunding, rule:rectification-plan-2016>segment:internet-finance',
          'agency:csrc: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p, rule:equity-crowdfunding-plan-2016>segment:equity-crowdfunding',
          'agency:cbrc: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p, rule:p2p-interim-measures-2016>segment:p2p',
          'agency:circ: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p',
          'agency:gz-association: rule:gz-self-discipline>segment:internet-finance',
        ]);
        const entry = a!.agencies[0]!.rules[0]!;
        expect(entry.issued).toEqual(relOf(rel('agency:pboc', 'ISSUED', 'rule:guideline-2015')));
        expect(entry.issued.properties).toEqual({ role: 'lead' });
        expect(entry.regulates).toEqual(relOf(rel('rule:guideline-2015', 'REGULATES', 'segment:equity-crowdfunding')));
      });

      it('asOf drops later rules and reorders agencies', async () => {
        expect(summary(await store.regulators('segment:internet-finance', '2016-09'))).toEqual([
          'agency:cbrc: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p, rule:p2p-interim-measures-2016>segment:p2p',
          'agency:pboc: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p',
          'agency:circ: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p',
          'agency:gz-association: rule:gz-self-discipline>segment:internet-finance',
          'agency:csrc: rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p',
        ]);
        expect(summary(await store.regulators('segment:internet-finance', '2015-07-17'))).toEqual([
          'agency:gz-association: rule:gz-self-discipline>segment:internet-finance',
        ]);
        // A month-only date (2016-10) counts as visible within that month.
        const oct = await store.regulators('segment:equity-crowdfunding', '2016-10');
        expect(summary(oct)[0]).toBe(
          'agency:csrc: rule:guideline-2015>segment:equity-crowdfunding, rule:equity-crowdfunding-plan-2016>segment:equity-crowdfunding',
        );
        expect(ids((await store.regulators('segment:equity-crowdfunding', '2016-09-30'))!.agencies.map((g) => g.agency))).toEqual([
          'agency:pboc',
          'agency:circ',
          'agency:csrc',
          'agency:cbrc',
        ]);
      });

      it('a segment nobody regulates has no agencies; a non-segment is undefined', async () => {
        const a = await store.regulators('segment:crowdfunding', '2016-01');
        expect(a!.agencies.map((g) => g.agency.id)).toEqual(['agency:pboc', 'agency:circ', 'agency:csrc', 'agency:cbrc']);
        const none = await store.regulators('segment:internet-insurance', '2015');
        expect(none!.agencies.map((g) => g.agency.id)).toEqual(['agency:pboc', 'agency:circ', 'agency:csrc', 'agency:cbrc']);
        const empty = await store.regulators('segment:internet-insurance', '2014');
        // Nothing regulates 互联网保险 itself yet, but the undated pact regulates its parent.
        expect(empty).toEqual({
          segment: nodeOf('segment:internet-insurance'),
          agencies: [],
          through: [
            {
              segment: nodeOf('segment:internet-finance'),
              agency: nodeOf('agency:gz-association'),
              rule: nodeOf('rule:gz-self-discipline'),
              issued: relOf(rel('agency:gz-association', 'ISSUED', 'rule:gz-self-discipline')),
              regulates: relOf(rel('rule:gz-self-discipline', 'REGULATES', 'segment:internet-finance')),
            },
          ],
          broader: [relOf(rel('segment:internet-insurance', 'PART_OF', 'segment:internet-finance'))],
          total: { agencies: 0, entries: 0, through: 1 },
          truncated: false,
        });
        expect(await store.regulators('topic:fund-pool')).toBeUndefined();
        expect(await store.regulators('segment:nothing')).toBeUndefined();
      });

      it('regulated through a parent: its own part, by rule date, without the direct rules', async () => {
        const through = (a: Awaited<ReturnType<GraphStore['regulators']>>) =>
          a!.through.map((t) => `${t.agency.id}: ${t.rule.id}>${t.segment.id}`);
        const eq = await store.regulators('segment:equity-crowdfunding');
        expect(through(eq)).toEqual([
          'agency:pboc: rule:rectification-plan-2016>segment:crowdfunding',
          'agency:pboc: rule:rectification-plan-2016>segment:internet-finance',
          'agency:gz-association: rule:gz-self-discipline>segment:internet-finance',
        ]);
        expect(ids(eq!.broader)).toEqual([
          rel('segment:crowdfunding', 'PART_OF', 'segment:internet-finance'),
          rel('segment:equity-crowdfunding', 'PART_OF', 'segment:crowdfunding'),
        ]);
        expect(eq!.total.through).toBe(3);
        // The plan regulates 众筹 itself, so for 众筹 it is a direct rule, not one through 互联网金融.
        const cf = await store.regulators('segment:crowdfunding');
        expect(through(cf)).toEqual(['agency:gz-association: rule:gz-self-discipline>segment:internet-finance']);
        expect(cf!.agencies.flatMap((g) => g.rules.map((r) => r.rule.id))).toContain('rule:rectification-plan-2016');
        // The top of the hierarchy has nothing above it.
        const top = await store.regulators('segment:internet-finance');
        expect(top!.through).toEqual([]);
        expect(top!.broader).toEqual([]);
        // asOf and limit apply to this part too.
        expect(through(await store.regulators('segment:p2p', '2016-09'))).toEqual([
          'agency:gz-association: rule:gz-self-discipline>segment:internet-finance',
        ]);
        const cut = await store.regulators('segment:equity-crowdfunding', undefined, 1);
        expect(through(cut)).toEqual(['agency:pboc: rule:rectification-plan-2016>segment:crowdfunding']);
        expect(cut!.total.through).toBe(3);
      });
    });

    describe('regulators: limit', () => {
      const summary = (a: Awaited<ReturnType<GraphStore['regulators']>>) =>
        a!.agencies.map((g) => `${g.agency.id} (${g.ruleCount}): ${g.rules.map((r) => `${r.rule.id}>${r.segment.id}`).join(', ')}`);

      it('keeps the first `limit` entries in answer order and says what it left out', async () => {
        const full = await store.regulators('segment:internet-finance');
        expect(full!.total).toEqual({ agencies: 5, entries: 17, through: 0 });
        expect(full!.truncated).toBe(false);
        expect(full!.agencies.map((g) => g.ruleCount)).toEqual([2, 2, 2, 1, 1]);

        const cut = await store.regulators('segment:internet-finance', undefined, 6);
        expect(summary(cut)).toEqual([
          'agency:pboc (2): rule:guideline-2015>segment:equity-crowdfunding, rule:guideline-2015>segment:internet-insurance, rule:guideline-2015>segment:p2p, rule:rectification-plan-2016>segment:crowdfunding, rule:rectification-plan-2016>segment:internet-finance',
          'agency:csrc (2): rule:guideline-2015>segment:equity-crowdfunding',
        ]);
        expect(cut!.total).toEqual({ agencies: 5, entries: 17, through: 0 });
        expect(cut!.truncated).toBe(true);
        // The cut falls on an agency boundary: the next agency is left out whole.
        expect(summary(await store.regulators('segment:internet-finance', undefined, 5))).toHaveLength(1);
        // Exactly the whole answer is not truncated.
        const exact = await store.regulators('segment:internet-finance', undefined, 17);
        expect(exact!.truncated).toBe(false);
        expect(exact!.agencies).toEqual(full!.agencies);
      });

      it('counts what asOf leaves visible', async () => {
        const a = await store.regulators('segment:internet-finance', '2015-07-17', 1);
        expect(a!.total).toEqual({ agencies: 1, entries: 1, through: 0 });
        expect(a!.truncated).toBe(false);
      });

      it('refuses a limit outside 1 to QUESTION_LIMIT_MAX', async () => {
        for (const bad of [0, -1, 1.5, QUESTION_LIMIT_MAX + 1, Number.NaN]) {
          await expect(store.regulators('segment:internet-finance', undefined, bad)).rejects.toThrow(RangeError);
          await expect(store.rulesTouching('topic:real-estate-finance', undefined, bad)).rejects.toThrow(RangeError);
        }
      });
    });

    describe('rulesTouching', () => {
      const summary = (a: Awaited<ReturnType<GraphStore['rulesTouching']>>) =>
        a!.rules.map((r) => `${r.rule.id} ${r.relationship.type} ${r.topic.id}`);

      it('follows PART_OF down to narrower topics; ordered by rule date, id, type, topic', async () => {
        const a = await store.rulesTouching('topic:real-estate-finance');
        expect(a!.topic).toEqual(nodeOf('topic:real-estate-finance'));
        // A date known only to the month or year sorts after the days inside it (graph-seed/dates.ts).
        expect(summary(a)).toEqual([
          'rule:rectification-plan-2016 ADDRESSES topic:down-payment-loan',
          'rule:rectification-plan-2016 ADDRESSES topic:real-estate-finance',
          'rule:equity-crowdfunding-plan-2016 ADDRESSES topic:crowdfunding-house',
          'rule:gz-down-payment-ban PROHIBITS topic:crowdfunding-house',
          'rule:gz-down-payment-ban PROHIBITS topic:down-payment-loan',
        ]);
        const first = a!.rules[3]!;
        const relId = rel('rule:gz-down-payment-ban', 'PROHIBITS', 'topic:crowdfunding-house');
        expect(first.relationship).toEqual(relOf(relId));
        expect(first.sources).toEqual(relOf(relId).sources);
        expect(first.rule).toEqual(nodeOf('rule:gz-down-payment-ban'));
        expect(first.topic).toEqual(nodeOf('topic:crowdfunding-house'));
      });

      it('asks only about the topic and what lies below it', async () => {
        expect(summary(await store.rulesTouching('topic:down-payment-loan'))).toEqual([
          'rule:rectification-plan-2016 ADDRESSES topic:down-payment-loan',
          'rule:gz-down-payment-ban PROHIBITS topic:down-payment-loan',
        ]);
        expect(summary(await store.rulesTouching('topic:info-disclosure'))).toEqual([
          'rule:p2p-interim-measures-2016 ADDRESSES topic:info-disclosure',
          'rule:p2p-interim-measures-2016 REQUIRES topic:info-disclosure',
          'rule:gz-self-discipline REQUIRES topic:info-disclosure',
        ]);
      });

      it('asOf: a year-only date counts from the start of that year', async () => {
        expect(summary(await store.rulesTouching('topic:real-estate-finance', '2016-06'))).toEqual([
          'rule:gz-down-payment-ban PROHIBITS topic:crowdfunding-house',
          'rule:gz-down-payment-ban PROHIBITS topic:down-payment-loan',
        ]);
        expect(summary(await store.rulesTouching('topic:real-estate-finance', '2016'))).toHaveLength(5);
        expect(await store.rulesTouching('topic:real-estate-finance', '2015')).toEqual({
          topic: nodeOf('topic:real-estate-finance'),
          rules: [],
          total: 0,
          truncated: false,
        });
      });

      it('limit keeps the first entries in order; total and truncated tell the rest', async () => {
        const full = await store.rulesTouching('topic:real-estate-finance');
        expect(full!.total).toBe(5);
        expect(full!.truncated).toBe(false);
        const cut = await store.rulesTouching('topic:real-estate-finance', undefined, 2);
        expect(cut!.rules).toEqual(full!.rules.slice(0, 2));
        expect(cut!.total).toBe(5);
        expect(cut!.truncated).toBe(true);
        const exact = await store.rulesTouching('topic:real-estate-finance', undefined, 5);
        expect(exact).toEqual(full);
      });

      it('undefined for a non-topic or unknown id', async () => {
        expect(await store.rulesTouching('segment:p2p')).toBeUndefined();
        expect(await store.rulesTouching('topic:nothing')).toBeUndefined();
      });
    });

    describe('timeline', () => {
      it('phases by order; dated rules and events oldest first, undated left out', async () => {
        const t = await store.timeline();
        expect(ids(t.phases)).toEqual(['phase:budding', 'phase:growth', 'phase:regulation']);
        // A date known only to the year (gz-down-payment-ban: 2016) or month (2016-10) sorts
        // after the dated days inside it, never before the April meeting of that year.
        expect(ids(t.rules)).toEqual([
          'rule:guideline-2015',
          'event:state-council-2016',
          'rule:p2p-interim-measures-2016',
          'event:g20-hangzhou',
          'rule:rectification-plan-2016',
          'rule:equity-crowdfunding-plan-2016',
          'rule:gz-down-payment-ban',
        ]);
        expect(t.phases[0]).toEqual(nodeOf('phase:budding'));
      });
    });

    describe('graph and subgraph', () => {
      it('whole graph: every node and relationship, sorted by id', async () => {
        const g = await store.graph({});
        expect(ids(g.nodes)).toEqual(graph.nodes.map((n) => n.id).sort());
        expect(ids(g.relationships)).toEqual(graph.relationships.map((r) => r.id).sort());
        expect(g.nodes).toEqual([...graph.nodes].map(toApiNode).sort((a, b) => (a.id < b.id ? -1 : 1)));
        expect(g.relationships).toEqual([...graph.relationships].map(toApiRelationship).sort((a, b) => (a.id < b.id ? -1 : 1)));
      });

      it('labels and types filter; relationships only between kept nodes', async () => {
        const topics = await store.graph({ labels: ['Topic'] });
        expect(topics.nodes).toHaveLength(6);
        expect(ids(topics.relationships)).toEqual([
          rel('topic:crowdfunding-house', 'PART_OF', 'topic:real-estate-finance'),
          rel('topic:down-payment-loan', 'PART_OF', 'topic:real-estate-finance'),
        ]);
        const segs = await store.graph({ labels: ['Segment', 'Technology'], types: ['PART_OF'] });
        expect(segs.nodes).toHaveLength(8);
        expect(ids(segs.relationships)).toEqual([
          rel('segment:crowdfunding', 'PART_OF', 'segment:internet-finance'),
          rel('segment:equity-crowdfunding', 'PART_OF', 'segment:crowdfunding'),
          rel('segment:internet-insurance', 'PART_OF', 'segment:internet-finance'),
          rel('segment:p2p', 'PART_OF', 'segment:internet-finance'),
          rel('technology:robo-advisor', 'PART_OF', 'technology:ai'),
        ]);
      });

      it('a date range keeps rules and events whose date may lie inside it: year-only and undated ones too', async () => {
        // The client's filter and the API keep the same nodes (graph-seed/dates.ts): a node
        // drops out only when its date shows it outside the range.
        const g = await store.graph({ from: '2016-09', to: '2016', labels: ['Rule', 'Event', 'Phase'] });
        expect(ids(g.nodes)).toEqual([
          'event:g20-hangzhou',
          'phase:budding',
          'phase:growth',
          'phase:regulation',
          'rule:equity-crowdfunding-plan-2016',
          'rule:gz-down-payment-ban',
          'rule:gz-self-discipline',
          'rule:rectification-plan-2016',
        ]);
        expect(ids(g.relationships)).toEqual([
          rel('phase:budding', 'PRECEDES', 'phase:growth'),
          rel('phase:growth', 'PRECEDES', 'phase:regulation'),
        ]);
        const early = await store.graph({ to: '2015-12-31', labels: ['Rule'] });
        expect(ids(early.nodes)).toEqual(['rule:guideline-2015', 'rule:gz-self-discipline']);
        const late = await store.graph({ from: '2016-10-01', labels: ['Rule'] });
        expect(ids(late.nodes)).toEqual(['rule:equity-crowdfunding-plan-2016', 'rule:gz-down-payment-ban', 'rule:gz-self-discipline', 'rule:rectification-plan-2016']);
        // The disagreement this rule ended: a rule dated only 2016 under from=2016-05.
        const may = await store.graph({ from: '2016-05', labels: ['Rule'] });
        expect(ids(may.nodes)).toContain('rule:gz-down-payment-ban');
        expect(ids(may.nodes)).not.toContain('rule:guideline-2015');
        await expect(store.graph({ from: '2017', to: '2016-12-31' })).rejects.toThrow(/from \(2017\) must not be later than to/);
        await expect(store.graph({ asOf: '4190-85-03' })).rejects.toThrow(/asOf .*month 85 does not exist/);
      });

      it('asOf keeps undated rules, drops later ones and their relationships', async () => {
        const g = await store.graph({ asOf: '2016-04', labels: ['Rule', 'Event'] });
        expect(ids(g.nodes)).toEqual([
          'event:state-council-2016',
          'rule:guideline-2015',
          'rule:gz-down-payment-ban',
          'rule:gz-self-discipline',
        ]);
        expect(g.relationships).toEqual([]);
        const all = await store.graph({ asOf: '2016-04' });
        expect(all.nodes).toHaveLength(27);
        expect(ids(all.relationships).some((id) => id.includes('rule:p2p-interim-measures-2016'))).toBe(false);
        await expect(store.graph({ from: '2016-13-x' })).rejects.toThrow(/from/);
      });

      it('subgraph: the known ids, deduplicated, and the relationships among them', async () => {
        const s = await store.subgraph(['segment:p2p', 'rule:guideline-2015', 'agency:nobody', 'segment:p2p', 'rule:p2p-interim-measures-2016']);
        expect(ids(s.nodes)).toEqual(['rule:guideline-2015', 'rule:p2p-interim-measures-2016', 'segment:p2p']);
        expect(ids(s.relationships)).toEqual([
          rel('rule:guideline-2015', 'REGULATES', 'segment:p2p'),
          rel('rule:p2p-interim-measures-2016', 'IMPLEMENTS', 'rule:guideline-2015'),
          rel('rule:p2p-interim-measures-2016', 'REGULATES', 'segment:p2p'),
        ]);
        expect(await store.subgraph([])).toEqual({ nodes: [], relationships: [] });
      });
    });
  });
}
