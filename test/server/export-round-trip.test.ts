/**
 * Export round trips: each format written from a graph, parsed back the way its readers do
 * (graphology's GEXF and GraphML parsers, the model Gephi reads; a CSV reader written here;
 * JSON.parse), and compared with the whole graph, every node, relationship and attribute.
 * The expected attributes are written here from the documented mapping (README, "Export"),
 * not taken from the writers' own flattening code.
 */
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { toApiNode, toApiRelationship } from '../../server/stores/api-shapes.js';
import { toCsv } from '../../server/export/csv.js';
import { toGexf } from '../../server/export/gexf.js';
import { toGraphml } from '../../server/export/graphml.js';
import { toJson } from '../../server/export/json.js';
import type { ApiNode, ApiRelationship, Source, Subgraph } from '../../server/stores/types.js';
import { fixtureGraph } from './fixture-graph.js';

/** The fixture with characters that need escaping and one XML forbids (dropped by the XML formats). */
function fixture(): Subgraph {
  const g = fixtureGraph();
  const nodes = g.nodes.map(toApiNode);
  nodes[0] = { ...nodes[0]!, description: 'A & B <c> "d" \'e\' \u0001, =1+1' };
  return { nodes, relationships: g.relationships.map(toApiRelationship) };
}

async function seed(): Promise<Subgraph> {
  const g = await loadSeedGraph({ onWarning: () => {} });
  return { nodes: g.nodes.map(toApiNode), relationships: g.relationships.map(toApiRelationship) };
}

// eslint-disable-next-line no-control-regex
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
/**
 * Every export writes out how a relationship or figure rests on the report (README,
 * "Evidence"): the seed's `evidence`, `stated` when it has none.
 */
const level = (x: { evidence?: unknown }) => (x.evidence === 'attributed' || x.evidence === 'inferred' ? x.evidence : 'stated');
const figuresOut = (n: ApiNode) => n.figures.map((f) => ({ ...f, evidence: level(f) }));
const cited = (sources: Source[]) => sources.map((s) => `${s.section}: “${s.quote}”`).join(' | ');

/** A node's attributes in GEXF and GraphML: flat, lists joined by "; ", citations as text. */
function expectedNode(n: ApiNode, text: (s: string) => string = xmlText): Record<string, unknown> {
  const out: Record<string, unknown> = {
    label: text(n.name),
    category: n.label,
    name: text(n.name),
    nameEn: text(n.nameEn),
    aliases: text(n.aliases.join('; ')),
    description: text(n.description),
    descriptionEn: text(n.descriptionEn),
    sources: text(cited(n.sources)),
  };
  for (const k of ['date', 'startYear', 'endYear', 'order', 'kind', 'issuerCount'] as const) if (n[k] !== undefined) out[k] = n[k];
  if (n.figures.length > 0) out['figures'] = text(JSON.stringify(figuresOut(n)));
  return out;
}

function expectedRelationship(r: ApiRelationship): Record<string, unknown> {
  const out: Record<string, unknown> = { relType: r.type, sources: xmlText(cited(r.sources)) };
  for (const [k, v] of Object.entries(r.properties)) out[k === 'relType' || k === 'sources' ? `property_${k}` : k] = v;
  out['evidence'] = level(r.properties);
  return out;
}

/** Everything a graphology graph holds, by key, with the attributes a parser adds of its own removed. */
function contents(g: Graph, drop: { node?: string[]; edge?: string[] } = {}) {
  const strip = (attrs: Record<string, unknown>, keys: string[] = []) => Object.fromEntries(Object.entries(attrs).filter(([k]) => !keys.includes(k)));
  return {
    nodes: Object.fromEntries(g.mapNodes((id, a) => [id, strip(a, drop.node)])),
    edges: Object.fromEntries(g.mapEdges((id, a, s, t) => [id, { source: s, target: t, ...strip(a, drop.edge) }])),
  };
}

function expectedContents(sub: Subgraph) {
  return {
    nodes: Object.fromEntries(sub.nodes.map((n) => [n.id, expectedNode(n)])),
    edges: Object.fromEntries(sub.relationships.map((r) => [r.id, { source: r.source, target: r.target, ...expectedRelationship(r) }])),
  };
}

/** RFC 4180 reader: quoted cells with doubled quotes, CRLF rows; the BOM first. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  expect(cell, 'text after the last row').toBe('');
  return rows;
}

/** A cell as the CSV writer defuses it: a leading = + - @ tab or CR gets a quote mark. */
const defused = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v));

for (const [name, graph] of [
  ['the fixture with hostile characters', async () => fixture()],
  ['the whole seed', seed],
] as const) {
  describe(`export round trips: ${name}`, () => {
    it('JSON parses back to exactly the graph', async () => {
      const sub = await graph();
      expect(JSON.parse(toJson(sub))).toEqual({
        nodes: sub.nodes.map((n) => (n.figures.length > 0 ? { ...n, figures: figuresOut(n) } : n)),
        relationships: sub.relationships.map((r) => ({ ...r, evidence: level(r.properties) })),
      });
    });

    it('GEXF parses back to every node, edge and attribute', async () => {
      const sub = await graph();
      const g = parseGexf(Graph, toGexf(sub));
      // The GEXF edge carries its type also as its `kind` and `label`, which the parser returns;
      // an empty attribute value (no aliases) is written as no value, and read back as absent.
      const got = contents(g, { edge: ['kind', 'label'] });
      const nonEmpty = (o: Record<string, Record<string, unknown>>) =>
        Object.fromEntries(Object.entries(o).map(([id, a]) => [id, Object.fromEntries(Object.entries(a).filter(([, v]) => v !== ''))]));
      const want = expectedContents(sub);
      expect(got).toEqual({ nodes: nonEmpty(want.nodes), edges: nonEmpty(want.edges) });
      for (const id of g.edges()) expect([g.getEdgeAttribute(id, 'kind'), g.getEdgeAttribute(id, 'label')]).toEqual([g.getEdgeAttribute(id, 'relType'), g.getEdgeAttribute(id, 'relType')]);
    });

    it('GraphML parses back to every node, edge and attribute', async () => {
      const sub = await graph();
      const g = parseGraphml(Graph, toGraphml(sub));
      expect(contents(g)).toEqual(expectedContents(sub));
    });

    it('CSV: the nodes and relationships tables hold every row and column', async () => {
      const sub = await graph();
      const nodes = readCsv(toCsv(sub, 'nodes'));
      expect(nodes[0]).toEqual(['Id', 'Label', 'Category', 'NameEn', 'Aliases', 'Description', 'DescriptionEn', 'Date', 'StartYear', 'EndYear', 'Kind', 'Figures', 'Sources']);
      expect(nodes.slice(1)).toEqual(
        sub.nodes.map((n) =>
          [n.id, n.name, n.label, n.nameEn, n.aliases.join('; '), n.description, n.descriptionEn, n.date, n.startYear, n.endYear, n.kind, n.figures.length > 0 ? JSON.stringify(figuresOut(n)) : undefined, cited(n.sources)].map(defused),
        ),
      );
      const rels = readCsv(toCsv(sub, 'relationships'));
      expect(rels[0]).toEqual(['Source', 'Target', 'Type', 'Id', 'Label', 'Evidence', 'Condition', 'Properties', 'Sources']);
      expect(rels.slice(1)).toEqual(
        sub.relationships.map((r) =>
          [
            r.source,
            r.target,
            'Directed',
            r.id,
            r.type,
            level(r.properties),
            typeof r.properties['condition'] === 'string' ? r.properties['condition'] : undefined,
            Object.keys(r.properties).length > 0 ? JSON.stringify(r.properties) : undefined, cited(r.sources)].map(defused),
        ),
      );
    });
  });
}
