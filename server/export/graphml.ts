/**
 * GraphML writer. graphology-graphml only parses (its package exports `parse` and no
 * writer), so this writes the format directly: every attribute declared once as a `<key>`
 * with its type, as Gephi and yEd expect, UTF-8 throughout.
 */
import type { Subgraph } from '../stores/types.js';
import { flattenNode, flattenRelationship, type FlatValue } from './flatten.js';
import { escapeXml } from './xml.js';

type KeyType = 'string' | 'int' | 'double' | 'boolean';

interface KeyDef {
  id: string;
  name: string;
  type: KeyType;
}

function typeOf(value: FlatValue): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? 'int' : 'double';
  return 'string';
}

/** Widest type that holds every value seen: int < double < string; boolean mixes to string. */
function widen(a: KeyType, b: KeyType): KeyType {
  if (a === b) return a;
  if ((a === 'int' && b === 'double') || (a === 'double' && b === 'int')) return 'double';
  return 'string';
}

function collectKeys(rows: Array<Record<string, FlatValue>>, prefix: string): Map<string, KeyDef> {
  const keys = new Map<string, KeyDef>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const t = typeOf(value);
      const known = keys.get(name);
      if (known) known.type = widen(known.type, t);
      else keys.set(name, { id: `${prefix}${keys.size}`, name, type: t });
    }
  }
  return keys;
}

function keyElements(keys: Map<string, KeyDef>, domain: 'node' | 'edge'): string[] {
  return [...keys.values()].map(
    (k) => `  <key id="${k.id}" for="${domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
  );
}

function dataElements(row: Record<string, FlatValue>, keys: Map<string, KeyDef>, indent: string): string[] {
  return Object.entries(row).map(([name, value]) => {
    const key = keys.get(name);
    if (!key) throw new Error(`undeclared GraphML key ${name}`);
    return `${indent}<data key="${key.id}">${escapeXml(String(value))}</data>`;
  });
}

export function toGraphml(graph: Subgraph): string {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const nodeRows = graph.nodes.map((n) => ({ id: n.id, row: flattenNode(n) }));
  const rels = graph.relationships.filter((r) => nodeIds.has(r.source) && nodeIds.has(r.target));
  const edgeRows = rels.map((r) => ({ r, row: flattenRelationship(r) }));
  const nodeKeys = collectKeys(nodeRows.map((x) => x.row), 'n');
  const edgeKeys = collectKeys(edgeRows.map((x) => x.row), 'e');

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyElements(nodeKeys, 'node'),
    ...keyElements(edgeKeys, 'edge'),
    '  <graph id="finreg-atlas" edgedefault="directed">',
  ];
  for (const { id, row } of nodeRows) {
    lines.push(`    <node id="${escapeXml(id)}">`, ...dataElements(row, nodeKeys, '      '), '    </node>');
  }
  for (const { r, row } of edgeRows) {
    lines.push(
      `    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}">`,
      ...dataElements(row, edgeKeys, '      '),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
