/**
 * The report's outline: its headings as a tree (chapter › section › table or figure), each
 * with the character range of the text it covers. Pure (text in, outline out), so the places
 * generator, the server's reader and the tests all read the text the same way.
 *
 * The text came through a PDF conversion, so its Markdown levels are not consistent
 * (`## 二、…` and `### 三、…` are siblings; `# 第一章` is followed by its title as `## …`).
 * The depth is therefore read from what a heading says, not from its `#` count:
 *
 * - a `#` heading or a `第…章` heading opens a chapter; an unnumbered heading right after a
 *   `第…章` (nothing but blank lines between) is its title, and a heading starting with
 *   `——` is the subtitle of the heading before it: both join that heading;
 * - every other `#` heading is a section of the current chapter;
 * - a line starting `表1-1` or `图1-1` is the caption of a table or figure inside the
 *   current section; a table runs over the tab-separated rows that follow its caption.
 *
 * Offsets are JavaScript string indices (UTF-16 code units) into the text as read.
 */

export type OutlineKind = 'chapter' | 'section' | 'table' | 'figure';

export interface OutlineHeading {
  /** Position in document order; stable for a given text. */
  index: number;
  kind: OutlineKind;
  /** The heading as written (subtitles and a chapter's title joined with a space). */
  title: string;
  /** Every heading line merged into this one, as written (what a citation's `section` names). */
  lines: string[];
  /** The enclosing heading (a section's chapter, a table's section), if any. */
  parent?: number;
  /** Where the heading line starts. */
  start: number;
  /** Where the first line after the heading (and its merged lines) starts. */
  bodyStart: number;
  /** Where the next heading of the same or a higher rank starts (or the text ends). */
  end: number;
}

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*\S)\s*$/u;
const CHAPTER_NUMBER = /^第[一二三四五六七八九十百]+章$/u;
const NUMBERED_SECTION = /^[一二三四五六七八九十]+、/u;
const CAPTION = /^(表|图)\d+-\d+\s/u;

interface Line {
  text: string;
  start: number;
  /** Start of the next line (after the newline). */
  next: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/u, ''), start, next: nl === -1 ? text.length : nl + 1 });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

const RANK: Record<OutlineKind, number> = { chapter: 0, section: 1, table: 2, figure: 2 };

export function readOutline(text: string): OutlineHeading[] {
  const lines = splitLines(text);
  const out: OutlineHeading[] = [];
  let chapter: OutlineHeading | undefined;
  let section: OutlineHeading | undefined;
  /** The last heading and whether only blank lines followed it so far. */
  let last: OutlineHeading | undefined;
  let lastBare = false;
  /** The table whose rows are being read. */
  let table: OutlineHeading | undefined;

  const close = (h: OutlineHeading | undefined, at: number): void => {
    if (h !== undefined && h.end === -1) h.end = at;
  };
  const open = (kind: OutlineKind, title: string, line: Line): OutlineHeading => {
    const h: OutlineHeading = { index: out.length, kind, title, lines: [title], start: line.start, bodyStart: line.next, end: -1 };
    // A heading closes every open heading of its rank or below.
    for (const o of out) if (o.end === -1 && RANK[o.kind] >= RANK[kind]) o.end = line.start;
    const parent = kind === 'section' ? chapter : kind === 'chapter' ? undefined : (section ?? chapter);
    if (parent !== undefined) h.parent = parent.index;
    out.push(h);
    return h;
  };
  const merge = (into: OutlineHeading, title: string, line: Line): void => {
    into.title = `${into.title} ${title}`;
    into.lines.push(title);
    into.bodyStart = line.next;
  };

  for (const line of lines) {
    const trimmed = line.text.trim();
    if (table !== undefined) {
      if (trimmed === '' || line.text.includes('\t')) {
        if (line.text.includes('\t')) table.end = line.next;
        continue;
      }
      table = undefined; // the rows ended: the section goes on
    }
    const md = MARKDOWN_HEADING.exec(line.text);
    if (md !== null) {
      const level = md[1]!.length;
      const title = md[2]!.trim();
      if (last !== undefined && lastBare && title.startsWith('——')) {
        merge(last, title, line);
      } else if (last !== undefined && lastBare && last.kind === 'chapter' && CHAPTER_NUMBER.test(last.title) && !NUMBERED_SECTION.test(title)) {
        merge(last, title, line);
      } else if (level === 1 || CHAPTER_NUMBER.test(title)) {
        chapter = open('chapter', title, line);
        section = undefined;
        last = chapter;
      } else {
        section = open('section', title, line);
        last = section;
      }
      lastBare = true;
      continue;
    }
    const caption = CAPTION.exec(trimmed);
    if (caption !== null) {
      const kind: OutlineKind = caption[1] === '表' ? 'table' : 'figure';
      const h = open(kind, trimmed, line);
      // A figure is only its caption here (the image is not in the excerpt); a table runs
      // over its rows.
      h.end = line.next;
      if (kind === 'table') table = h;
      last = h;
      lastBare = true;
      continue;
    }
    if (trimmed !== '') lastBare = false;
  }
  for (const h of out) close(h, text.length);
  return out;
}

/** The heading path of a heading, outermost first. */
export function headingPath(outline: readonly OutlineHeading[], index: number): OutlineHeading[] {
  const path: OutlineHeading[] = [];
  let h: OutlineHeading | undefined = outline[index];
  while (h !== undefined) {
    path.unshift(h);
    h = h.parent === undefined ? undefined : outline[h.parent];
  }
  return path;
}

/** The innermost heading whose range holds `offset`, or undefined before the first heading. */
export function headingAt(outline: readonly OutlineHeading[], offset: number): OutlineHeading | undefined {
  let best: OutlineHeading | undefined;
  for (const h of outline) {
    if (h.start <= offset && offset < h.end && (best === undefined || RANK[h.kind] >= RANK[best.kind])) best = h;
  }
  return best;
}

/** The ranges of the heading lines themselves (a quote must not run across one). */
export function headingLineRanges(outline: readonly OutlineHeading[]): Array<[number, number]> {
  return outline.map((h) => [h.start, h.bodyStart]);
}
