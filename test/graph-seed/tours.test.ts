/**
 * Guided tours: the shipped tours validate against the real seed and source text, and the
 * validator rejects each kind of mistake with a message naming file, step and field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../graph-seed/errors.js';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { MAX_STEPS, MIN_STEPS, type Tour } from '../../graph-seed/tour-schema.js';
import { loadTours, validateTourDir, validateTourFiles } from '../../graph-seed/validate-tours.js';
import { itWithSourceText } from '../support/source-text.js';

const SOURCE = '互联网金融自2006年萌芽至今已发展了十年。P2P网络借贷平台不得以任何形式从事与房地产行业相关的业务，对于“首付贷”更是明令禁止。';
const GRAPH = {
  nodes: [
    { id: 'segment:p2p-lending', label: 'Segment' },
    { id: 'topic:down-payment-loans', label: 'Topic' },
    { id: 'agency:cbrc', label: 'Agency' },
    { id: 'rule:p2p-interim-measures-2016', label: 'Rule' },
  ],
};

function step(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: { zh: '标题', en: 'Title' },
    text: { zh: '说明', en: 'Text' },
    entities: ['segment:p2p-lending'],
    sources: [{ section: '二、全国互联网金融政策发展', quote: '对于“首付贷”更是明令禁止' }],
    ...extra,
  };
}

function tour(steps: Array<Record<string, unknown>>, id = 'demo'): Record<string, unknown> {
  return { id, title: { zh: '导览', en: 'Tour' }, summary: { zh: '摘要', en: 'Summary' }, steps };
}

const fourSteps = (first: Record<string, unknown> = {}) => [step('a', first), step('b'), step('c'), step('d')];

function messages(t: unknown, path = 'graph-seed/tours/demo.json', source: string | undefined = SOURCE): string[] {
  const r = validateTourFiles([{ path, text: JSON.stringify(t) }], GRAPH, source);
  return r.issues.map(formatIssue);
}

describe('tour validator', () => {
  it('accepts a well-formed tour and counts its verified quotes', () => {
    const r = validateTourFiles([{ path: 'graph-seed/tours/demo.json', text: JSON.stringify(tour(fourSteps())) }], GRAPH, SOURCE);
    expect(r.issues).toEqual([]);
    expect(r.tours?.map((t) => t.id)).toEqual(['demo']);
    expect(r.stats).toMatchObject({ tours: 1, steps: 4, quotes: { total: 4, verified: 4, checked: true } });
  });

  it('rejects an entity id that no node has', () => {
    expect(messages(tour(fourSteps({ entities: ['segment:p2p-lending', 'agency:nobody'] })))).toEqual([
      'graph-seed/tours/demo.json: steps[0] (a).entities[1]: no node has id "agency:nobody"',
    ]);
  });

  it('rejects a regulators question whose segment is not a Segment, and unknown ids in questions', () => {
    expect(messages(tour(fourSteps({ question: { kind: 'regulators', segment: 'topic:down-payment-loans' } })))).toEqual([
      'graph-seed/tours/demo.json: steps[0] (a).question.segment: "topic:down-payment-loans" is a Topic, not a Segment',
    ]);
    expect(messages(tour(fourSteps({ question: { kind: 'rules', topic: 'agency:cbrc' } })))).toEqual([
      'graph-seed/tours/demo.json: steps[0] (a).question.topic: "agency:cbrc" is an Agency, not a Topic',
    ]);
    expect(messages(tour(fourSteps({ question: { kind: 'path', from: 'agency:cbrc', to: 'topic:nothing' } })))).toEqual([
      'graph-seed/tours/demo.json: steps[0] (a).question.to: no node has id "topic:nothing"',
    ]);
  });

  it('rejects a malformed question kind', () => {
    const m = messages(tour(fourSteps({ question: { kind: 'who', segment: 'segment:p2p-lending' } })));
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^graph-seed\/tours\/demo\.json: steps\[0\] \(a\)\.question\.kind: /);
  });

  it('rejects a quote the source does not hold, saying how far it matched', () => {
    const m = messages(tour(fourSteps({ sources: [{ section: 'x', quote: '对于“首付贷”更是明令允许' }] })));
    expect(m).toEqual([
      'graph-seed/tours/demo.json: steps[0] (a).sources[0].quote: quote not found in the source text (whitespace ignored): "对于“首付贷”更是明令允许"; the source has its first 11 of 13 characters ("对于“首付贷”更是明令") but then differs at "允许"',
    ]);
  });

  it('skips only the quote check, with a warning, when the source text is missing', () => {
    const r = validateTourFiles([{ path: 'graph-seed/tours/demo.json', text: JSON.stringify(tour(fourSteps({ sources: [{ section: 'x', quote: 'not in any source' }] }))) }], GRAPH, undefined);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual(['no source text available: the quote check of the tours was skipped (other checks ran)']);
    expect(r.stats.quotes.checked).toBe(false);
  });

  it('rejects missing languages, unknown properties, too few or too many steps', () => {
    expect(messages(tour(fourSteps({ title: { zh: '标题' } })))).toEqual(['graph-seed/tours/demo.json: steps[0] (a).title.en: is required']);
    expect(messages(tour(fourSteps({ note: 'x' })))).toEqual(['graph-seed/tours/demo.json: steps[0] (a): unknown property "note"']);
    expect(messages(tour([step('a'), step('b')]))).toEqual([`graph-seed/tours/demo.json: steps: needs at least ${MIN_STEPS} steps`]);
    const many = Array.from({ length: MAX_STEPS + 1 }, (_, i) => step(`s${i}`));
    expect(messages(tour(many))).toEqual([`graph-seed/tours/demo.json: steps: has more than ${MAX_STEPS} steps; split the tour`]);
  });

  it('rejects duplicate step ids, a tour id that does not match its file, impossible dates and bad JSON', () => {
    expect(messages(tour([step('a'), step('b'), step('a'), step('d')]))).toEqual([
      'graph-seed/tours/demo.json: steps[2] (a).id: duplicate step id "a"; first used by steps[0]',
    ]);
    expect(messages(tour(fourSteps()), 'graph-seed/tours/other.json')).toEqual([
      'graph-seed/tours/other.json: id: tour id "demo" must match the file name (expected demo.json)',
    ]);
    expect(messages(tour(fourSteps({ asOf: '2016-02-30' })))).toEqual([
      'graph-seed/tours/demo.json: steps[0] (a).asOf: "2016-02-30" is not a real calendar date',
    ]);
    const r = validateTourFiles([{ path: 'graph-seed/tours/demo.json', text: '{"id": ' }], GRAPH, SOURCE);
    expect(r.issues.map(formatIssue)[0]).toMatch(/^graph-seed\/tours\/demo\.json: invalid JSON: /);
    expect(r.tours).toBeUndefined();
  });

  it('lists tours in teaching order: by `order`, then those without one by id', () => {
    const files = [
      { path: 'graph-seed/tours/b.json', text: JSON.stringify({ ...tour(fourSteps(), 'b'), order: 2 }) },
      { path: 'graph-seed/tours/a.json', text: JSON.stringify(tour(fourSteps(), 'a')) },
      { path: 'graph-seed/tours/c.json', text: JSON.stringify({ ...tour(fourSteps(), 'c'), order: 1 }) },
      { path: 'graph-seed/tours/d.json', text: JSON.stringify(tour(fourSteps(), 'd')) },
    ];
    expect(validateTourFiles(files, GRAPH, SOURCE).tours?.map((t) => t.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('reports every problem of every tour in one pass', () => {
    const bad = tour(fourSteps({ entities: ['agency:nobody'], question: { kind: 'regulators', segment: 'agency:cbrc' } }));
    const r = validateTourFiles(
      [
        { path: 'graph-seed/tours/demo.json', text: JSON.stringify(bad) },
        { path: 'graph-seed/tours/two.json', text: JSON.stringify(tour(fourSteps({ entities: ['rule:nope'] }), 'two')) },
      ],
      GRAPH,
      SOURCE,
    );
    expect(r.totalIssues).toBe(3);
    expect(r.tours).toBeUndefined();
  });
});

describe('the shipped tours', () => {
  let graph: SeedGraph;
  let tours: Tour[];
  beforeAll(async () => {
    graph = await loadSeedGraph({ onWarning: () => {} });
    tours = await loadTours(graph, { onWarning: () => {} });
  });

  itWithSourceText('validate against the seed graph and the source text, every quote checked', async () => {
    const r = await validateTourDir(graph);
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.stats.quotes.checked).toBe(true);
    expect(r.stats.quotes.verified).toBe(r.stats.quotes.total);
    expect(r.warnings).toEqual([]);
  });

  it('are at least four, bilingual, 4–8 steps each, and cover the report’s four themes', () => {
    expect(tours.length).toBeGreaterThanOrEqual(4);
    for (const t of tours) {
      expect(t.steps.length).toBeGreaterThanOrEqual(4);
      expect(t.steps.length).toBeLessThanOrEqual(8);
    }
    const all = (id: string) => new Set(tours.find((t) => t.id === id)!.steps.flatMap((s) => s.entities));
    const phases = graph.nodes.filter((n) => n.label === 'Phase').map((n) => n.id);
    for (const p of phases) expect(all('development-phases').has(p), p).toBe(true);
    const plans = graph.nodes.filter((n) => n.kind === 'rectification-plan').map((n) => n.id);
    for (const p of plans) expect(all('rectification-2016').has(p), p).toBe(true);
    expect(all('p2p-lending').has('segment:p2p-lending')).toBe(true);
    for (const id of ['topic:down-payment-loans', 'topic:crowdfunded-home-purchase', 'topic:real-estate-finance']) {
      expect(all('real-estate').has(id), id).toBe(true);
    }
  });

  it('name the lead agency of every rectification plan in the campaign tour, as the graph has it', () => {
    const ids = new Set(tours.find((t) => t.id === 'rectification-2016')!.steps.flatMap((s) => s.entities));
    const leads = graph.relationships.filter(
      (r) => r.type === 'ISSUED' && r.properties['role'] === 'lead' && graph.nodes.find((n) => n.id === r.target)?.kind === 'rectification-plan',
    );
    expect(leads.length).toBeGreaterThanOrEqual(6);
    for (const r of leads) expect(ids.has(r.source), `${r.source} leads ${r.target}`).toBe(true);
  });

  it('a broken tour directory fails loading with the validator’s messages', async () => {
    await expect(loadTours(graph, { toursDir: '/nonexistent/tours' })).rejects.toThrow(/tours directory not found: \/nonexistent\/tours/);
  });
});
