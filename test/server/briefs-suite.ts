/**
 * Briefs and comparisons over HTTP, run against any GraphStore (`briefs.test.ts` on the
 * memory store, `briefs.neo4j.test.ts` on Neo4j). Assertions check the contract against
 * the store's own answers, not fixed data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GraphStore } from '../../server/stores/types.js';
import { briefSchema, comparisonSchema } from '../../server/contract/briefs.js';
import { getJson, startApp, type Running } from './helpers.js';
import { P2P, REAL_ESTATE } from './http-suite.js';

export function briefsSuite(openStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let app: Running;
  const get = (path: string) => getJson(app.base, path);
  const text = async (path: string) => {
    const res = await fetch(`${app.base}${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };

  beforeAll(async () => {
    store = await openStore();
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('a regulators brief lists every entry of the answer with its quotes, evidence, permalink and reference', async () => {
    const answer = (await get(`/api/questions/regulators?segment=${P2P}&asOf=2016-12`)).body;
    const res = await get(`/api/briefs?kind=regulators&segment=${P2P}&asOf=2016-12&lang=en&format=json`);
    expect(res.status).toBe(200);
    const brief = briefSchema.parse(res.body);
    expect(brief.asOf).toBe('2016-12');
    expect(brief.groups.map((g) => g.heading)).toEqual(answer.agencies.map((a: { agency: { nameEn: string } }) => a.agency.nameEn));
    const entries = answer.agencies.reduce((n: number, a: { rules: unknown[] }) => n + a.rules.length, 0);
    // Two facts per entry: who issued the rule, and that it regulates the segment.
    expect(brief.groups.flatMap((g) => g.facts)).toHaveLength(2 * entries);
    for (const f of brief.groups.flatMap((g) => g.facts)) {
      expect(f.sources.length, f.statement).toBeGreaterThan(0);
      expect(['stated', 'inferred', 'attributed']).toContain(f.evidence);
    }
    expect(brief.permalink).toMatch(/\/\?lang=en&q=regulators&segment=segment:p2p-lending&to=2016-12$/);
    expect(brief.reference).toContain('ISBN 978-7-5543-0438-9');
    // One language at a time: no Chinese in English statements outside the bracketed rule titles.
    for (const f of brief.groups.flatMap((g) => g.facts)) expect(f.statement.replace(/\(《[^》]*》\)/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('Markdown and HTML say the same facts; quotes stay as the report writes them', async () => {
    const brief = briefSchema.parse((await get(`/api/briefs?kind=rules&topic=${REAL_ESTATE}&lang=zh&format=json`)).body);
    const md = await text(`/api/briefs?kind=rules&topic=${REAL_ESTATE}&lang=zh`);
    expect(md.status).toBe(200);
    expect(md.type).toMatch(/^text\/markdown/);
    const html = await text(`/api/briefs?kind=rules&topic=${REAL_ESTATE}&lang=zh&format=html`);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.body).toMatch(/@media print/);
    expect(html.body).toContain('<html lang="zh-CN">');
    for (const s of brief.groups.flatMap((g) => g.facts.flatMap((f) => f.sources))) {
      expect(md.body).toContain(s.quote.replace(/([\\`*_[\]<>])/g, '\\$1'));
      expect(html.body).toContain(s.quote.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    }
  });

  it('path and node briefs', async () => {
    const path = briefSchema.parse((await get('/api/briefs?kind=path&a=agency:csrc&b=topic:down-payment-loans&lang=en&format=json')).body);
    const explained = (await get('/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans&maxLength=8')).body;
    expect(path.groups[0]!.facts).toHaveLength(explained.relationships.length);
    const node = briefSchema.parse((await get('/api/briefs?kind=node&id=agency:cbrc&lang=en&format=json')).body);
    expect(node.title).toBe((await get('/api/nodes/agency:cbrc')).body.node.nameEn);
    expect(node.permalink).toMatch(/\?lang=en&node=agency:cbrc$/);
  });

  it('a tour brief: one section per step, with its text and quotes', async () => {
    const tour = (await get('/api/tours/p2p-lending')).body.tour;
    const brief = briefSchema.parse((await get('/api/briefs?kind=tour&tour=p2p-lending&lang=en&format=json')).body);
    expect(brief.title).toBe(tour.title.en);
    expect(brief.groups).toHaveLength(tour.steps.length);
    brief.groups.forEach((g, i) => {
      expect(g.heading).toContain(tour.steps[i].title.en);
      expect(g.facts[0]!.sources).toEqual(tour.steps[i].sources);
    });
    expect(brief.permalink).toMatch(/\?lang=en&teach=tours&tour=p2p-lending$/);
    expect((await get('/api/briefs?kind=tour&tour=no-such-tour')).status).toBe(404);
    expect((await get('/api/briefs?kind=tour&tour=Bad_Id')).status).toBe(400);
  });

  it('bad brief requests are 400s naming the parameter; unknown ids are 404s', async () => {
    for (const [url, name] of [
      ['/api/briefs?segment=segment:p2p-lending', '`kind`'],
      ['/api/briefs?kind=regulators', '`segment`'],
      ['/api/briefs?kind=path&a=agency:csrc', '`b`'],
      ['/api/briefs?kind=node&id=agency:cbrc&format=pdf', '`format`'],
      ['/api/briefs?kind=node&id=agency:cbrc&lang=fr', '`lang`'],
      ['/api/briefs?kind=node&id=Agency', '`id`'],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toContain(name);
    }
    expect((await get('/api/briefs?kind=node&id=agency:nope')).status).toBe(404);
    expect((await get('/api/briefs?kind=regulators&segment=topic:real-estate-finance')).status).toBe(404);
  });

  it('compares two segments: every rule of each side, marked shared or only in one', async () => {
    const res = await get(`/api/compare?a=${P2P}&b=segment:equity-crowdfunding`);
    expect(res.status).toBe(200);
    const c = comparisonSchema.parse(res.body);
    expect(c.kind).toBe('segments');
    const rulesOf = async (seg: string) =>
      new Set(((await get(`/api/questions/regulators?segment=${seg}`)).body.agencies as Array<{ rules: Array<{ rule: { id: string } }> }>).flatMap((a) => a.rules.map((r) => r.rule.id)));
    const [ra, rb] = await Promise.all([rulesOf(P2P), rulesOf('segment:equity-crowdfunding')]);
    const rules = c.facets.find((f) => f.facet === 'rules')!;
    expect(new Set(rules.items.filter((i) => i.inA).map((i) => i.node.id))).toEqual(ra);
    expect(new Set(rules.items.filter((i) => i.inB).map((i) => i.node.id))).toEqual(rb);
    expect(rules.shared).toBe([...ra].filter((id) => rb.has(id)).length);
    for (const f of c.facets) expect(f.shared + f.onlyA + f.onlyB).toBe(f.items.length);
  });

  it('compares two agencies, and one segment at two dates', async () => {
    const agencies = comparisonSchema.parse((await get('/api/compare?a=agency:cbrc&b=agency:csrc')).body);
    expect(agencies.facets.map((f) => f.facet)).toEqual(['rules', 'segments', 'prohibits', 'requires', 'addresses']);
    const dates = comparisonSchema.parse((await get(`/api/compare?a=${P2P}&b=${P2P}&asOf=2016-01&asOfB=2016-12`)).body);
    expect(dates.asOf).toEqual({ a: '2016-01', b: '2016-12' });
    const rules = dates.facets.find((f) => f.facet === 'rules')!;
    // Nothing is lost between the dates; the later date adds rules.
    expect(rules.onlyA).toBe(0);
    expect(rules.onlyB).toBeGreaterThan(0);
  });

  it('refuses the same node at the same date, mixed kinds and other labels with a 400; unknown ids with a 404', async () => {
    for (const [url, mention] of [
      [`/api/compare?a=${P2P}&b=${P2P}`, /same node at the same date/],
      [`/api/compare?a=${P2P}&b=${P2P}&asOf=2016-05&asOfB=2016-05`, /same node at the same date/],
      [`/api/compare?a=${P2P}&b=agency:cbrc`, /must be of one kind/],
      [`/api/compare?a=${REAL_ESTATE}&b=topic:down-payment-loans`, /`a` must be a Segment or an Agency/],
      [`/api/compare?a=${P2P}`, /`b` is required/],
      [`/api/compare?a=${P2P}&b=segment:crowdfunding&asOfB=2016-13`, /`asOfB`/],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toMatch(mention);
    }
    const missing = await get(`/api/compare?a=${P2P}&b=segment:nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('segment:nope');
  });
}
