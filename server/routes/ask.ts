/**
 * `GET /api/ask?q=&lang=`: a question in Chinese or English, read by the interpreter
 * (`server/ask/`), answered with the store's own questions, and returned with the reading
 * it took. `GET /api/ask?kind=&<params>&lang=` answers a reading given as parameters (what
 * the client sends when the user changes a chip), with the same response.
 */
import type { Router } from 'express';
import { answerReading } from '../ask/answer.js';
import { interpret } from '../ask/interpret.js';
import { lexiconOf, type Lexicon } from '../ask/lexicon.js';
import { sentenceOf, type Lang } from '../ask/sentence.js';
import { ASK_PARAMS, KIND_PARAMS, type AskKind, type AskParams, type ReadingChoice } from '../ask/types.js';
import { askQuery, type AskResponse } from '../contract/ask.js';
import { badRequest } from '../http/errors.js';
import { validateQuery } from '../http/params.js';
import type { GraphStore, NodeLabel, SearchHit } from '../stores/types.js';

const article = (word: string): string => (/^[AEIOU]/.test(word) ? 'an' : 'a');

/** A reading given as parameters: only the kind's parameters, the required ones present, ids of the right label. */
function checkReading(kind: AskKind, given: AskParams, lexicon: Lexicon): void {
  const spec = KIND_PARAMS[kind];
  for (const key of ASK_PARAMS) {
    const value = given[key];
    const rule = spec[key];
    if (value !== undefined && !rule) {
      throw badRequest(`Query parameter \`${key}\` does not belong to a \`${kind}\` question; it takes ${Object.keys(spec).map((k) => `\`${k}\``).join(', ')}.`);
    }
    if (!rule) continue;
    if (value === undefined) {
      if (rule.required) throw badRequest(`Query parameter \`${key}\` is required for kind \`${kind}\`.`);
      continue;
    }
    if (Array.isArray(rule.type) && !rule.type.includes(value)) {
      throw badRequest(`Query parameter \`${key}\` must be one of ${rule.type.map((v: string) => `\`${v}\``).join(', ')} for kind \`${kind}\`.`);
    }
    if (rule.type === null || (typeof rule.type === 'string' && rule.type !== 'date')) {
      const node = lexicon.byId.get(value);
      if (!node) throw badRequest(`Query parameter \`${key}\`: no node has the id \`${value}\`.`);
      const label = rule.type as NodeLabel | null;
      if (label && node.label !== label) {
        throw badRequest(`Query parameter \`${key}\` must name ${article(label)} ${label}; \`${value}\` is ${article(node.label)} ${node.label}.`);
      }
    }
  }
}

/** The reading a search hit suggests when the question itself could not be read. */
function defaultReading(hit: SearchHit): ReadingChoice {
  switch (hit.label) {
    case 'Segment':
      return { kind: 'regulators', params: { segment: hit.id } };
    case 'Topic':
      return { kind: 'rules', params: { topic: hit.id } };
    case 'Rule':
      return { kind: 'ruleSays', params: { rule: hit.id } };
    case 'Agency':
      return { kind: 'issued', params: { agency: hit.id } };
    default:
      return { kind: 'about', params: { node: hit.id } };
  }
}

/** Search results for the words of a question that was not understood. */
async function fallbackSearch(store: GraphStore, question: string, entityTexts: string[]): Promise<SearchHit[]> {
  const pieces = entityTexts.length > 0 ? entityTexts : question.split(/[\s,.;:!?，。；：！？、]+/).filter((p) => p.length >= 2);
  const longest = [...new Set(pieces)].sort((a, b) => b.length - a.length).slice(0, 3);
  const hits = new Map<string, SearchHit>();
  for (const piece of longest) for (const h of await store.search({ q: piece.slice(0, 200), limit: 5 })) if (!hits.has(h.id)) hits.set(h.id, h);
  return [...hits.values()].slice(0, 8);
}

export function askRoutes(router: Router, store: GraphStore): void {
  router.get('/ask', async (req, res) => {
    const { q, lang, kind, ...rest } = validateQuery(req, askQuery);
    const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as AskParams;
    if (q !== undefined && kind !== undefined) throw badRequest('Give either `q` (a question) or `kind` with its parameters, not both.');
    if (q === undefined && kind === undefined) throw badRequest('Query parameter `q` is required (or `kind` with its parameters).');
    if (q !== undefined && Object.keys(given).length > 0) {
      throw badRequest(`Query parameter \`${Object.keys(given)[0]}\` goes with \`kind\`, not with \`q\`.`);
    }
    const lexicon = await lexiconOf(store);
    const say = (choice: ReadingChoice) => ({ ...choice, sentence: sentenceOf(choice.kind, choice.params, lang as Lang, lexicon.byId) });

    let body: AskResponse;
    if (q !== undefined) {
      const { reading } = await interpret(store, q);
      if (reading.kind === 'unknown') {
        const search = await fallbackSearch(store, q, reading.parts.filter((p) => p.role === 'entity').map((p) => p.text));
        const offered = reading.alternatives.length > 0 ? reading.alternatives : search.slice(0, 4).map(defaultReading);
        body = {
          question: q,
          lang,
          reading: { ...reading, sentence: [], alternatives: offered.map(say) },
          answer: null,
          search: search.map(({ id, label, name, nameEn }) => ({ id, label, name, nameEn })),
        };
      } else {
        const answer = (await answerReading(store, reading)) ?? null;
        body = { question: q, lang, reading: { ...say(reading), parts: reading.parts, alternatives: reading.alternatives.map(say), notes: reading.notes }, answer, search: [] };
      }
    } else {
      checkReading(kind!, given, lexicon);
      const choice = { kind: kind!, params: given };
      const answer = (await answerReading(store, choice)) ?? null;
      body = { question: null, lang, reading: { ...say(choice), parts: [], alternatives: [], notes: [] }, answer, search: [] };
    }
    res.json(body);
  });
}
