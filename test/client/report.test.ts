/**
 * The report reader's client logic: the passage as URL state (a passage is a link), cutting
 * text into highlighted runs, a section's facts, the gap list, and its dictionary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlState, writeUrlState } from '../../client/src/state/url-state';
import { initialState, toUrlState } from '../../client/src/state/app-state';
import { factsOfHeading, gapSpans, segmentsOf, spansOf } from '../../client/src/ui/report-model';
import { REPORT_DICTIONARIES } from '../../client/src/ui/report-i18n';
import type { Passage, ReportHeading, ReportResponse } from '../../server/contract/report';

const passage = (start: number, end: number, facts: Passage['facts'] = [], heading = 1): Passage => ({
  start,
  end,
  heading,
  quotes: [{ section: 's', quote: 'q' }],
  facts,
  tours: [],
});
const node = (id: string): Passage['facts'][number] => ({ kind: 'node', id, label: 'Topic', name: id, nameEn: id });

describe('the passage in the URL', () => {
  it('round-trips a passage and the reader opened at the top, and leaves a plain view plain', () => {
    const at = { ...DEFAULT_URL_STATE, report: { passage: { start: 9800, end: 9835 } } };
    expect(writeUrlState(at)).toBe('?report=9800-9835');
    expect(parseUrlState('?report=9800-9835').report).toEqual({ passage: { start: 9800, end: 9835 } });
    expect(writeUrlState({ ...DEFAULT_URL_STATE, report: { passage: null } })).toBe('?report=open');
    expect(parseUrlState('?report=open').report).toEqual({ passage: null });
    expect(writeUrlState({ ...DEFAULT_URL_STATE })).toBe('');
  });

  it('drops malformed positions: an empty or reversed range opens the top, garbage nothing', () => {
    expect(parseUrlState('?report=50-50').report).toEqual({ passage: null });
    expect(parseUrlState('?report=60-50').report).toEqual({ passage: null });
    expect(parseUrlState('?report=abc').report).toBeUndefined();
    expect(parseUrlState('?report=-1-5').report).toBeUndefined();
    expect(writeUrlState({ ...DEFAULT_URL_STATE, report: { passage: { start: 5, end: 2 } } })).toBe('?report=open');
  });

  it('a link with a passage opens the Report tab, and the passage is written only while the tab is open', () => {
    const s = initialState('?report=10-20');
    expect(s.tab).toBe('report');
    expect(s.startScreen).toBe(false);
    expect(toUrlState(s).report).toEqual({ passage: { start: 10, end: 20 } });
    expect(toUrlState({ ...s, tab: 'details' }).report).toBeUndefined();
  });
});

describe('highlighting a block', () => {
  const block = { start: 100, end: 120, text: 'abcdefghijklmnopqrst' };

  it('cuts the text at every passage boundary and marks the innermost passage as what a click opens', () => {
    const segs = segmentsOf(block, [passage(90, 105), passage(108, 118), passage(110, 112)]);
    expect(segs.map((s) => [s.text, s.keys.join(' '), s.primary])).toEqual([
      ['abcde', '90-105', '90-105'],
      ['fgh', '', ''],
      ['ij', '108-118', '108-118'],
      ['kl', '110-112 108-118', '110-112'],
      ['mnopqr', '108-118', '108-118'],
      ['st', '', ''],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(block.text);
  });

  it('leaves an uncited block as one run', () => {
    expect(segmentsOf(block, [passage(0, 10)])).toEqual([{ text: block.text, keys: [], primary: '' }]);
  });
});

const headings: ReportHeading[] = [
  { index: 0, kind: 'chapter', title: '第一章 全国互联网金融发展', start: 0, end: 100 },
  { index: 1, kind: 'section', title: '一、机构', parent: 0, start: 0, end: 50 },
  { index: 2, kind: 'section', title: '二、政策', parent: 0, start: 50, end: 100 },
  { index: 3, kind: 'table', title: '表1-1', parent: 2, start: 80, end: 100 },
  { index: 4, kind: 'chapter', title: '序 言', start: 100, end: 140 },
];

describe('a section and the gap list', () => {
  it('collects the facts of every passage under a heading, tables included, once each', () => {
    const ps = [passage(10, 20, [node('a')], 1), passage(60, 70, [node('b'), node('a')], 2), passage(85, 90, [node('c')], 3)];
    expect(factsOfHeading(headings, ps, 2).map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(factsOfHeading(headings, ps, 0).map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(factsOfHeading(headings, ps, 4)).toEqual([]);
  });

  it('cuts a paragraph into sentences and a table row into cells, with their offsets', () => {
    const para = { kind: 'paragraph' as const, start: 10, text: '甲乙。丙丁；\n戊' };
    expect(spansOf(para).map((sp) => [sp.text, sp.start, sp.end])).toEqual([['甲乙。', 10, 13], ['丙丁；', 13, 16], ['戊', 17, 18]]);
    expect(spansOf({ kind: 'row', start: 0, text: 'a\tbb\t c' }).map((sp) => [sp.text, sp.start])).toEqual([['a', 0], ['bb', 2], ['c', 6]]);
  });

  it('lists the sentences and cells of chapter 1 that no fact cites (a tour-only passage does not count, a table header is not content)', () => {
    const report: Extract<ReportResponse, { installed: true }> = {
      installed: true,
      chars: 140,
      headings,
      blocks: [
        { kind: 'heading', heading: 1, start: 0, end: 5, text: 'x' },
        { kind: 'paragraph', heading: 1, start: 6, end: 12, text: '引一。空二。' },
        { kind: 'paragraph', heading: 2, start: 51, end: 54, text: '导览。' },
        { kind: 'row', heading: 3, start: 76, end: 80, text: '头\t头' },
        { kind: 'row', heading: 3, start: 81, end: 86, text: '表\t格\t行' },
        { kind: 'paragraph', heading: 4, start: 101, end: 105, text: '序言句。' },
      ],
    };
    const ps = [passage(6, 8, [node('a')], 1), passage(51, 53, [], 2), passage(83, 84, [node('b')], 3)];
    expect(gapSpans(report, ps).map((sp) => sp.text)).toEqual(['空二。', '导览。', '表', '行']);
  });
});

describe('the reader dictionary', () => {
  it('has the same keys and placeholders in both languages, nothing empty', () => {
    const { zh, en } = REPORT_DICTIONARIES;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as Array<keyof typeof en>) {
      expect(zh[k].trim(), k).not.toBe('');
      expect(ph(zh[k]), k).toEqual(ph(en[k]));
    }
  });

  it('every key is used by the client', () => {
    const dir = join(__dirname, '../../client/src');
    const code = ['ui', '.', 'teaching']
      .flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith('.ts') && f !== 'report-i18n.ts').map((f) => readFileSync(join(dir, d, f), 'utf8')))
      .join('\n');
    const dynamic = ['report.problem.'];
    for (const k of Object.keys(REPORT_DICTIONARIES.en)) {
      if (dynamic.some((p) => k.startsWith(p))) continue;
      expect(code, k).toContain(`'${k}'`);
    }
  });
});
