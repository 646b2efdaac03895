/**
 * The report reader's API over the real seed, run against any store (`report.test.ts`:
 * memory, `report.neo4j.test.ts`: Neo4j): the text by headings, the cited passages with the
 * facts citing each, and both without the text installed. Expected facts are computed
 * here from the seed files, never typed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { readPlacesFile } from '../../graph-seed/quote-places-file.js';
import { placeKey } from '../../graph-seed/quote-places.js';
import { relationshipId, type SeedGraph } from '../../graph-seed/schema.js';
import { passagesResponseSchema, reportResponseSchema } from '../../server/contract/report.js';
import type { GraphStore } from '../../server/stores/types.js';
import { sourceText } from '../support/source-text.js';
import { itWithSourceText } from '../support/source-text.js';
import { getJson, startApp, type Running } from './helpers.js';

export function reportSuite(openStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let withText: Running;
  let withoutText: Running;
  let seed: SeedGraph;

  beforeAll(async () => {
    seed = await loadSeedGraph({ sourcePath: null, onWarning: () => {} });
    store = await openStore();
    withText = await startApp({ store, rateLimitPerMinute: 0 });
    withoutText = await startApp({ store, rateLimitPerMinute: 0, reportSourcePath: null });
  });
  afterAll(async () => {
    await withText?.close();
    await withoutText?.close();
    await store?.close();
  });

  describe('GET /api/report', () => {
    itWithSourceText('gives the whole text in blocks under the outline, with English labels of the main headings', async (text) => {
      const res = await getJson(withText.base, '/api/report');
      expect(res.status).toBe(200);
      const report = reportResponseSchema.parse(res.body);
      if (!report.installed) throw new Error('expected the text to be installed');
      expect(report.chars).toBe(text.length);
      // Blocks are in order, do not overlap, and hold exactly the text of their range.
      let at = 0;
      for (const b of report.blocks) {
        expect(b.start).toBeGreaterThanOrEqual(at);
        expect(b.text).toBe(text.slice(b.start, b.end));
        at = b.end;
      }
      // Nothing but whitespace falls between blocks.
      const covered = report.blocks.map((b) => b.text).join('').replace(/\s+/gu, '');
      expect(covered).toBe(text.replace(/\s+/gu, ''));
      const chapter1 = report.headings.find((h) => h.title.startsWith('第一章'))!;
      expect(chapter1.titleEn).toMatch(/Chapter 1/);
      const sections = report.headings.filter((h) => h.parent === chapter1.index);
      expect(sections.map((h) => h.title)).toEqual(['一、全国互联网金融机构发展', '二、全国互联网金融政策发展', '三、全国互联网金融创新发展']);
      for (const h of sections) expect(h.titleEn).toBeDefined();
      // The rows of chapter 1 are Table 1-1's (the contents page has tab-separated rows too).
      const rows = report.blocks.filter((b) => b.kind === 'row' && b.start >= chapter1.start && b.end <= chapter1.end);
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) expect(report.headings[r.heading]!.kind).toBe('table');
    });

    it('without the text says it is not installed and how to install it, and still gives the headings', async () => {
      const res = await getJson(withoutText.base, '/api/report');
      expect(res.status).toBe(200);
      const report = reportResponseSchema.parse(res.body);
      if (report.installed) throw new Error('expected the text to be missing');
      expect(report.install.message).toMatch(/not installed/);
      expect(report.install.message).toContain('graph-seed/source/report.txt');
      expect(report.install.message).toContain('SEED_SOURCE');
      expect(report.install.message).not.toMatch(/\/(work|home|tmp)\//); // no server paths
      expect(report.headings.map((h) => h.title)).toEqual(readPlacesFile()!.headings.map((h) => h.title));
    });

    it('refuses parameters with a 400 naming them', async () => {
      const res = await getJson(withText.base, '/api/report?chapter=1');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/`chapter`/);
      const passages = await getJson(withText.base, '/api/report/passages?x=1');
      expect(passages.status).toBe(400);
      expect(passages.body.error.message).toMatch(/`x`/);
    });
  });

  describe('GET /api/report/passages', () => {
    it('places every citation of the seed, in document order, with every fact citing it (without the text)', async () => {
      const res = await getJson(withoutText.base, '/api/report/passages');
      expect(res.status).toBe(200);
      const body = passagesResponseSchema.parse(res.body);
      expect(body.installed).toBe(false);
      expect(body.unplaced).toBe(0);
      for (let i = 1; i < body.passages.length; i++) expect(body.passages[i]!.start).toBeGreaterThanOrEqual(body.passages[i - 1]!.start);
      // Every relationship of the seed is listed under the passage of each of its quotes.
      const factsAt = new Map<string, Set<string>>();
      for (const p of body.passages) for (const q of p.quotes) factsAt.set(placeKey(q), new Set(p.facts.map((f) => `${f.kind}:${f.id}`)));
      for (const r of seed.relationships) {
        for (const s of r.sources) expect(factsAt.get(placeKey(s))?.has(`relationship:${relationshipId(r)}`), `${relationshipId(r)} at ${s.quote}`).toBe(true);
      }
      for (const n of seed.nodes) {
        for (const s of n.sources) expect(factsAt.get(placeKey(s))?.has(`node:${n.id}`), `${n.id} at ${s.quote}`).toBe(true);
        for (const f of n.figures) for (const s of f.sources) expect(factsAt.get(placeKey(s))?.has(`figure:${n.id}`)).toBe(true);
      }
      // Tour steps are listed too.
      expect(body.passages.some((p) => p.tours.length > 0)).toBe(true);
      // A passage that joins two cells of Table 1-1 says so.
      expect(body.passages.some((p) => p.problems?.includes('crosses-cell'))).toBe(true);
    });

    itWithSourceText('gives the same passages from the text as from the committed places file', async () => {
      const [a, b] = await Promise.all([getJson(withText.base, '/api/report/passages'), getJson(withoutText.base, '/api/report/passages')]);
      expect(a.status).toBe(200);
      expect(a.body.installed).toBe(true);
      expect({ ...a.body, installed: false }).toEqual(b.body);
      const text = sourceText()!;
      for (const p of a.body.passages as Array<{ start: number; end: number; quotes: Array<{ quote: string }> }>) {
        expect(text.slice(p.start, p.end).replace(/\s+/gu, '')).toBe(p.quotes[0]!.quote.replace(/\s+/gu, ''));
      }
    });
  });
}
