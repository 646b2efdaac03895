/**
 * The reader's pure logic, apart from the DOM so it is tested on its own: cutting a block of
 * text into runs by the passages covering them, the facts of a section, and the gap list
 * (sentences of chapter 1 no fact cites).
 */
import type { Passage, PassageFact, ReportBlock, ReportHeading, ReportResponse } from '../../../server/contract/report';

export function passageKey(p: Pick<Passage, 'start' | 'end'>): string {
  return `${p.start}-${p.end}`;
}

export interface Segment {
  text: string;
  /** The passages covering this run (keys), empty for uncited text. */
  keys: string[];
  /** The innermost (shortest) of them: what a click opens. */
  primary: string;
}

/** The block's text cut at every passage boundary inside it. */
export function segmentsOf(block: Pick<ReportBlock, 'start' | 'end' | 'text'>, passages: readonly Passage[]): Segment[] {
  const over = passages.filter((p) => p.start < block.end && p.end > block.start);
  const cuts = new Set([block.start, block.end]);
  for (const p of over) {
    cuts.add(Math.max(p.start, block.start));
    cuts.add(Math.min(p.end, block.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const covering = over.filter((p) => p.start <= a && p.end >= b).sort((x, y) => x.end - x.start - (y.end - y.start));
    const text = block.text.slice(a - block.start, b - block.start);
    const keys = covering.map(passageKey);
    const last = out[out.length - 1];
    // Runs covered by the same passages stay one element.
    if (last && last.keys.join(' ') === keys.join(' ')) last.text += text;
    else out.push({ text, keys, primary: keys[0] ?? '' });
  }
  return out;
}

function within(headings: readonly ReportHeading[], index: number, ancestor: number): boolean {
  for (let hd = headings[index]; hd !== undefined; hd = hd.parent === undefined ? undefined : headings[hd.parent]) if (hd.index === ancestor) return true;
  return false;
}

/** Every fact citing a passage under this heading (or a heading inside it), once each. */
export function factsOfHeading(headings: readonly ReportHeading[], passages: readonly Passage[], index: number): PassageFact[] {
  const seen = new Set<string>();
  const out: PassageFact[] = [];
  for (const p of passages) {
    if (!within(headings, p.heading, index)) continue;
    for (const f of p.facts) {
      const key = f.kind === 'figure' ? `figure:${f.id}:${f.metric}:${f.year ?? ''}` : `${f.kind}:${f.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** A span of a block: a sentence of a paragraph, or a cell of a table row. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** Where the block holding it starts (its element is `report-b-<block>`). */
  block: number;
}

/** A block cut into sentences (after 。！？；) or, for a table row, cells; blank spans dropped. */
export function spansOf(b: Pick<ReportBlock, 'kind' | 'start' | 'text'>): Span[] {
  const out: Span[] = [];
  const cut = b.kind === 'row' ? /\t/gu : /(?<=[。！？；])/gu;
  let at = 0;
  const push = (from: number, to: number): void => {
    const raw = b.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') out.push({ start: b.start + from + lead, end: b.start + from + lead + text.length, text, block: b.start });
  };
  for (const m of b.text.matchAll(cut)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, b.text.length);
  return out;
}

/**
 * The sentences (and table cells) of chapter 1 that no fact cites (a passage cited only by a
 * tour does not count): what a curator may still add to the graph.
 */
export function gapSpans(report: Extract<ReportResponse, { installed: true }>, passages: readonly Passage[]): Span[] {
  const chapter = report.headings.find((hd) => hd.kind === 'chapter' && hd.title.startsWith('第一章'));
  if (!chapter) return [];
  const cited = passages.filter((p) => p.facts.length > 0);
  // A table's first row is its header (时间, 文件名称 …), not content to cite.
  const headerRows = new Set<number>();
  const tablesSeen = new Set<number>();
  for (const b of report.blocks) {
    if (b.kind !== 'row' || tablesSeen.has(b.heading)) continue;
    tablesSeen.add(b.heading);
    headerRows.add(b.start);
  }
  return report.blocks
    .filter((b) => !headerRows.has(b.start))
    .filter(
      (b) =>
        (b.kind === 'paragraph' || b.kind === 'row') &&
        b.heading >= 0 &&
        within(report.headings, b.heading, chapter.index) &&
        report.headings[b.heading]!.kind !== 'figure',
    )
    .flatMap(spansOf)
    .filter((sp) => !cited.some((p) => p.start < sp.end && p.end > sp.start));
}
