/**
 * CSV export, one table per request (`part=nodes|relationships`): a spreadsheet or Gephi's
 * import wizard reads one table per file, and two files beat a zip for a single download.
 * Column names follow Gephi's conventions (Id/Label; Source/Target/Type) so it maps them
 * without asking. UTF-8 with a byte-order mark, so Excel shows the Chinese text.
 */
import type { Subgraph } from '../stores/types.js';
import { evidenceOf } from '../../graph-seed/vocabulary.js';
import { figureWithEvidence, sourcesText } from './flatten.js';

export const CSV_PARTS = ['nodes', 'relationships'] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

const BOM = '\uFEFF';

/** Quote every cell that needs it; defuse spreadsheet formulas (=, +, -, @ at the start). */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: string[], rows: Array<Array<string | number | boolean | undefined>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function toCsv(graph: Subgraph, part: CsvPart): string {
  if (part === 'nodes') {
    return (
      BOM +
      table(
        ['Id', 'Label', 'Category', 'NameEn', 'Aliases', 'Description', 'DescriptionEn', 'Date', 'StartYear', 'EndYear', 'Kind', 'Figures', 'Sources'],
        graph.nodes.map((n) => [
          n.id,
          n.name,
          n.label,
          n.nameEn,
          n.aliases.join('; '),
          n.description,
          n.descriptionEn,
          n.date,
          n.startYear,
          n.endYear,
          n.kind,
          n.figures.length > 0 ? JSON.stringify(n.figures.map(figureWithEvidence)) : undefined,
          sourcesText(n.sources),
        ]),
      )
    );
  }
  return (
    BOM +
    table(
      // Evidence (stated / attributed / inferred) and the qualifier get columns of their own,
      // so a spreadsheet can filter on them without parsing Properties.
      ['Source', 'Target', 'Type', 'Id', 'Label', 'Evidence', 'Condition', 'Properties', 'Sources'],
      graph.relationships.map((r) => [
        r.source,
        r.target,
        'Directed',
        r.id,
        r.type,
        evidenceOf(r.properties),
        typeof r.properties['condition'] === 'string' ? r.properties['condition'] : undefined,
        Object.keys(r.properties).length > 0 ? JSON.stringify(r.properties) : undefined,
        sourcesText(r.sources),
      ]),
    )
  );
}
