/**
 * `GET /api/report`: the text cut into blocks (heading lines, paragraphs, table rows) under
 * the outline's headings, or, without the text, the headings alone and how to install it.
 */
import { headingAt, readOutline } from '../../graph-seed/quote-places-outline.js';
import type { PlaceHeading } from '../../graph-seed/quote-places.js';
import type { ReportBlock, ReportHeading, ReportResponse } from '../contract/report.js';
import { headingLabelEn } from './heading-labels.js';
import type { ReportSource } from './report-source.js';

export function toReportHeadings(headings: readonly PlaceHeading[]): ReportHeading[] {
  return headings.map((h, index) => {
    const titleEn = headingLabelEn(h.title);
    return {
      index,
      kind: h.kind,
      title: h.title,
      ...(titleEn === undefined ? {} : { titleEn }),
      ...(h.parent === undefined ? {} : { parent: h.parent }),
      start: h.start,
      end: h.end,
    };
  });
}

/** Blocks: each heading line, each run of non-blank lines (a paragraph), each table row. */
export function reportBlocks(text: string): { headings: ReportHeading[]; blocks: ReportBlock[] } {
  const outline = readOutline(text);
  const headings = toReportHeadings(outline);
  const headingLines = new Map(outline.map((h) => [h.start, h]));
  const blocks: ReportBlock[] = [];
  let para: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (para === undefined) return;
    blocks.push(block('paragraph', para.start, para.end));
    para = undefined;
  };
  const block = (kind: ReportBlock['kind'], start: number, end: number): ReportBlock => ({
    kind,
    heading: headingAt(outline, start)?.index ?? -1,
    start,
    end,
    text: text.slice(start, end),
  });

  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl === -1 ? text.length : nl;
    const next = nl === -1 ? text.length : nl + 1;
    const line = text.slice(start, lineEnd);
    const heading = headingLines.get(start);
    if (heading !== undefined) {
      flush();
      // A heading and the lines merged into it (a chapter's title, a subtitle) are one block.
      const end = heading.bodyStart > start ? trimEnd(text, heading.bodyStart) : lineEnd;
      blocks.push(block('heading', start, end));
      start = Math.max(next, heading.bodyStart);
      continue;
    }
    if (line.trim() === '') flush();
    else if (line.includes('\t')) {
      flush();
      blocks.push(block('row', start, trimEnd(text, lineEnd)));
    } else if (para === undefined) para = { start, end: trimEnd(text, lineEnd) };
    else para.end = trimEnd(text, lineEnd);
    start = next;
  }
  flush();
  return { headings, blocks };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

export function buildReport(source: ReportSource): ReportResponse {
  if (source.text === undefined) {
    return {
      installed: false,
      headings: toReportHeadings(source.places.headings),
      install: { message: source.missing!.message, dropIn: source.missing!.dropIn, env: 'SEED_SOURCE' },
    };
  }
  const { headings, blocks } = reportBlocks(source.text);
  return { installed: true, chars: source.text.length, headings, blocks };
}
