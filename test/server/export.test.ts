/**
 * The export writers on their own: the files must be valid XML that the graphology parsers
 * (the same model Gephi reads) load back with every node, edge, attribute and Chinese name.
 */
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { toApiNode, toApiRelationship } from '../../server/stores/api-shapes.js';
import { csvCell, toCsv } from '../../server/export/csv.js';
import { toGexf } from '../../server/export/gexf.js';
import { toGraphml } from '../../server/export/graphml.js';
import type { Subgraph } from '../../server/stores/types.js';
import { fixtureGraph } from './fixture-graph.js';

function fixture(): Subgraph {
  const g = fixtureGraph();
  const nodes = g.nodes.map(toApiNode);
  // Characters that must be escaped, and one XML forbids outright.
  nodes[0] = { ...nodes[0]!, description: 'A & B <c> "d" \'e\' \u0001' };
  return { nodes, relationships: g.relationships.map(toApiRelationship) };
}

/** Fails on any XML well-formedness error (xmldom reports them through onError). */
function parseStrictXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (msg: string) => errors.push(msg), fatalError: (msg: string) => errors.push(msg) } }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
  // xmldom tolerates characters XML 1.0 forbids; Gephi's parser does not.
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return doc as unknown as Document;
}

describe('GEXF export', () => {
  it('is well-formed XML that loads back with every node, edge and attribute', () => {
    const sub = fixture();
    const xml = toGexf(sub);
    parseStrictXml(xml);
    expect(xml).toContain('encoding="UTF-8"');
    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(sub.nodes.length);
    expect(g.size).toBe(sub.relationships.length);
    expect(g.getNodeAttribute('agency:cbrc', 'label')).toBe('银监会');
    expect(g.getNodeAttribute('agency:cbrc', 'category')).toBe('Agency');
    expect(g.getNodeAttribute('agency:cbrc', 'description')).toBe('A & B <c> "d" \'e\' ');
    expect(g.getNodeAttribute('rule:p2p-interim-measures', 'date')).toBe('2016-08-24');
    const edge = g.edge('agency:cbrc', 'rule:p2p-interim-measures');
    expect(g.getEdgeAttribute(edge, 'relType')).toBe('ISSUED');
    expect(g.getEdgeAttribute(edge, 'role')).toBe('lead');
    expect(String(g.getEdgeAttribute(edge, 'sources'))).toContain('国家互联网信息办公室');
  });
});

describe('GraphML export', () => {
  it('declares every key once and loads back with every node, edge and attribute', () => {
    const sub = fixture();
    const xml = toGraphml(sub);
    const doc = parseStrictXml(xml);
    const keys = Array.from(doc.getElementsByTagName('key'));
    const declared = new Set(keys.map((k) => k.getAttribute('id')));
    expect(declared.size).toBe(keys.length);
    for (const d of Array.from(doc.getElementsByTagName('data'))) expect(declared.has(d.getAttribute('key'))).toBe(true);

    const g = parseGraphml(Graph, xml);
    expect(g.order).toBe(sub.nodes.length);
    expect(g.size).toBe(sub.relationships.length);
    expect(g.getNodeAttribute('agency:cbrc', 'label')).toBe('银监会');
    expect(g.getNodeAttribute('agency:cbrc', 'description')).toBe('A & B <c> "d" \'e\' ');
    expect(g.getNodeAttribute('segment:p2p-lending', 'aliases')).toBe('P2P');
    const edge = g.edge('agency:cbrc', 'rule:p2p-interim-measures');
    expect(g.getEdgeAttribute(edge, 'relType')).toBe('ISSUED');
    expect(g.getEdgeAttribute(edge, 'role')).toBe('lead');
  });

  it('types numeric attributes as numbers', () => {
    const sub = fixture();
    sub.nodes.push({ ...sub.nodes[0]!, id: 'phase:growth', label: 'Phase', name: '成长期', startYear: 2013, order: 3 });
    const xml = toGraphml(sub);
    expect(xml).toMatch(/attr.name="startYear" attr.type="int"/);
    expect(parseGraphml(Graph, xml).getNodeAttribute('phase:growth', 'startYear')).toBe(2013);
  });
});

describe('evidence in every export', () => {
  /** The fixture with one inferred, qualified relationship and one relayed figure. */
  function marked(): { sub: Subgraph; inferred: string } {
    const sub = fixture();
    const i = sub.relationships.findIndex((r) => r.type === 'PROHIBITS');
    const r = sub.relationships[i]!;
    sub.relationships[i] = { ...r, properties: { ...r.properties, evidence: 'inferred', note: 'read from the text', condition: 'without a licence (在无牌照下)' } };
    const n = sub.nodes.findIndex((x) => x.id === 'agency:cbrc');
    sub.nodes[n] = {
      ...sub.nodes[n]!,
      figures: [{ metric: 'm', metricEn: 'm', value: 1, unit: '亿元', region: '全国', evidence: 'attributed', note: 'relayed', sources: sub.nodes[n]!.sources }],
    };
    return { sub, inferred: r.id };
  }

  it('GEXF and GraphML: an evidence attribute on every edge, stated written out, and the qualifier', () => {
    const { sub, inferred } = marked();
    for (const g of [parseGexf(Graph, toGexf(sub)), parseGraphml(Graph, toGraphml(sub))]) {
      g.forEachEdge((key, attrs) => expect(attrs['evidence'], key).toBe(key === inferred ? 'inferred' : 'stated'));
      expect(g.getEdgeAttribute(inferred, 'condition')).toBe('without a licence (在无牌照下)');
      expect(JSON.parse(String(g.getNodeAttribute('agency:cbrc', 'figures')))[0].evidence).toBe('attributed');
    }
  });

  it('CSV: Evidence and Condition columns; JSON: evidence on every relationship and figure', async () => {
    const { sub, inferred } = marked();
    const rows = toCsv(sub, 'relationships').trimEnd().split('\r\n');
    const header = rows[0]!.replace('\uFEFF', '').split(',');
    expect(header.slice(5, 7)).toEqual(['Evidence', 'Condition']);
    expect(rows.find((l) => l.includes(`,${inferred},`))).toContain(',inferred,without a licence (在无牌照下),');
    expect(rows.filter((l) => l.includes(',stated,'))).toHaveLength(sub.relationships.length - 1);
    const { toJson } = await import('../../server/export/json.js');
    const json = JSON.parse(toJson(sub)) as { nodes: Array<{ id: string; figures: Array<{ evidence: string }> }>; relationships: Array<{ id: string; evidence: string }> };
    for (const r of json.relationships) expect(r.evidence, r.id).toBe(r.id === inferred ? 'inferred' : 'stated');
    expect(json.nodes.find((n) => n.id === 'agency:cbrc')!.figures[0]!.evidence).toBe('attributed');
  });
});

describe('CSV export', () => {
  it('writes a nodes table and a relationships table with Gephi column names', () => {
    const sub = fixture();
    const nodes = toCsv(sub, 'nodes');
    expect(nodes.startsWith('\uFEFFId,Label,Category,')).toBe(true);
    expect(nodes.trimEnd().split('\r\n')).toHaveLength(sub.nodes.length + 1);
    expect(nodes).toContain('agency:cbrc,银监会,Agency,CBRC');
    const rels = toCsv(sub, 'relationships');
    expect(rels.startsWith('\uFEFFSource,Target,Type,Id,Label,')).toBe(true);
    expect(rels).toContain('agency:cbrc,rule:p2p-interim-measures,Directed,agency:cbrc-ISSUED->rule:p2p-interim-measures,ISSUED,stated,,"{""role"":""lead""}"');
  });

  it('quotes cells that need it and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(2016)).toBe('2016');
    expect(csvCell(undefined)).toBe('');
  });
});
