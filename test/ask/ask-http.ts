/**
 * `GET /api/ask` over HTTP, run against both stores (`ask.test.ts`, `ask.neo4j.test.ts`):
 * the same questions get the same readings and answers, every response fits the zod
 * contract, and bad input is a 400 naming the parameter.
 */
import { expect, it } from 'vitest';
import { askResponse } from '../../server/contract/ask.js';
import { getJson } from '../server/helpers.js';

const ask = async (base: () => string, query: string) => {
  const res = await getJson(base(), `/api/ask?${query}`);
  if (res.status === 200) askResponse.parse(res.body);
  return res;
};
const q = (text: string, lang = 'zh'): string => `q=${encodeURIComponent(text)}&lang=${lang}`;

export function askHttpSuite(base: () => string): void {
  it('reads a Chinese question and answers it: regulators of P2P lending as of September 2016', async () => {
    const res = await ask(base, q('2016年9月谁在监管网贷'));
    expect(res.status).toBe(200);
    expect(res.body.reading).toMatchObject({ kind: 'regulators', params: { segment: 'segment:p2p-lending', asOf: '2016-09' } });
    expect(res.body.reading.parts.map((p: { text: string }) => p.text)).toEqual(expect.arrayContaining(['2016年9月', '网贷']));
    const agencies = res.body.answer.rows.map((r: { id: string }) => r.id);
    expect(agencies).toContain('agency:cbrc');
    // The rectification plans of 2016-10-13 are not yet issued in September.
    expect(agencies).not.toContain('agency:state-council-general-office');
    expect(res.body.reading.sentence.map((p: { text: string }) => p.text).join('')).toBe('网络借贷的监管机构 · 截至2016-09');
  });

  it('reads an English question with a typo and says which word it corrected', async () => {
    const res = await ask(base, q('what prohibits unlicenced operation', 'en'));
    expect(res.body.reading).toMatchObject({ kind: 'rules', params: { topic: 'topic:unlicensed-operation', relation: 'PROHIBITS' } });
    expect(res.body.reading.parts.find((p: { role: string }) => p.role === 'entity')).toMatchObject({ text: 'unlicenced operation', corrected: 'unlicensed operation' });
    expect(res.body.reading.notes.map((n: { en: string }) => n.en).join(' ')).toContain('unlicensed operation');
    const rules = res.body.answer.rows.map((r: { id: string }) => r.id);
    expect(rules).toContain('rule:p2p-interim-measures-2016');
    expect(res.body.answer.rows.every((r: { quote?: string }) => typeof r.quote === 'string')).toBe(true);
  });

  it('answers a reading given as parameters, the way a changed chip asks again', async () => {
    const res = await ask(base, 'kind=regulators&segment=segment:equity-crowdfunding&lang=en');
    expect(res.status).toBe(200);
    expect(res.body.question).toBeNull();
    expect(res.body.reading.sentence.map((p: { text: string }) => p.text).join('')).toBe('Regulators of Equity crowdfunding · as of any date');
    expect(res.body.answer.rows.map((r: { id: string }) => r.id)).toContain('agency:csrc');
  });

  it('answers every kind on the seed', async () => {
    const cases: Array<[string, string]> = [
      ['《暂行办法》禁止什么', 'ruleSays'],
      ['几个部委联合发布了网贷暂行办法', 'issuers'],
      ['证监会发布了哪些文件', 'issued'],
      ['how is the CSRC connected to down payment loans', 'path'],
      ['what changed between August and October 2016', 'changes'],
      ['萌芽期之后是什么阶段', 'phase'],
      ['tell me about the CBRC', 'about'],
      ['compare P2P and equity crowdfunding', 'compare'],
    ];
    for (const [text, kind] of cases) {
      const res = await ask(base, q(text));
      expect(res.body.reading.kind, text).toBe(kind);
      expect(res.body.answer.rows.length, text).toBeGreaterThan(0);
    }
    const next = await ask(base, q('萌芽期之后是什么阶段'));
    expect(next.body.answer.rows.map((r: { id: string }) => r.id)).toEqual(['phase:growth']);
    const changes = await ask(base, q('what changed between August and October 2016', 'en'));
    expect(changes.body.answer.rows.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['rule:p2p-interim-measures-2016', 'rule:p2p-rectification-plan-2016']));
    expect(changes.body.answer.rows.map((r: { id: string }) => r.id)).not.toContain('rule:internet-finance-guideline-2015');
  });

  it('says plainly when it does not understand, with the closest readings and search results', async () => {
    const res = await ask(base, q("what's the weather in Beijing", 'en'));
    expect(res.status).toBe(200);
    expect(res.body.reading.kind).toBe('unknown');
    expect(res.body.answer).toBeNull();
    const vague = await ask(base, q('P2P?', 'en'));
    expect(vague.body.reading.kind).not.toBe('unknown');
  });

  it('refuses bad input with a 400 naming the parameter, never a 500', async () => {
    const bad: Array<[string, RegExp]> = [
      [q('x'.repeat(201)), /`q` must be at most 200/],
      ['lang=en', /`q` is required/],
      [`${q('who regulates P2P')}&kind=regulators`, /either `q`/],
      [`${q('who regulates P2P')}&segment=segment:p2p-lending`, /`segment` goes with `kind`/],
      ['kind=regulators', /`segment` is required/],
      ['kind=regulators&segment=topic:fund-pool', /`segment` must name a Segment; `topic:fund-pool` is a Topic/],
      ['kind=regulators&segment=segment:nope', /no node has the id/],
      ['kind=regulators&segment=segment:p2p-lending&topic=topic:fund-pool', /`topic` does not belong/],
      ['kind=issuers&rule=rule:p2p-interim-measures-2016&aspect=next', /`aspect` must be one of `who`/],
      ['kind=nonsense', /`kind` must be one of/],
      ['kind=changes&from=2016-13', /`from` must be an ISO date/],
      ['q=a&lang=fr', /`lang` must be one of/],
    ];
    for (const [query, message] of bad) {
      const res = await ask(base, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toMatch(message);
    }
  });

  it('reads hostile text as text', async () => {
    for (const text of ["'); MATCH (n) DETACH DELETE n //", '<script>alert(1)</script>谁监管', '\u0000\u202e😀 P2P', '年'.repeat(200), '2016年'.repeat(33), 'and '.repeat(50)]) {
      const res = await ask(base, q(text));
      expect(res.status, text).toBe(200);
    }
    expect((await ask(base, 'q=%ED%A0%80')).status).toBe(400);
    const still = await ask(base, q('谁监管P2P'));
    expect(still.body.answer.rows.length).toBeGreaterThan(0);
  });
}
