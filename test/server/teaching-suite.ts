/**
 * The teaching API over the real seed, run against any store (`teaching.test.ts`: memory,
 * `teaching.neo4j.test.ts`: Neo4j). Expected answers are computed here from the seed files
 * with the date rules of `graph-seed/dates.ts`, never typed in from memory: "who regulated P2P lending
 * as of 2016-09-01" is whatever the seed says it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import type { SeedGraph, SeedNode } from '../../graph-seed/schema.js';
import { loadTours } from '../../graph-seed/validate-tours.js';
import { byDate, laterThan } from '../support/reference-semantics.js';
import { CHANGES_CYPHER, MATRIX_CYPHER } from '../../server/stores/neo4j/queries.js';
import type { ApiNode, GraphStore, MatrixCell } from '../../server/stores/types.js';
import { getJson, startApp, type Running } from './helpers.js';

export const P2P = 'segment:p2p-lending';
export const REAL_ESTATE = 'topic:real-estate-finance';
const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id);
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

export function teachingSuite(openStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let app: Running;
  let seed: SeedGraph;
  const get = (path: string) => getJson(app.base, path);
  const node = (id: string): SeedNode => seed.nodes.find((n) => n.id === id)!;
  /** A Rule or Event hidden at this asOf (the rule restated in ../support/reference-semantics.ts). */
  const later = (n: SeedNode, asOf: string): boolean => laterThan(n, asOf);
  /** The segment or topic and everything PART_OF it (narrower). */
  const below = (id: string): Set<string> => {
    const out = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of seed.relationships) if (r.type === 'PART_OF' && out.has(r.target) && !out.has(r.source)) (out.add(r.source), (grew = true));
    }
    return out;
  };

  beforeAll(async () => {
    seed = await loadSeedGraph({ onWarning: () => {} });
    store = await openStore();
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  describe('asOf on the questions and the graph', () => {
    it('who regulated P2P lending as of 2016-09-01: only the rules the seed dates by then, with their issuers', async () => {
      const asOf = '2016-09-01';
      const segments = below(P2P);
      const expectedRules = new Set(
        seed.relationships
          .filter((r) => r.type === 'REGULATES' && segments.has(r.target) && !later(node(r.source), asOf))
          .map((r) => r.source),
      );
      const expectedAgencies = new Set(
        seed.relationships.filter((r) => r.type === 'ISSUED' && expectedRules.has(r.target)).map((r) => r.source),
      );
      const res = await get(`/api/questions/regulators?segment=${P2P}&asOf=${asOf}`);
      expect(res.status).toBe(200);
      const rules = new Set<string>(res.body.agencies.flatMap((a: { rules: Array<{ rule: ApiNode }> }) => a.rules.map((r) => r.rule.id)));
      expect(sorted(rules)).toEqual(sorted(expectedRules));
      expect(sorted(res.body.agencies.map((a: { agency: ApiNode }) => a.agency.id))).toEqual(sorted(expectedAgencies));
      // The seed's answer at that date is the August 2016 interim measures alone; later rules add to it.
      expect(sorted(rules)).toEqual(['rule:p2p-interim-measures-2016']);
      const now = await get(`/api/questions/regulators?segment=${P2P}`);
      const allRules = new Set<string>(now.body.agencies.flatMap((a: { rules: Array<{ rule: ApiNode }> }) => a.rules.map((r) => r.rule.id)));
      expect(allRules.size).toBeGreaterThan(rules.size);
      for (const id of allRules) expect(rules.has(id) || later(node(id), asOf), id).toBe(true);
    });

    it('rules touching real-estate lending as of a date drop the later ones, keep undated local measures', async () => {
      for (const asOf of ['2015', '2016-09-01', '2016-10-13']) {
        const topics = below(REAL_ESTATE);
        const expected = new Set(
          seed.relationships
            .filter((r) => ['PROHIBITS', 'REQUIRES', 'ADDRESSES'].includes(r.type) && topics.has(r.target) && !later(node(r.source), asOf))
            .map((r) => r.source),
        );
        const res = await get(`/api/questions/rules?topic=${REAL_ESTATE}&asOf=${asOf}`);
        expect(res.status).toBe(200);
        expect(sorted(new Set(res.body.rules.map((r: { rule: ApiNode }) => r.rule.id))), asOf).toEqual(sorted(expected));
      }
    });

    it('the graph and a neighbourhood as of a date hold no later rule or event, nor any relationship to one', async () => {
      const asOf = '2016-09-01';
      const g = await get(`/api/graph?asOf=${asOf}`);
      expect(sorted(ids(g.body.nodes))).toEqual(sorted(seed.nodes.filter((n) => !later(n, asOf)).map((n) => n.id)));
      const hidden = new Set(seed.nodes.filter((n) => later(n, asOf)).map((n) => n.id));
      expect(hidden.size).toBeGreaterThan(0);
      expect(g.body.relationships.length).toBe(seed.relationships.filter((r) => !hidden.has(r.source) && !hidden.has(r.target)).length);
      const nb = await get(`/api/nodes/agency:cbrc/neighborhood?asOf=${asOf}`);
      for (const n of nb.body.nodes as ApiNode[]) expect(hidden.has(n.id), n.id).toBe(false);
      expect(ids(nb.body.nodes)).toContain('rule:p2p-interim-measures-2016');
    });
  });

  describe('GET /api/changes', () => {
    function expectedChanges(from: string, to: string) {
      const added = seed.nodes.filter((n) => later(n, from) && !later(n, to)).map((n) => n.id);
      const addedSet = new Set(added);
      const visible = (id: string) => !later(node(id), to);
      const rels = seed.relationships
        .filter((r) => (addedSet.has(r.source) && visible(r.target)) || (addedSet.has(r.target) && visible(r.source)))
        .map((r) => r.id);
      return { added: sorted(added), rels: sorted(rels) };
    }

    it('the rules and events of (from, to] and every relationship they brought, with the Cypher', async () => {
      for (const [from, to] of [
        ['2016-08-24', '2016-10-13'],
        ['2015', '2016-09'],
        ['2000', '2015-07'],
        ['2016-10-13', '2017'],
      ] as const) {
        const res = await get(`/api/changes?from=${from}&to=${to}`);
        expect(res.status, `${from}..${to}`).toBe(200);
        const want = expectedChanges(from, to);
        expect(sorted(ids(res.body.added)), `${from}..${to}`).toEqual(want.added);
        expect(ids(res.body.relationships), `${from}..${to}`).toEqual(want.rels);
        const ends = new Set((res.body.relationships as Array<{ source: string; target: string }>).flatMap((r) => [r.source, r.target]));
        for (const a of want.added) ends.delete(a);
        expect(ids(res.body.linked)).toEqual(sorted(ends));
        expect(res.body.cypher).toBe(CHANGES_CYPHER);
      }
      // The six October plans arrive together.
      const october = await get('/api/changes?from=2016-09-30&to=2016-10-13');
      expect((october.body.added as ApiNode[]).filter((n) => n.kind === 'rectification-plan')).toHaveLength(6);
    });

    it('oldest first; (from, from] is empty', async () => {
      const res = await get('/api/changes?from=2000&to=2020');
      const dates = (res.body.added as ApiNode[]).map((n) => n.date!);
      expect(dates.length).toBeGreaterThan(1);
      expect(dates).toEqual([...dates].sort(byDate));
      const empty = await get('/api/changes?from=2016-10-13&to=2016-10-13');
      expect(empty.body.added).toEqual([]);
    });

    it('400 for a missing, malformed or reversed range', async () => {
      for (const [path, mention] of [
        ['/api/changes?to=2016', /`from` is required/],
        ['/api/changes?from=2016', /`to` is required/],
        ['/api/changes?from=2016-13&to=2017', /`from` must be an ISO date/],
        ['/api/changes?from=2016-10&to=2016-09', /`from` must not be later than `to`/],
        ['/api/changes?from=2016&to=2016-10-13', /`from` must not be later than `to`/],
        ['/api/changes?from=2016&to=2017&asOf=2016', /Unknown query parameter `asOf`/],
      ] as const) {
        const res = await get(path);
        expect(res.status, path).toBe(400);
        expect(res.body.error.message, path).toMatch(mention);
      }
    });
  });

  describe('GET /api/matrix', () => {
    function triples(asOf?: string): Set<string> {
      const out = new Set<string>();
      for (const iss of seed.relationships.filter((r) => r.type === 'ISSUED')) {
        if (asOf && later(node(iss.target), asOf)) continue;
        for (const reg of seed.relationships.filter((r) => r.type === 'REGULATES' && r.source === iss.target)) {
          for (const seg of seed.nodes.filter((n) => n.label === 'Segment' && below(n.id).has(reg.target))) {
            out.add(`${iss.source} ${iss.target} ${reg.target} ${seg.id}`);
          }
        }
      }
      return out;
    }
    const cellTriples = (cells: MatrixCell[]): Set<string> => {
      const out = new Set<string>();
      for (const c of cells) {
        for (const r of c.rules) out.add(`${c.agency} ${r} ${c.segment} ${c.segment}`);
        for (const r of c.rollup) out.add(`${c.agency} ${r.rule} ${r.via} ${c.segment}`);
      }
      return out;
    };

    it('every cell is an agency issuing a rule that regulates the segment or a narrower one, and none is missing', async () => {
      const res = await get('/api/matrix');
      expect(res.status).toBe(200);
      expect(res.body.cypher).toBe(MATRIX_CYPHER);
      const m = res.body as { cells: MatrixCell[]; agencies: ApiNode[]; segments: ApiNode[] };
      const want = triples();
      // A rule that regulates the cell directly is not repeated as a roll-up of the same cell.
      const direct = new Set([...want].filter((t) => t.split(' ')[2] === t.split(' ')[3]).map((t) => t.split(' ').filter((_, i) => i !== 2).join(' ')));
      const expected = new Set([...want].filter((t) => {
        const [a, r, via, s] = t.split(' ');
        return via === s || !direct.has(`${a} ${r} ${s}`);
      }));
      expect(sorted(cellTriples(m.cells))).toEqual(sorted(expected));
      expect(sorted(ids(m.agencies))).toEqual(sorted(new Set(m.cells.map((c) => c.agency))));
      expect(sorted(ids(m.segments))).toEqual(sorted(new Set(m.cells.map((c) => c.segment))));
      // The CBRC regulates P2P lending directly; 互联网金融 rolls it up.
      const cbrcP2p = m.cells.find((c) => c.agency === 'agency:cbrc' && c.segment === P2P);
      expect(cbrcP2p?.rules.length).toBeGreaterThan(0);
      const cbrcAll = m.cells.find((c) => c.agency === 'agency:cbrc' && c.segment === 'segment:internet-finance');
      expect(cbrcAll?.rollup.some((r) => r.via === P2P)).toBe(true);
    });

    it('as of a date only the rules issued by then make cells', async () => {
      const asOf = '2016-09-01';
      const res = await get(`/api/matrix?asOf=${asOf}`);
      const rules = new Set<string>((res.body.cells as MatrixCell[]).flatMap((c) => [...c.rules, ...c.rollup.map((r) => r.rule)]));
      expect(sorted(rules)).toEqual(sorted(new Set([...triples(asOf)].map((t) => t.split(' ')[1]!))));
      for (const r of rules) expect(later(node(r), asOf), r).toBe(false);
      const bad = await get('/api/matrix?asOf=2016-02-30');
      expect(bad.status).toBe(400);
    });
  });

  describe('GET /api/tours', () => {
    it('lists the tours and serves each, exactly as the tour files hold them', async () => {
      const tours = await loadTours(seed, { onWarning: () => {} });
      const list = await get('/api/tours');
      expect(list.status).toBe(200);
      expect(list.body.tours).toEqual(tours.map((t) => ({ id: t.id, title: t.title, summary: t.summary, steps: t.steps.length })));
      for (const t of tours) {
        const one = await get(`/api/tours/${t.id}`);
        expect(one.status).toBe(200);
        expect(one.body.tour).toEqual(t);
      }
    });

    it('404 for an unknown tour, 400 for a malformed id', async () => {
      const missing = await get('/api/tours/no-such-tour');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe('No tour has the id `no-such-tour`.');
      const bad = await get('/api/tours/Bad_Id');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/Path parameter `id` must be a tour id/);
    });
  });

  describe('GET /api/quiz', () => {
    it('the same seed gives the same quiz; without a seed one is drawn and returned', async () => {
      const a = await get('/api/quiz?seed=12345&count=8');
      expect(a.status).toBe(200);
      expect(a.body.seed).toBe(12345);
      expect(a.body.questions).toHaveLength(8);
      expect((await get('/api/quiz?seed=12345&count=8')).body).toEqual(a.body);
      const drawn = await get('/api/quiz');
      expect(drawn.body.questions).toHaveLength(5);
      const again = await get(`/api/quiz?seed=${drawn.body.seed}`);
      expect(again.body).toEqual(drawn.body);
    });

    it('400 for a bad seed or count', async () => {
      for (const path of ['/api/quiz?seed=-1', '/api/quiz?seed=abc', '/api/quiz?count=0', '/api/quiz?count=21', '/api/quiz?seed=1234567']) {
        const res = await get(path);
        expect(res.status, path).toBe(400);
      }
    });
  });
}
