/**
 * Contract cases over the real seed (`graph-seed/data`), for every store:
 * - answers to the domain's questions that the report states plainly (央行 is the PBoC, the
 *   CBRC regulates P2P lending through the 2016 interim measures, Guangzhou's halt of
 *   首付贷 touches real-estate finance through PART_OF, …);
 * - when a reference store is given (the memory store, for the Neo4j run): the same answer
 *   from both stores for every node name and alias as a search, every node's
 *   neighbourhood, every segment's and topic's question, and a spread of paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import type { GraphStore } from '../../server/stores/types.js';

const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id);

export function runSeedContract(
  name: string,
  makeStore: (graph: SeedGraph) => Promise<GraphStore>,
  makeReference?: (graph: SeedGraph) => Promise<GraphStore>,
): void {
  describe(`GraphStore over the seed: ${name}`, () => {
    let graph: SeedGraph;
    let store: GraphStore;
    let reference: GraphStore | undefined;

    beforeAll(async () => {
      graph = await loadSeedGraph({ onWarning: () => {} });
      store = await makeStore(graph);
      reference = makeReference ? await makeReference(graph) : undefined;
    });
    afterAll(async () => {
      await store?.close();
      await reference?.close();
    });

    describe('questions the report answers', () => {
      it('search: short forms and English find the body or segment meant', async () => {
        const first = async (q: string) => (await store.search({ q, limit: 5 }))[0];
        expect(await first('央行')).toMatchObject({ id: 'agency:pboc', score: 4 });
        expect(await first('CBRC')).toMatchObject({ id: 'agency:cbrc', score: 4 });
        expect(await first('cbrc')).toMatchObject({ id: 'agency:cbrc', score: 4 });
        expect(await first('P2P')).toMatchObject({ id: 'segment:p2p-lending', score: 4 });
        expect(await first('real estate')).toMatchObject({ id: 'topic:real-estate-finance' });
        const lending = ids(await store.search({ q: '网络借贷', limit: 10 }));
        expect(lending[0]).toBe('segment:p2p-lending');
        expect(lending).toContain('rule:p2p-interim-measures-2016');
        expect(ids(await store.search({ q: 'insurance', limit: 10 }))).toEqual(
          expect.arrayContaining(['agency:circ', 'segment:internet-insurance']),
        );
      });

      it('regulators of P2P lending: the CBRC first, through the interim measures', async () => {
        const a = await store.regulators('segment:p2p-lending');
        expect(a!.agencies[0]!.agency.id).toBe('agency:cbrc');
        expect(a!.agencies[0]!.rules.map((r) => r.rule.id)).toContain('rule:p2p-interim-measures-2016');
        // Before 2016 none of the 2016 rules was out.
        const early = await store.regulators('segment:p2p-lending', '2015-12');
        // Exactly the (agency, rule) pairs of the full answer whose rule is undated or out by then.
        const pairs = (answer: typeof a) => answer!.agencies.flatMap((g) => g.rules.map((r) => ({ agency: g.agency.id, rule: r.rule.id, date: r.rule.date })));
        const byThen = pairs(a).filter((p) => p.date === undefined || p.date <= '2015-12-99');
        expect(pairs(early).map((p) => `${p.agency} ${p.rule}`).sort()).toEqual(byThen.map((p) => `${p.agency} ${p.rule}`).sort());
        expect(ids(early!.agencies.flatMap((g) => g.rules.map((r) => r.rule)))).not.toContain('rule:p2p-interim-measures-2016');
      });

      it('互联网信托 is regulated through 互联网金融, as its own part of the answer and in the matrix', async () => {
        const a = await store.regulators('segment:internet-trust');
        expect(a!.agencies).toEqual([]);
        expect(a!.through.map((t) => `${t.agency.id} ${t.rule.id} ${t.segment.id}`)).toContain(
          'agency:state-council-general-office rule:internet-finance-rectification-plan-2016 segment:internet-finance',
        );
        expect(ids(a!.broader)).toEqual(['segment:internet-trust-PART_OF->segment:internet-finance']);
        const m = await store.matrix();
        const cell = m.cells.find((c) => c.agency === 'agency:state-council-general-office' && c.segment === 'segment:internet-trust');
        expect(cell).toMatchObject({ rules: [], rollup: [], through: [{ rule: 'rule:internet-finance-rectification-plan-2016', via: 'segment:internet-finance' }] });
      });

      it('rules touching real-estate finance include the Guangzhou halt of 首付贷, found through PART_OF', async () => {
        const a = await store.rulesTouching('topic:real-estate-finance');
        expect(a!.rules.map((r) => `${r.rule.id} ${r.relationship.type} ${r.topic.id}`)).toContain(
          'rule:guangzhou-halt-down-payment-loans PROHIBITS topic:down-payment-loans',
        );
        for (const r of a!.rules) expect(r.sources.length).toBeGreaterThan(0);
      });

      it('证监会 and 首付贷 are connected; the phases come in the report’s order', async () => {
        const p = await store.shortestPath({ from: 'agency:csrc', to: 'topic:down-payment-loans', maxLength: 6, directed: false });
        expect(p!.nodes[0]!.id).toBe('agency:csrc');
        expect(p!.nodes.at(-1)!.id).toBe('topic:down-payment-loans');
        expect(p!.relationships).toHaveLength(p!.nodes.length - 1);
        const t = await store.timeline();
        expect(ids(t.phases)).toEqual(['phase:incubation', 'phase:emergence', 'phase:growth', 'phase:regulation']);
      });

      it('counts agree with the seed and with the whole graph', async () => {
        const counts = await store.counts();
        expect(counts.nodes).toBe(graph.nodes.length);
        expect(counts.relationships).toBe(graph.relationships.length);
        const whole = await store.graph({});
        expect(whole.nodes).toHaveLength(graph.nodes.length);
        expect(whole.relationships).toHaveLength(graph.relationships.length);
      });
    });

    if (makeReference) {
      describe('the same answers as the reference store', () => {
        const same = async <T>(what: string, f: (s: GraphStore) => Promise<T>) => {
          expect(await f(store), what).toEqual(await f(reference!));
        };

        it('search for every name, English name, alias and two-character prefix', async () => {
          const queries = new Set<string>();
          for (const n of graph.nodes) {
            queries.add(n.name);
            queries.add(n.nameEn);
            for (const a of n.aliases) queries.add(a);
            queries.add(n.name.replace(/^《/, '').slice(0, 2));
          }
          for (const q of ['贷', '险', 'p', '金融', 'risk', 'plan', '2016']) queries.add(q);
          for (const q of queries) await same(`search ${q}`, (s) => s.search({ q, limit: 15 }));
        });

        it('every node: neighbourhood at depth 1 and 2, with and without asOf', async () => {
          for (const n of graph.nodes) {
            await same(`neighbourhood ${n.id}`, (s) => s.neighborhood({ id: n.id, depth: 1, limit: 40 }));
            await same(`neighbourhood 2 ${n.id}`, (s) => s.neighborhood({ id: n.id, depth: 2, limit: 25, asOf: '2016-06' }));
          }
        });

        it('every segment and topic question, with and without asOf', async () => {
          for (const n of graph.nodes) {
            if (n.label === 'Segment') {
              await same(`regulators ${n.id}`, (s) => s.regulators(n.id));
              await same(`regulators ${n.id} 2016-09`, (s) => s.regulators(n.id, '2016-09'));
            }
            if (n.label === 'Topic') {
              await same(`rules ${n.id}`, (s) => s.rulesTouching(n.id));
              await same(`rules ${n.id} 2016`, (s) => s.rulesTouching(n.id, '2016'));
            }
          }
        });

        it('paths between a spread of pairs, timeline and filtered graphs', async () => {
          const nodes = graph.nodes;
          for (let i = 0; i < nodes.length; i += 7) {
            for (let j = 3; j < nodes.length; j += 11) {
              const q = { from: nodes[i]!.id, to: nodes[j]!.id, maxLength: 6 };
              await same(`path ${q.from} ${q.to}`, (s) => s.shortestPath({ ...q, directed: false }));
              await same(`directed path ${q.from} ${q.to}`, (s) => s.shortestPath({ ...q, directed: true }));
            }
          }
          await same('timeline', (s) => s.timeline());
          await same('graph', (s) => s.graph({}));
          await same('graph asOf', (s) => s.graph({ asOf: '2016-08', types: ['ISSUED', 'REGULATES', 'PART_OF'] }));
          await same('graph range', (s) => s.graph({ from: '2016', to: '2016-09', labels: ['Rule', 'Event', 'Agency'] }));
        });
      });
    }
  });
}
