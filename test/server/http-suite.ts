/**
 * The HTTP contract, run against any GraphStore: `http.test.ts` runs it on the memory
 * store over the real seed, `http.neo4j.test.ts` on the Neo4j store over the same seed.
 * Every endpoint, every parameter rule and every error path; answers come from the store,
 * so assertions check the contract (shapes, statuses, messages, evidence), not fixed data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { compareDates } from '../../graph-seed/dates.js';
import { NODE_LABELS, REL_TYPES } from '../../graph-seed/schema.js';
import type { ApiNode, ApiRelationship, GraphStore } from '../../server/stores/types.js';
import { REGULATORS_CYPHER, RULES_TOUCHING_CYPHER, SHORTEST_PATH_CYPHER } from '../../server/stores/neo4j/queries.js';
import { getJson, startApp, type Running } from './helpers.js';

/** The ids the seed uses for the questions users bring most (see docs/domain.md). */
export const P2P = 'segment:p2p-lending';
export const REAL_ESTATE = 'topic:real-estate-finance';

export function httpSuite(openStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let app: Running;
  const get = (path: string, init?: RequestInit) => getJson(app.base, path, init);

  beforeAll(async () => {
    store = await openStore();
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  function expectBadRequest(res: { status: number; body: any }, mentions: RegExp | string): void {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toMatch(mentions);
  }

  function expectNotFound(res: { status: number; body: any }, mentions: RegExp | string): void {
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toMatch(mentions);
  }

  /** Every relationship joins two of the returned nodes. */
  function expectClosed(nodes: ApiNode[], rels: ApiRelationship[]): void {
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    for (const r of rels) {
      expect(ids.has(r.source) && ids.has(r.target), r.id).toBe(true);
    }
  }

  // --- health and schema ---------------------------------------------------------------

  it('GET /api/health reports the store and its size', async () => {
    const res = await get('/api/health');
    const counts = await store.counts();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', store: store.kind, nodes: counts.nodes, relationships: counts.relationships });
    expect(counts.nodes).toBeGreaterThan(50);
  });

  it('GET /api/schema lists every label and type with counts, names and endpoint rules', async () => {
    const res = await get('/api/schema');
    expect(res.status).toBe(200);
    expect(res.body.labels.map((l: any) => l.label)).toEqual([...NODE_LABELS]);
    expect(res.body.relationshipTypes.map((t: any) => t.type)).toEqual([...REL_TYPES]);
    const agency = res.body.labels.find((l: any) => l.label === 'Agency');
    expect(agency.names).toEqual({ zh: '机构', en: 'Agency' });
    expect(agency.count).toBeGreaterThan(0);
    const issued = res.body.relationshipTypes.find((t: any) => t.type === 'ISSUED');
    expect(issued).toMatchObject({ names: { zh: '发布', en: 'issued' }, from: ['Agency'], to: ['Rule'] });
    const sum = (xs: any[]) => xs.reduce((a, x) => a + x.count, 0);
    expect(sum(res.body.labels)).toBe(res.body.counts.nodes);
    expect(sum(res.body.relationshipTypes)).toBe(res.body.counts.relationships);
  });

  // --- search --------------------------------------------------------------------------

  it('GET /api/search finds a segment by its Chinese name, alias or English name', async () => {
    for (const q of ['网络借贷', 'P2P', 'p2p lending']) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: any) => r.id), q).toContain(P2P);
      for (const hit of res.body.results) expect(Object.keys(hit).sort()).toEqual(['id', 'label', 'name', 'nameEn', 'score']);
    }
  });

  it('GET /api/search trims q, filters by labels and honours limit', async () => {
    const res = await get('/api/search?q=%20%E9%93%B6%E7%9B%91%E4%BC%9A%20&labels=Agency,Rule&limit=3');
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.length).toBeLessThanOrEqual(3);
    for (const hit of res.body.results) expect(['Agency', 'Rule']).toContain(hit.label);
    expect(res.body.results[0].id).toBe('agency:cbrc');
    const scores = res.body.results.map((r: any) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('GET /api/search rejects bad parameters, naming them', async () => {
    expectBadRequest(await get('/api/search'), /`q` is required/);
    expectBadRequest(await get('/api/search?q=%20%20'), /`q` must not be empty/);
    expectBadRequest(await get(`/api/search?q=${'x'.repeat(201)}`), /`q` must be at most 200/);
    expectBadRequest(await get('/api/search?q=a&labels=Agency,Bank'), /`labels`.*`Bank`/);
    expectBadRequest(await get('/api/search?q=a&labels='), /`labels`/);
    expectBadRequest(await get('/api/search?q=a&limit=0'), /`limit`/);
    expectBadRequest(await get('/api/search?q=a&limit=101'), /`limit`/);
    expectBadRequest(await get('/api/search?q=a&limit=ten'), /`limit`/);
    expectBadRequest(await get('/api/search?q=a&lang=en'), /Unknown query parameter `lang`/);
    expectBadRequest(await get('/api/search?q=a&q=b'), /`q` is repeated/);
    expectBadRequest(await get('/api/search?q=%E0%A4%A'), /percent-encoding/);
  });

  // --- nodes ---------------------------------------------------------------------------

  it('GET /api/nodes/:id returns the node with its citations, whether or not the colon is encoded', async () => {
    for (const path of ['/api/nodes/agency:cbrc', '/api/nodes/agency%3Acbrc']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.body.node).toMatchObject({ id: 'agency:cbrc', label: 'Agency', name: '银监会' });
      expect(res.body.node.sources.length).toBeGreaterThan(0);
      expect(res.body.node.sources[0].quote.length).toBeGreaterThan(0);
    }
  });

  it('GET /api/nodes/:id: 404 for an unknown id, 400 for a malformed one or an unknown parameter', async () => {
    expectNotFound(await get('/api/nodes/agency:nope'), '`agency:nope`');
    expectBadRequest(await get('/api/nodes/NOT%20AN%20ID'), /Path parameter `id`/);
    expectBadRequest(await get('/api/nodes/agency:cbrc?depth=2'), /Unknown query parameter `depth`.*no parameters/);
    expectBadRequest(await get('/api/nodes/%E0%A4%A'), /percent-encoding/);
  });

  it('GET /api/nodes/:id/neighborhood: depth 1 by default, every relationship inside the result', async () => {
    const res = await get(`/api/nodes/${P2P}/neighborhood`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['nodes', 'relationships', 'truncated']);
    expect(res.body.nodes.map((n: ApiNode) => n.id)).toContain(P2P);
    expect(res.body.nodes.length).toBeGreaterThan(1);
    expectClosed(res.body.nodes, res.body.relationships);
    expect(res.body.truncated).toBe(false);
    const deeper = await get(`/api/nodes/${P2P}/neighborhood?depth=2`);
    expect(deeper.body.nodes.length).toBeGreaterThan(res.body.nodes.length);
  });

  it('GET /api/nodes/:id/neighborhood honours limit, labels, types and asOf', async () => {
    const cut = await get(`/api/nodes/${P2P}/neighborhood?depth=2&limit=3`);
    expect(cut.status).toBe(200);
    expect(cut.body.nodes.length).toBeLessThanOrEqual(3);
    expect(cut.body.nodes.map((n: ApiNode) => n.id)).toContain(P2P);
    expect(cut.body.truncated).toBe(true);

    const rules = await get(`/api/nodes/${P2P}/neighborhood?labels=Rule,Segment&types=REGULATES`);
    expect(rules.status).toBe(200);
    for (const n of rules.body.nodes) expect(['Rule', 'Segment']).toContain(n.label);
    for (const r of rules.body.relationships) expect(r.type).toBe('REGULATES');
    expect(rules.body.relationships.length).toBeGreaterThan(0);

    const early = await get(`/api/nodes/${P2P}/neighborhood?labels=Rule,Segment&types=REGULATES&asOf=2015-12-31`);
    expect(early.status).toBe(200);
    // Undated rules stay visible (nothing says they came later); every dated one is by the date.
    const earlyRules = early.body.nodes.filter((n: ApiNode) => n.label === 'Rule');
    const lateRules = (rules.body.nodes as ApiNode[]).filter((n) => n.label === 'Rule' && n.date !== undefined && n.date > '2015-12-99').map((n) => n.id);
    expect(lateRules.length).toBeGreaterThan(0);
    expect(earlyRules.filter((n: ApiNode) => n.date !== undefined && n.date > '2015-12-99')).toEqual([]);
    expect(early.body.nodes.map((n: ApiNode) => n.id)).not.toEqual(expect.arrayContaining([lateRules[0]]));
    expect(early.body.nodes.length).toBeLessThan(rules.body.nodes.length);
  });

  it('GET /api/nodes/:id/neighborhood rejects bad parameters and unknown ids', async () => {
    expectBadRequest(await get(`/api/nodes/${P2P}/neighborhood?depth=4`), /`depth` must be an integer from 1 to 3/);
    expectBadRequest(await get(`/api/nodes/${P2P}/neighborhood?limit=2001`), /`limit`/);
    expectBadRequest(await get(`/api/nodes/${P2P}/neighborhood?types=ISSUED,OWNS`), /`types`.*`OWNS`/);
    expectBadRequest(await get(`/api/nodes/${P2P}/neighborhood?asOf=2016-02-30`), /`asOf` must be an ISO date/);
    expectBadRequest(await get(`/api/nodes/${P2P}/neighborhood?depth=1&depth=2`), /`depth` is repeated/);
    expectNotFound(await get('/api/nodes/segment:nope/neighborhood'), '`segment:nope`');
  });

  // --- paths ---------------------------------------------------------------------------

  it('GET /api/paths/shortest explains how 证监会 and 首付贷 are connected, step by step, with citations', async () => {
    const res = await get('/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['cypher', 'explanation', 'nodes', 'relationships']);
    const { nodes, relationships, explanation } = res.body as { nodes: ApiNode[]; relationships: ApiRelationship[]; explanation: { zh: string[]; en: string[]; evidence: string[] } };
    expect(nodes[0]!.id).toBe('agency:csrc');
    expect(nodes.at(-1)!.id).toBe('topic:down-payment-loans');
    expect(relationships.length).toBe(nodes.length - 1);
    expect(explanation.zh).toHaveLength(relationships.length);
    expect(explanation.en).toHaveLength(relationships.length);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    relationships.forEach((r, i) => {
      // Walking order: step i joins node i and node i+1, in either direction.
      expect([r.source, r.target].sort()).toEqual([nodes[i]!.id, nodes[i + 1]!.id].sort());
      const source = byId.get(r.source)!;
      const target = byId.get(r.target)!;
      // The sentence states the relationship's true direction: it starts with its source (after
      // "the report implies" or its like for a step the report does not state), named in the
      // sentence's language (a rule keeps its Chinese title in brackets in English).
      const lead = /^(The report implies \(without stating it\) that |The report states this without naming the document; the graph attributes it: |报告暗示（并未明言）：|报告未点名文件，图谱将其归属于此：)/;
      expect(explanation.en[i]!.replace(lead, '').startsWith(source.nameEn)).toBe(true);
      expect(explanation.zh[i]!.replace(lead, '').replace(/^《/, '').startsWith(source.name.replace(/^《/, ''))).toBe(true);
      expect(explanation.evidence[i]).toBe(r.properties['evidence'] ?? 'stated');
      expect(explanation.en[i]).toContain(target.nameEn);
      if (target.label === 'Rule' && target.kind !== 'local-measure') expect(explanation.en[i]).toContain(`《${target.name.replace(/^《|》$/g, '')}》`);
      // Every step cites its first quote; a link read from the text says so and cites them all.
      expect(explanation.en[i]).toContain(`source: ${r.sources[0]!.section}, “${r.sources[0]!.quote}”`);
      expect(explanation.zh[i]).toContain(`出处：${r.sources[0]!.section}，“${r.sources[0]!.quote}”`);
      if (r.properties['evidence'] === 'inferred') {
        expect(explanation.en[i]).toContain('(inferred from the report; ');
        expect(explanation.en[i]).toMatch(/^The report implies/);
        expect(explanation.zh[i]).toMatch(/^报告暗示/);
        for (const s of r.sources) expect(explanation.en[i]).toContain(`“${s.quote}”`);
      } else {
        expect(explanation.en[i]).not.toContain('(inferred from the report; ');
      }
    });
    const issued = relationships.findIndex((r) => r.type === 'ISSUED');
    expect(issued).toBeGreaterThanOrEqual(0);
    const rule = byId.get(relationships[issued]!.target)!;
    expect(explanation.en[issued]).toContain(`issued ${rule.nameEn} (《${rule.name.replace(/^《|》$/g, '')}》) on ${rule.date}`);
    expect(explanation.zh[issued]).toContain(`于${rule.date}发布`);
    expect(res.body.cypher).toBe(SHORTEST_PATH_CYPHER);
  });

  it('GET /api/paths/shortest walks a relationship backwards but says it forwards', async () => {
    // From the topic back to the agency: every step goes against the relationship's direction.
    const res = await get('/api/paths/shortest?from=topic:down-payment-loans&to=agency:csrc');
    expect(res.status).toBe(200);
    const last = res.body.relationships.at(-1) as ApiRelationship;
    expect(last.type).toBe('ISSUED');
    expect(last.source).toBe('agency:csrc');
    expect(res.body.explanation.en.at(-1)).toMatch(/^China Securities Regulatory Commission issued .+ \(《/);
    expect(res.body.explanation.zh.at(-1)).toMatch(/^证监会于\d{4}(-\d{2}){0,2}发布《/);
  });

  it('GET /api/paths/shortest: 404 for an unknown id and, with another message, for no path', async () => {
    expectNotFound(await get('/api/paths/shortest?from=agency:csrc&to=topic:nope'), /No node has the id `topic:nope`/);
    expectNotFound(await get('/api/paths/shortest?from=agency:nope&to=topic:nope'), /`agency:nope` or `topic:nope`/);
    expectNotFound(await get('/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans&maxLength=1'), /No path from `agency:csrc` to `topic:down-payment-loans` within 1 step/);
    expectNotFound(await get('/api/paths/shortest?from=topic:down-payment-loans&to=agency:csrc&directed=true'), /No path .* following relationship directions/);
  });

  it('GET /api/paths/shortest rejects bad parameters', async () => {
    expectBadRequest(await get('/api/paths/shortest?from=agency:csrc'), /`to` is required/);
    expectBadRequest(await get('/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans&maxLength=9'), /`maxLength` must be an integer from 1 to 8/);
    expectBadRequest(await get('/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans&directed=yes'), /`directed` must be `true` or `false`/);
    expectBadRequest(await get('/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans&types=ISSUED,FOLLOWS'), /`types`/);
    expectBadRequest(await get('/api/paths/shortest?from=agency:csrc&to=x'), /`to` must be a node id/);
  });

  // --- questions -----------------------------------------------------------------------

  it('GET /api/questions/regulators answers "who regulates P2P lending" with evidence', async () => {
    const res = await get(`/api/questions/regulators?segment=${P2P}`);
    expect(res.status).toBe(200);
    expect(res.body.segment.id).toBe(P2P);
    expect(res.body.cypher).toBe(REGULATORS_CYPHER);
    expect(res.body.agencies.map((a: any) => a.agency.id)).toContain('agency:cbrc');
    for (const { agency, rules } of res.body.agencies) {
      expect(agency.label).toBe('Agency');
      expect(rules.length).toBeGreaterThan(0);
      for (const entry of rules) {
        expect(entry.issued).toMatchObject({ type: 'ISSUED', source: agency.id, target: entry.rule.id });
        expect(entry.regulates).toMatchObject({ type: 'REGULATES', source: entry.rule.id, target: entry.segment.id });
        for (const rel of [entry.issued, entry.regulates]) {
          expect(rel.sources.length).toBeGreaterThan(0);
          for (const s of rel.sources) expect(s.quote.trim().length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('GET /api/questions/rules answers "which rules touch real-estate lending" with evidence', async () => {
    const res = await get(`/api/questions/rules?topic=${REAL_ESTATE}`);
    expect(res.status).toBe(200);
    expect(res.body.topic.id).toBe(REAL_ESTATE);
    expect(res.body.cypher).toBe(RULES_TOUCHING_CYPHER);
    expect(res.body.rules.length).toBeGreaterThan(0);
    // Rules on a narrower topic (首付贷 is part of 房地产金融) count too.
    expect(res.body.rules.map((r: any) => r.topic.id)).toContain('topic:down-payment-loans');
    for (const entry of res.body.rules) {
      expect(['PROHIBITS', 'REQUIRES', 'ADDRESSES']).toContain(entry.relationship.type);
      expect(entry.relationship.source).toBe(entry.rule.id);
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const s of entry.sources) expect(s.quote.trim().length).toBeGreaterThan(0);
    }
  });

  it('GET /api/questions/*: asOf narrows the answer to rules issued by then', async () => {
    const all = await get(`/api/questions/rules?topic=${REAL_ESTATE}`);
    const early = await get(`/api/questions/rules?topic=${REAL_ESTATE}&asOf=2016-09`);
    expect(early.status).toBe(200);
    // Exactly the entries of the full answer whose rule is undated or issued by September 2016.
    const byThen = (entries: Array<{ rule: ApiNode; relationship: ApiRelationship }>) =>
      entries.filter((e) => e.rule.date === undefined || e.rule.date <= '2016-09-99').map((e) => e.relationship.id);
    expect(early.body.rules.map((e: { relationship: ApiRelationship }) => e.relationship.id).sort()).toEqual(byThen(all.body.rules).sort());
    expect(early.body.rules.length).toBeGreaterThan(0);
    expect(early.body.rules.length).toBeLessThan(all.body.rules.length);
  });

  it('GET /api/questions/*: limit keeps the first entries and says what it left out', async () => {
    const all = await get(`/api/questions/rules?topic=${REAL_ESTATE}`);
    expect(all.body.truncated).toBe(false);
    expect(all.body.total).toBe(all.body.rules.length);
    const two = await get(`/api/questions/rules?topic=${REAL_ESTATE}&limit=2`);
    expect(two.status).toBe(200);
    expect(two.body.rules).toEqual(all.body.rules.slice(0, 2));
    expect(two.body).toMatchObject({ total: all.body.total, truncated: true });

    const regs = await get(`/api/questions/regulators?segment=${P2P}`);
    const entries = regs.body.agencies.reduce((n: number, a: any) => n + a.rules.length, 0);
    expect(regs.body).toMatchObject({ truncated: false, total: { agencies: regs.body.agencies.length, entries } });
    const one = await get(`/api/questions/regulators?segment=${P2P}&limit=1`);
    expect(one.status).toBe(200);
    expect(one.body.agencies).toHaveLength(1);
    expect(one.body.agencies[0].rules).toEqual(regs.body.agencies[0].rules.slice(0, 1));
    expect(one.body.agencies[0].ruleCount).toBe(regs.body.agencies[0].ruleCount);
    expect(one.body).toMatchObject({ truncated: entries > 1, total: regs.body.total });

    for (const bad of ['0', '5001', 'ten', '1.5', '-3']) {
      expectBadRequest(await get(`/api/questions/rules?topic=${REAL_ESTATE}&limit=${bad}`), /`limit` must be an integer from 1 to 5000/);
      expectBadRequest(await get(`/api/questions/regulators?segment=${P2P}&limit=${bad}`), /`limit` must be an integer from 1 to 5000/);
    }
  });

  it('GET /api/questions/*: 400 when the id is missing, 404 when unknown or of the wrong label', async () => {
    expectBadRequest(await get('/api/questions/regulators'), /`segment` is required/);
    expectBadRequest(await get('/api/questions/rules'), /`topic` is required/);
    expectBadRequest(await get(`/api/questions/regulators?segment=${P2P}&topic=${REAL_ESTATE}`), /Unknown query parameter `topic`/);
    expectNotFound(await get('/api/questions/regulators?segment=segment:nope'), /No node has the id `segment:nope`/);
    expectNotFound(await get('/api/questions/regulators?segment=agency:cbrc'), /`agency:cbrc` is an Agency, not a Segment/);
    expectNotFound(await get(`/api/questions/rules?topic=${P2P}`), /is a Segment, not a Topic/);
  });

  // --- timeline and graph --------------------------------------------------------------

  it('GET /api/timeline gives the phases in order and the dated rules oldest first', async () => {
    const res = await get('/api/timeline');
    expect(res.status).toBe(200);
    expect(res.body.phases.map((p: ApiNode) => p.order)).toEqual([...res.body.phases.map((p: ApiNode) => p.order)].sort((a, b) => a! - b!));
    expect(res.body.phases.every((p: ApiNode) => p.label === 'Phase')).toBe(true);
    const dates = res.body.rules.map((r: ApiNode) => r.date);
    expect(dates.every((d: unknown) => typeof d === 'string')).toBe(true);
    expect([...dates].sort(compareDates)).toEqual(dates);
    // A date known only to the year sorts after the dated events of that year: the
    // rectification (2016) comes after the April 2016 meeting that decided it.
    const order = res.body.rules.map((r: ApiNode) => r.id);
    expect(order.indexOf('event:internet-finance-rectification-2016')).toBeGreaterThan(order.indexOf('event:state-council-meeting-2016-04'));
    expect(order.indexOf('event:state-council-meeting-2016-04')).toBeGreaterThanOrEqual(0);
    expectBadRequest(await get('/api/timeline?asOf=2016'), /Unknown query parameter `asOf`/);
  });

  it('GET /api/graph returns the whole graph, or a filtered view', async () => {
    const counts = await store.counts();
    const all = await get('/api/graph');
    expect(all.status).toBe(200);
    expect(all.body.nodes).toHaveLength(counts.nodes);
    expect(all.body.relationships).toHaveLength(counts.relationships);

    const some = await get('/api/graph?labels=Agency,Rule&types=ISSUED');
    expect(some.body.nodes.every((n: ApiNode) => n.label === 'Agency' || n.label === 'Rule')).toBe(true);
    expect(some.body.relationships.every((r: ApiRelationship) => r.type === 'ISSUED')).toBe(true);
    expect(some.body.relationships).toHaveLength(counts.types['ISSUED'] ?? -1);
    expectClosed(some.body.nodes, some.body.relationships);

    const y2016 = await get('/api/graph?labels=Rule&from=2016&to=2016');
    expect(y2016.body.nodes.length).toBeGreaterThan(0);
    // Exactly the rules dated in 2016 and the undated ones (nothing shows they lie outside the
    // range, the same rule as asOf and the client's filter).
    const allRules = (all.body.nodes as ApiNode[]).filter((n) => n.label === 'Rule');
    const in2016 = allRules.filter((n) => n.date === undefined || n.date.startsWith('2016')).map((n) => n.id);
    expect(allRules.some((n) => n.date !== undefined && !n.date.startsWith('2016'))).toBe(true);
    expect((y2016.body.nodes as ApiNode[]).map((n) => n.id).sort()).toEqual(in2016.sort());

    // A rule dated only 2016 may lie after May 2016: kept, as the client's filter keeps it.
    const may = await get('/api/graph?labels=Rule,Event&from=2016-05');
    const yearOnly = (await get('/api/graph?labels=Rule,Event')).body.nodes.filter((n: ApiNode) => n.date === '2016');
    expect(yearOnly.length).toBeGreaterThan(0);
    for (const n of yearOnly) expect(may.body.nodes.map((m: ApiNode) => m.id)).toContain(n.id);
    expect(may.body.nodes.some((n: ApiNode) => n.date !== undefined && n.date < '2016')).toBe(false);

    expectBadRequest(await get('/api/graph?from=2017&to=2016'), /`from` must not be later than `to`/);
    expectBadRequest(await get('/api/graph?to=2016-13'), /`to` must be an ISO date/);
  });

  // --- export --------------------------------------------------------------------------

  it('GET /api/export?format=json downloads the whole graph', async () => {
    const res = await fetch(`${app.base}/api/export?format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?finreg-atlas\.json"?$/);
    const body = await res.json();
    const counts = await store.counts();
    expect(body.nodes).toHaveLength(counts.nodes);
    expect(body.relationships).toHaveLength(counts.relationships);
  });

  it('GET /api/export?format=gexf and graphml are readable graphs with the Chinese names intact', async () => {
    const counts = await store.counts();
    const gexf = await fetch(`${app.base}/api/export?format=gexf`);
    expect(gexf.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(gexf.headers.get('content-disposition')).toMatch(/^attachment; filename="?finreg-atlas\.gexf"?$/);
    const g1 = parseGexf(Graph, await gexf.text());
    expect(g1.order).toBe(counts.nodes);
    expect(g1.size).toBe(counts.relationships);
    expect(g1.getNodeAttribute('agency:cbrc', 'label')).toBe('银监会');

    const graphml = await fetch(`${app.base}/api/export?format=graphml`);
    expect(graphml.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(graphml.headers.get('content-disposition')).toMatch(/^attachment; filename="?finreg-atlas\.graphml"?$/);
    const g2 = parseGraphml(Graph, await graphml.text());
    expect(g2.order).toBe(counts.nodes);
    expect(g2.size).toBe(counts.relationships);
    expect(g2.getNodeAttribute(P2P, 'label')).toBe('网络借贷');
  });

  it('GET /api/export?format=csv gives one table per part', async () => {
    const counts = await store.counts();
    const nodes = await fetch(`${app.base}/api/export?format=csv`);
    expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(nodes.headers.get('content-disposition')).toMatch(/^attachment; filename="?finreg-atlas\.nodes\.csv"?$/);
    const nodesText = await nodes.text();
    expect(nodesText.startsWith('Id,Label,Category') || nodesText.startsWith('\uFEFFId,Label,Category')).toBe(true);
    expect(nodesText).toContain(`${P2P},网络借贷,Segment`);
    const rels = await fetch(`${app.base}/api/export?format=csv&part=relationships`);
    expect(rels.headers.get('content-disposition')).toMatch(/^attachment; filename="?finreg-atlas\.relationships\.csv"?$/);
    const relsText = await rels.text();
    // Quoted cells may hold line breaks, so count relationship ids rather than lines.
    expect(relsText.match(/,Directed,/g)).toHaveLength(counts.relationships);
  });

  it('GET /api/export?ids= exports a selection and the relationships among it', async () => {
    const ids = ['agency:cbrc', 'rule:p2p-interim-measures-2016', P2P];
    const res = await get(`/api/export?format=json&ids=${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n: ApiNode) => n.id).sort()).toEqual([...ids].sort());
    expectClosed(res.body.nodes, res.body.relationships);
    expect(res.body.relationships.map((r: ApiRelationship) => r.type).sort()).toEqual(['ISSUED', 'REGULATES']);
  });

  it('GET /api/export rejects bad parameters and unknown ids', async () => {
    expectBadRequest(await get('/api/export?format=xlsx'), /`format` must be one of json, gexf, graphml, csv/);
    expectBadRequest(await get('/api/export?format=json&part=nodes'), /`part` applies to `format=csv` only/);
    expectBadRequest(await get('/api/export?format=csv&part=edges'), /`part`/);
    expectBadRequest(await get('/api/export?ids=agency:cbrc,,x'), /`ids`/);
    expectNotFound(await get('/api/export?ids=agency:cbrc,agency:nope'), /Unknown id: `agency:nope`/);
  });

  // --- the rest of the contract --------------------------------------------------------

  it('unknown API routes are 404 JSON; HEAD works like GET without a body', async () => {
    expectNotFound(await get('/api/nodes'), /No API route GET \/api\/nodes/);
    expectNotFound(await get('/api/'), /No API route/);
    const head = await fetch(`${app.base}/api/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('echoes a safe X-Request-Id and makes one up otherwise', async () => {
    const given = await fetch(`${app.base}/api/health`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const unsafe = await fetch(`${app.base}/api/health`, { headers: { 'X-Request-Id': 'a b\u00e9' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
}
