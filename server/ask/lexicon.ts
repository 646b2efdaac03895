/**
 * Every name, English name and alias of the graph, as token keys, so the interpreter can
 * find the entities a question mentions in one pass: at each token, the longest run of
 * tokens that is a name. Names are prepared with the search index's normalisation
 * (`../stores/search-text.ts`) and the same tokenizer as questions.
 *
 * Built from the store the question is asked of (its nodes, without relationships) and
 * kept for `TTL_MS`, then rebuilt when the store's counts changed, so a reload is seen.
 */
import type { GraphStore, NodeLabel, StoreCounts } from '../stores/types.js';
import { normaliseField } from '../../graph-seed/search-text.js';
import { joinKeys, tokenize } from './tokens.js';

export interface LexNode {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn: string;
  date?: string;
}

export interface Lexicon {
  /** Token key of a name → the nodes bearing it. */
  names: Map<string, LexNode[]>;
  /** Longest name in tokens: how far a match is tried from each token. */
  maxTokens: number;
  /** Latin word stems of every name: the dictionary of the spelling correction. */
  words: Set<string>;
  /** The same stems grouped by length, for the correction's candidate scan. */
  wordsByLength: Map<number, string[]>;
  byId: Map<string, LexNode>;
  size: number;
}

/** Names longer than this many tokens are still found by search, not by the lexicon scan. */
const MAX_NAME_TOKENS = 48;

export function buildLexicon(nodes: Iterable<LexNode & { aliases: readonly string[] }>): Lexicon {
  const names = new Map<string, LexNode[]>();
  const words = new Set<string>();
  const byId = new Map<string, LexNode>();
  let maxTokens = 1;
  let size = 0;
  for (const n of nodes) {
    size++;
    const lex: LexNode = { id: n.id, label: n.label, name: n.name, nameEn: n.nameEn, ...(n.date ? { date: n.date } : {}) };
    byId.set(n.id, lex);
    const keys = new Set<string>();
    for (const raw of [n.name, n.nameEn, ...n.aliases]) {
      const tokens = tokenize(normaliseField(raw));
      if (tokens.length === 0 || tokens.length > MAX_NAME_TOKENS) continue;
      keys.add(joinKeys(tokens.map((t) => t.key)));
      maxTokens = Math.max(maxTokens, tokens.length);
      for (const t of tokens) if (t.latin && /[a-z]/.test(t.key)) words.add(t.key);
    }
    for (const key of keys) {
      const list = names.get(key);
      if (list) list.push(lex);
      else names.set(key, [lex]);
    }
  }
  const wordsByLength = new Map<number, string[]>();
  for (const w of words) {
    const list = wordsByLength.get(w.length);
    if (list) list.push(w);
    else wordsByLength.set(w.length, [w]);
  }
  return { names, maxTokens, words, wordsByLength, byId, size };
}

const TTL_MS = 10_000;
interface Cached {
  lexicon: Promise<Lexicon>;
  counts: string;
  checkedAt: number;
}
const cache = new WeakMap<GraphStore, Cached>();

const countsKey = (c: StoreCounts): string => `${c.nodes}/${c.relationships}/${JSON.stringify(c.labels)}`;

async function load(store: GraphStore): Promise<Lexicon> {
  // Only the nodes are wanted; PRECEDES is the smallest relationship type there is.
  const { nodes } = await store.graph({ types: ['PRECEDES'] });
  return buildLexicon(nodes);
}

/** The lexicon of a store, built on first use and refreshed when the store's counts change. */
export async function lexiconOf(store: GraphStore, now = Date.now()): Promise<Lexicon> {
  const cached = cache.get(store);
  if (cached && now - cached.checkedAt < TTL_MS) return cached.lexicon;
  const counts = countsKey(await store.counts());
  if (cached && cached.counts === counts) {
    cached.checkedAt = now;
    return cached.lexicon;
  }
  const lexicon = load(store);
  cache.set(store, { lexicon, counts, checkedAt: now });
  lexicon.catch(() => cache.delete(store));
  return lexicon;
}
