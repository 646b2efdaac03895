/** The export formats: body, content type and download file name for each. */
import type { Subgraph } from '../stores/types.js';
import { toCsv, type CsvPart } from './csv.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toJson } from './json.js';

export const EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

export function exportGraph(graph: Subgraph, format: ExportFormat, part: CsvPart = 'nodes'): ExportFile {
  switch (format) {
    case 'json':
      return { body: toJson(graph), contentType: 'application/json; charset=utf-8', fileName: 'finreg-atlas.json' };
    case 'gexf':
      return { body: toGexf(graph), contentType: 'application/gexf+xml; charset=utf-8', fileName: 'finreg-atlas.gexf' };
    case 'graphml':
      return { body: toGraphml(graph), contentType: 'application/graphml+xml; charset=utf-8', fileName: 'finreg-atlas.graphml' };
    case 'csv':
      return { body: toCsv(graph, part), contentType: 'text/csv; charset=utf-8; header=present', fileName: `finreg-atlas.${part}.csv` };
  }
}
