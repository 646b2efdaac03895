/**
 * Quote places: the outline reads the report's headings by what they say, each quote is
 * resolved to its heading path and range (a repeated quote by its cited section, a quote
 * across a table cell or heading flagged), and the committed places file matches the seed
 * (without the text) and the text (with it); a missing or stale place names the generator.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../graph-seed/read-seed-files.js';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { checkSeedPlaces, citedSources, readPlacesFile } from '../../graph-seed/quote-places-file.js';
import { readOutline } from '../../graph-seed/quote-places-outline.js';
import { checkPlacesFile, computePlaces, placePath } from '../../graph-seed/quote-places.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import type { Tour } from '../../graph-seed/tour-schema.js';
import { loadTours } from '../../graph-seed/validate-tours.js';
import { itWithSourceText } from '../support/source-text.js';

/** A small text shaped like the report: a chapter number and its title, sections at two Markdown levels, a table. */
const TEXT = [
  '# 序 言',
  '',
  '互联网金融进入全面监管阶段。',
  '',
  '# 第一章',
  '',
  '## 全国互联网金融发展',
  '',
  '## 一、机构发展',
  '',
  '互联网金融自2006年萌芽。首付贷更是明令禁止。',
  '',
  '## 二、政策发展',
  '',
  '首付贷更是明令禁止，监管长效',
  '机制。',
  '',
  '表1-1 2016年文件',
  '',
  '时间\t文件名称\t发布单位',
  '2016/08/24\t《暂行办法》\t银监会等四部委',
  '',
  '### 三、创新发展',
  '',
  '区块链技术。',
  '',
].join('\n');

describe('the outline', () => {
  it('reads chapters, sections and tables by what they say, not by their # count', () => {
    const outline = readOutline(TEXT);
    expect(outline.map((h) => [h.kind, h.title, h.parent])).toEqual([
      ['chapter', '序 言', undefined],
      ['chapter', '第一章 全国互联网金融发展', undefined],
      ['section', '一、机构发展', 1],
      ['section', '二、政策发展', 1],
      ['table', '表1-1 2016年文件', 3],
      ['section', '三、创新发展', 1],
    ]);
    const table = outline[4]!;
    expect(TEXT.slice(table.start, table.end)).toMatch(/^表1-1[\s\S]*银监会等四部委\n$/);
  });
});

describe('resolving quotes', () => {
  const place = (section: string, quote: string) => {
    const { file, notFound } = computePlaces(TEXT, [{ section, quote }]);
    expect(notFound).toEqual([]);
    const p = file.places[0]!;
    return { ...p, path: placePath(file, p.heading).map((h) => h.title), text: TEXT.slice(p.start, p.end) };
  };

  it('gives the heading path and the range, whitespace and line breaks inside the quote included', () => {
    const p = place('二、政策发展', '监管长效机制');
    expect(p.path).toEqual(['第一章 全国互联网金融发展', '二、政策发展']);
    expect(p.text).toBe('监管长效\n机制');
    expect(p.problems).toBeUndefined();
  });

  it('resolves a quote that occurs twice by its cited section', () => {
    const inOne = place('一、机构发展', '首付贷更是明令禁止');
    const inTwo = place('二、政策发展', '首付贷更是明令禁止');
    expect(inOne.path.at(-1)).toBe('一、机构发展');
    expect(inTwo.path.at(-1)).toBe('二、政策发展');
    expect(inTwo.start).toBeGreaterThan(inOne.start);
    expect(inTwo.occurrences).toBe(2);
  });

  it('flags a quote across a table cell, across a heading, or outside its cited section', () => {
    expect(place('二、政策发展', '《暂行办法》 银监会').problems).toEqual(['crosses-cell']);
    expect(place('二、政策发展', '《暂行办法》 银监会').path.at(-1)).toBe('表1-1 2016年文件');
    expect(place('一、机构发展', '明令禁止。 ## 二、政策发展').problems).toContain('crosses-heading');
    expect(place('序 言', '区块链技术').problems).toEqual(['section-mismatch']);
  });

  it('reports a quote that is not in the text instead of placing it', () => {
    expect(computePlaces(TEXT, [{ section: '序 言', quote: '不存在的句子' }]).notFound).toHaveLength(1);
  });
});

describe('the places file', () => {
  const sources = [
    { section: '一、机构发展', quote: '互联网金融自2006年萌芽' },
    { section: '三、创新发展', quote: '区块链技术' },
  ];
  const file = computePlaces(TEXT, sources).file;

  it('holds no copy of the text: only offsets, headings and the quotes themselves', () => {
    expect(JSON.stringify(file)).not.toContain('全面监管阶段');
  });

  it('matches its citations without the text and with it', () => {
    expect(checkPlacesFile(file, sources)).toEqual([]);
    expect(checkPlacesFile(file, sources, TEXT)).toEqual([]);
  });

  it('names the generator for a missing place, a stale place, another text or moved offsets', () => {
    const added = [...sources, { section: '序 言', quote: '全面监管阶段' }];
    expect(checkPlacesFile(file, added)).toEqual([expect.stringMatching(/"全面监管阶段" \(序 言\) has no place .*run `npm run seed:places`/)]);
    expect(checkPlacesFile(file, sources.slice(1))).toEqual([expect.stringMatching(/stale place for "互联网金融自2006年萌芽" .*run `npm run seed:places`/)]);
    expect(checkPlacesFile(file, sources, TEXT.replace('序 言', '序言'))).toEqual([expect.stringMatching(/another copy of the report text.*npm run seed:places/)]);
    const moved = { ...file, places: file.places.map((p) => ({ ...p, start: p.start + 1 })) };
    expect(checkPlacesFile(moved, sources, TEXT)).toEqual([expect.stringMatching(/out of date with the text.*npm run seed:places/)]);
    expect(checkPlacesFile(undefined, sources)[0]).toMatch(/missing; run `npm run seed:places`/);
  });
});

describe('the committed places of the real seed', () => {
  let graph: SeedGraph;
  let tours: Tour[];
  beforeAll(async () => {
    graph = await loadSeedGraph({ sourcePath: null, onWarning: () => {} });
    tours = await loadTours(graph, { sourcePath: null, onWarning: () => {} });
  });

  it('has a place for every quote of the seed and the tours, and none stale (checked without the text)', () => {
    expect(checkSeedPlaces(graph, tours)).toEqual([]);
    const quotes = new Set([...citedSources(graph, tours)].map((s) => s.quote));
    expect(readPlacesFile()!.places.length).toBeGreaterThanOrEqual(quotes.size);
  });

  itWithSourceText('matches the report text: every place verified', (text) => {
    expect(checkSeedPlaces(graph, tours, text)).toEqual([]);
    const file = readPlacesFile()!;
    for (const p of file.places) expect(text.slice(p.start, p.end).replace(/\s+/gu, '')).toBe(p.quote.replace(/\s+/gu, ''));
  });
});

describe('seed:validate and the places file', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', path.join(repoRoot(), 'graph-seed/cli/validate.ts'), ...args], { cwd: repoRoot() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('fails on a quote without a place and on a stale place, saying to run npm run seed:places (text or not)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'places-'));
    try {
      const file = JSON.parse(readFileSync(path.join(repoRoot(), 'graph-seed/quote-places.json'), 'utf8')) as { places: Array<{ section: string; quote: string }> };
      const dropped = file.places.shift()!;
      file.places.push({ ...dropped, section: dropped.section, quote: '一句早已删除的引文' });
      const stale = path.join(dir, 'quote-places.json');
      writeFileSync(stale, JSON.stringify(file));
      const r = await cli(['--places', stale, '--source', '/nonexistent']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the quote "${dropped.quote.slice(0, 30)}`);
      expect(r.stderr).toMatch(/has no place in graph-seed\/quote-places\.json; run `npm run seed:places`/);
      expect(r.stderr).toMatch(/stale place for "一句早已删除的引文" .*run `npm run seed:places`/);
      expect(r.stderr).toContain('2 errors in quote places');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes with the committed file and says the places are up to date', async () => {
    const r = await cli(['--source', '/nonexistent']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('quote places: up to date (checked against the seed; no text)');
  });
});
