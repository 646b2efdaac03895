/**
 * Deterministic synthetic graphs in the seed format, for benchmarks at sizes the real
 * seed (a few hundred nodes) cannot reach.
 *
 *   npm run bench:generate -- --nodes 100000 --seed 42 --out bench/out/synthetic-100k
 *
 * writes
 *   OUT/data/nodes-0001.json …          `{nodes:[…]}` files, at most 25k nodes each
 *   OUT/data/relationships-0001.json …  `{relationships:[…]}` files, at most 50k each
 *   OUT/source.txt                      the synthetic "report" every quote is taken from
 *   OUT/manifest.json                   counts, parameters and the highest-degree nodes
 *
 * so `npm run seed:validate -- --data OUT/data --source OUT/source.txt`, both stores and
 * the Neo4j loader read it unchanged.
 *
 * Shape: the seed's labels and relationship types, each relationship between the labels
 * `REL_ENDPOINTS` allows; `PART_OF`, `IMPLEMENTS` and `PRECEDES` always point from a later
 * index to an earlier one (or along the phase chain), so they cannot form a cycle; ~5
 * relationships per node; targets drawn with a power-law skew (`skewedIndex`), so a few
 * agencies, topics, segments and old rules have very high degree, as in the real
 * landscape (the central bank and CBRC issue most rules; 非法集资 is touched by many).
 *
 * Memory stays bounded: nodes and relationships are produced one at a time and written
 * through `SeedFileWriter`; the only per-node state is one Int32Array of degrees.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType, type SeedNode } from '../../graph-seed/schema.js';
import { createRng, skewedIndex, type Rng } from './prng.js';
import { SeedFileWriter } from './json-writer.js';
import {
  AGENCY_KINDS,
  chineseNumber,
  EVENT_KINDS,
  PHASES,
  REGIONS,
  RULE_KIND_WORDS,
  RULE_VERBS,
  SEGMENT_QUALIFIERS,
  SEGMENTS,
  TECH_USES,
  TECHNOLOGIES,
  TOPICS,
  type Word,
} from './vocabulary.js';

export const GENERATOR_VERSION = 2;
export const NODES_PER_FILE = 25_000;
/** The validator refuses arrays above 100k records and files above 64 MB; stay well below. */
export const RELATIONSHIPS_PER_FILE = 50_000;
export const MIN_NODES = 100;
export const MAX_NODES = 5_000_000;

export interface GenerateOptions {
  nodes: number;
  seed: number;
  outDir: string;
  /** File size bounds (records per file); tests lower them to exercise the splitting. */
  nodesPerFile?: number;
  relationshipsPerFile?: number;
}

export interface Manifest {
  generatorVersion: number;
  seed: number;
  nodes: number;
  relationships: number;
  relationshipsPerNode: number;
  labels: Record<NodeLabel, number>;
  types: Record<RelType, number>;
  dataDir: string;
  sourcePath: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  /** The ten highest-degree nodes, highest first (benchmarks use them as worst cases). */
  hubs: Array<{ id: string; degree: number }>;
  maxDegree: number;
  meanDegree: number;
}

const ID_SLUG: Record<NodeLabel, string> = {
  Agency: 'agency:ag-',
  Rule: 'rule:ru-',
  Segment: 'segment:se-',
  Topic: 'topic:to-',
  Technology: 'technology:te-',
  Phase: 'phase:ph-',
  Event: 'event:ev-',
};

export function nodeId(label: NodeLabel, index: number): string {
  return `${ID_SLUG[label]}${index}`;
}

/** How many nodes of each label a graph of `n` nodes holds (sums to exactly `n`). */
export function labelCounts(n: number): Record<NodeLabel, number> {
  const phase = Math.min(40, Math.max(4, Math.round(n / 2500)));
  const agency = Math.max(8, Math.round(n * 0.04));
  const segment = Math.max(18, Math.round(n * 0.06));
  const topic = Math.max(28, Math.round(n * 0.2));
  const technology = Math.max(16, Math.round(n * 0.04));
  const rule = Math.round(n * 0.4);
  const event = n - phase - agency - segment - topic - technology - rule;
  return { Agency: agency, Rule: rule, Segment: segment, Topic: topic, Technology: technology, Phase: phase, Event: event };
}

// ---------------------------------------------------------------------------------------
// The synthetic source text. Sections of sentences built from the vocabulary; every
// `sources[].quote` is one whole sentence of it, and every `section` one of its headings.

interface SourceText {
  text: string;
  sections: Array<{ heading: string; sentences: string[] }>;
}

const SECTIONS = 24;
const SENTENCES_PER_SECTION = 40;

function buildSourceText(seed: number): SourceText {
  const rng = createRng(seed, 3);
  const sections: SourceText['sections'] = [];
  const lines = [
    '# 合成互联网金融监管报告（性能测试用）',
    '',
    `本文由 bench/synthetic/generate.ts 以种子 ${seed} 生成，词汇取自真实的监管用语，内容纯属合成，仅供性能测试引用。`,
    '',
  ];
  for (let s = 0; s < SECTIONS; s++) {
    const heading = `第${chineseNumber(s + 1)}节 ${SEGMENTS[s % SEGMENTS.length]!.zh}与${TOPICS[(s * 5) % TOPICS.length]!.zh}`;
    const sentences: string[] = [];
    for (let j = 0; j < SENTENCES_PER_SECTION; j++) {
      const region = rng.pick(REGIONS).zh;
      const agency = rng.pick(AGENCY_KINDS).zh;
      const verb = rng.pick(RULE_VERBS).zh;
      const segment = rng.pick(SEGMENTS).zh;
      const topic = rng.pick(TOPICS).zh;
      const topic2 = rng.pick(TOPICS).zh;
      const tech = rng.pick(TECHNOLOGIES).zh;
      const form = rng.int(3);
      sentences.push(
        form === 0
          ? `${region}${agency}${verb}${segment}业务中的${topic}问题，要求从业机构落实${topic2}制度`
          : form === 1
            ? `第${chineseNumber(j + 1)}条 ${segment}平台应当运用${tech}加强${topic}管理，并按规定开展${topic2}`
            : `${region}${segment}发展迅速，${agency}指出${topic}与${topic2}风险仍需持续关注`,
      );
    }
    sections.push({ heading, sentences });
    lines.push(`## ${heading}`, '');
    for (let j = 0; j < sentences.length; j += 5) lines.push(sentences.slice(j, j + 5).join('。') + '。', '');
  }
  return { text: lines.join('\n'), sections };
}

function pickSource(rng: Rng, source: SourceText): { section: string; quote: string } {
  const section = source.sections[rng.int(source.sections.length)]!;
  return { section: section.heading, quote: section.sentences[rng.int(section.sentences.length)]! };
}

// ---------------------------------------------------------------------------------------
// Names. Index i is spread over a mixed radix of vocabulary lists through a multiplicative
// permutation, so neighbouring indices get different words, and the first `product` nodes
// of a label get distinct names; later ones add a serial.

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function combo(i: number, sizes: readonly number[]): { parts: number[]; serial: number } {
  const product = sizes.reduce((a, b) => a * b, 1);
  const multiplier = [7919, 104_729, 1_299_709].find((p) => gcd(p, product) === 1) ?? 1;
  let k = (i % product) * multiplier % product;
  const parts = sizes.map((size) => {
    const part = k % size;
    k = Math.floor(k / size);
    return part;
  });
  return { parts, serial: Math.floor(i / product) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A node as the seed files hold it: the schema's own type, so the generator cannot drift. */
type NodeRecord = SeedNode;

function makeNode(
  label: NodeLabel,
  i: number,
  counts: Record<NodeLabel, number>,
  rng: Rng,
  source: SourceText,
): NodeRecord {
  const id = nodeId(label, i);
  const sources = [pickSource(rng, source)];
  if (rng.chance(0.15)) {
    const second = pickSource(rng, source);
    if (second.quote !== sources[0]!.quote) sources.push(second);
  }
  switch (label) {
    case 'Agency': {
      const { parts, serial } = combo(i, [REGIONS.length, AGENCY_KINDS.length]);
      const region = REGIONS[parts[0]!]!;
      const kind = AGENCY_KINDS[parts[1]!]!;
      const suffix = serial > 0 ? `第${serial + 1}分局` : '';
      const name = `${region.zh}${kind.zh}${suffix}`;
      const nameEn = `${region.en} ${kind.en}${serial > 0 ? ` Branch ${serial + 1}` : ''}`;
      return {
        id,
        label,
        name,
        nameEn,
        aliases: [`${region.short}${kind.short}${serial > 0 ? serial + 1 : ''}`],
        description: `${name}负责${region.zh}互联网金融相关的监督管理与协调工作，发布并执行本地规则。`,
        descriptionEn: `${nameEn}: supervises and coordinates internet finance in ${region.zh === '全国' ? 'China' : region.en}, and issues local rules.`,
        figures: [],
        sources,
      };
    }
    case 'Rule': {
      const { parts, serial } = combo(i, [RULE_KIND_WORDS.length, RULE_VERBS.length, SEGMENTS.length, TOPICS.length]);
      const kind = RULE_KIND_WORDS[parts[0]!]!;
      const verb = RULE_VERBS[parts[1]!]!;
      const segment = SEGMENTS[parts[2]!]!;
      const topic = TOPICS[parts[3]!]!;
      const name = `《关于${verb.zh}${segment.zh}${topic.zh}的${kind.zh}》${serial > 0 ? `（第${serial + 1}版）` : ''}`;
      const nameEn = `${kind.en} on ${verb.en} ${topic.en} in ${segment.en}${serial > 0 ? ` (edition ${serial + 1})` : ''}`;
      // Older rules have lower indices, so the rules that draw the most links (skewed
      // towards index 0) are the old foundational ones, as in the real landscape.
      const year = 2005 + Math.min(11, Math.floor((i / counts.Rule) * 12));
      const node: NodeRecord = {
        id,
        label,
        name,
        nameEn,
        aliases: rng.chance(0.3) ? [`${segment.short ?? segment.zh}${kind.zh}${serial > 0 ? serial + 1 : ''}`] : [],
        description: `该${kind.zh}针对${segment.zh}领域的${topic.zh}问题提出要求，明确从业机构的责任与监管措施。`,
        descriptionEn: `A ${kind.en.toLowerCase()} setting requirements on ${topic.en} in ${segment.en}.`,
        date: `${year}-${pad2(1 + rng.int(12))}-${pad2(1 + rng.int(28))}`,
        kind: kind.kind,
        figures: [],
        sources,
      };
      if (rng.chance(0.05)) node.issuerCount = 2 + rng.int(13);
      return node;
    }
    case 'Segment': {
      const { parts, serial } = combo(i, [SEGMENTS.length, SEGMENT_QUALIFIERS.length, REGIONS.length]);
      const base = SEGMENTS[parts[0]!]!;
      const qual = SEGMENT_QUALIFIERS[parts[1]!]!;
      const region = REGIONS[parts[2]!]!;
      // Index order keeps the plain national segments first (they are the hubs).
      const plain = i < SEGMENTS.length;
      const baseWord = plain ? SEGMENTS[i]! : base;
      const name = plain
        ? baseWord.zh
        : `${region.short}${qual.zh}${baseWord.zh}${serial > 0 ? `（${serial + 1}）` : ''}`;
      const nameEn = plain
        ? baseWord.en
        : `${region.en}${qual.en ? ` ${qual.en}` : ''} ${baseWord.en}${serial > 0 ? ` (${serial + 1})` : ''}`;
      const figures = rng.chance(0.1)
        ? [
            {
              metric: '交易规模',
              metricEn: 'transaction volume',
              value: Math.round(rng.next() * 100_000) / 10,
              unit: '亿元',
              year: String(2010 + rng.int(7)),
              region: region.zh,
              sources: [pickSource(rng, source)],
            },
          ]
        : [];
      return {
        id,
        label,
        name,
        nameEn,
        aliases: baseWord.short && rng.chance(0.5) ? [`${region.short}${baseWord.short}${serial > 0 ? serial + 1 : ''}`] : [],
        description: `${name}是互联网金融的一种业态，在${region.zh}有一定规模，受多项规则规范。`,
        descriptionEn: `${nameEn}: an internet-finance business segment active in ${region.zh === '全国' ? 'China' : region.en}.`,
        figures,
        sources,
      };
    }
    case 'Topic': {
      const { parts, serial } = combo(i, [TOPICS.length, SEGMENTS.length + 1, REGIONS.length]);
      const plain = i < TOPICS.length;
      const base = plain ? TOPICS[i]! : TOPICS[parts[0]!]!;
      const seg: Word | undefined = parts[1]! === 0 ? undefined : SEGMENTS[parts[1]! - 1];
      const region = REGIONS[parts[2]!]!;
      const name = plain ? base.zh : `${region.short}${seg?.zh ?? ''}${base.zh}${serial > 0 ? `（${serial + 1}）` : ''}`;
      const nameEn = plain
        ? base.en
        : `${base.en}${seg ? ` in ${seg.en}` : ''} (${region.en}${serial > 0 ? ` ${serial + 1}` : ''})`;
      return {
        id,
        label,
        name,
        nameEn,
        aliases: base.short && rng.chance(0.5) ? [`${base.short}-${i}`] : [],
        description: `${name}是监管关注的议题，相关规则对其提出禁止、要求或规范。`,
        descriptionEn: `${nameEn}: a regulatory topic that rules prohibit, require or address.`,
        figures: [],
        sources,
      };
    }
    case 'Technology': {
      const { parts, serial } = combo(i, [TECHNOLOGIES.length, TECH_USES.length, REGIONS.length]);
      const plain = i < TECHNOLOGIES.length;
      const base = plain ? TECHNOLOGIES[i]! : TECHNOLOGIES[parts[0]!]!;
      const use = TECH_USES[parts[1]!]!;
      const region = REGIONS[parts[2]!]!;
      const name = plain ? base.zh : `${region.short}${base.zh}${use.zh}${serial > 0 ? `（${serial + 1}）` : ''}`;
      const nameEn = plain
        ? base.en
        : `${base.en}${use.en ? ` for ${use.en}` : ''} (${region.en}${serial > 0 ? ` ${serial + 1}` : ''})`;
      return {
        id,
        label,
        name,
        nameEn,
        aliases: base.short && rng.chance(0.5) ? [`${base.short}-${i}`] : [],
        description: `${name}是互联网金融创新中应用的技术。`,
        descriptionEn: `${nameEn}: a technology applied in internet-finance innovation.`,
        figures: [],
        sources,
      };
    }
    case 'Phase': {
      const phases = counts.Phase;
      const step = Math.min(5, Math.floor(200 / phases));
      const first = Math.max(1900, 2016 - (phases - 1) * step);
      const base = PHASES[i % PHASES.length]!;
      const round = Math.floor(i / PHASES.length);
      const name = `${base.zh}${round > 0 ? `（第${chineseNumber(round + 1)}轮）` : ''}`;
      const nameEn = `${base.en}${round > 0 ? ` (round ${round + 1})` : ''}`;
      const node: NodeRecord = {
        id,
        label,
        name,
        nameEn,
        aliases: [],
        description: `${name}是互联网金融发展的一个阶段。`,
        descriptionEn: `${nameEn}: a stage in the development of internet finance.`,
        startYear: first + i * step,
        order: i + 1,
        figures: [],
        sources,
      };
      if (i < phases - 1) node.endYear = first + (i + 1) * step - 1;
      return node;
    }
    case 'Event': {
      const { parts, serial } = combo(i, [REGIONS.length, EVENT_KINDS.length, 12]);
      const region = REGIONS[parts[0]!]!;
      const kind = EVENT_KINDS[parts[1]!]!;
      const year = 2005 + parts[2]!;
      const name = `${year}年${region.zh}${kind.zh}${serial > 0 ? `（第${serial + 1}次）` : ''}`;
      const nameEn = `${year} ${region.en} ${kind.en}${serial > 0 ? ` (no. ${serial + 1})` : ''}`;
      return {
        id,
        label,
        name,
        nameEn,
        aliases: [],
        description: `${year}年在${region.zh}发生的${kind.zh}，涉及多家机构与多项规则。`,
        descriptionEn: `The ${year} ${kind.en} in ${region.en}, involving several bodies and rules.`,
        date: `${year}-${pad2(1 + rng.int(12))}-${pad2(1 + rng.int(28))}`,
        figures: [],
        sources,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------
// Relationships. Each node "owns" the relationships it creates (a rule its issuers,
// segments and topics; an event what it involved), so duplicates only need checking
// within one owner: a relationship id is (source, type, target).

const INVOLVED_TARGETS: ReadonlyArray<[NodeLabel, number]> = [
  ['Agency', 0.3],
  ['Rule', 0.3],
  ['Segment', 0.15],
  ['Topic', 0.15],
  ['Technology', 0.1],
];

const TOPIC_TYPES: ReadonlyArray<[RelType, number]> = [
  ['ADDRESSES', 0.5],
  ['REQUIRES', 0.3],
  ['PROHIBITS', 0.2],
];

function weighted<T>(rng: Rng, items: ReadonlyArray<[T, number]>): T {
  let r = rng.next();
  for (const [item, w] of items) {
    if (r < w) return item;
    r -= w;
  }
  return items[items.length - 1]![0];
}

interface RelRecord {
  type: RelType;
  source: string;
  target: string;
  properties: Record<string, string>;
  sources: Array<{ section: string; quote: string }>;
}

type Emit = (type: RelType, from: [NodeLabel, number], to: [NodeLabel, number], properties?: Record<string, string>) => void;

/**
 * The PART_OF hierarchy of a label: a forest of three levels, as a taxonomy is. The first
 * `top` nodes (the plain vocabulary words) are the roots; the next 5% of the label are
 * broader terms, each under a uniformly drawn root; every other node hangs, with
 * probability `p`, under a uniformly drawn broader term. Parents always have a lower
 * index, so there is no cycle; uniform parents keep any one subtree to a few percent of
 * the label (a skewed draw would put most of the label under node 0, and every "narrower
 * than" question on it would return half the graph).
 */
function partOf(rng: Rng, label: NodeLabel, i: number, count: number, top: number, p: number, emit: Emit): void {
  const roots = Math.min(top, count);
  const broader = Math.max(roots, Math.min(count, roots + Math.round(count * 0.05)));
  if (i < roots) return;
  if (i < broader) {
    emit('PART_OF', [label, i], [label, rng.int(roots)]);
    return;
  }
  if (broader > roots && rng.chance(p)) emit('PART_OF', [label, i], [label, roots + rng.int(broader - roots)]);
}

/** Calls `emit` for every relationship node (label, i) owns. */
function ownRelationships(label: NodeLabel, i: number, counts: Record<NodeLabel, number>, rng: Rng, emit: Emit): void {
  const self: [NodeLabel, number] = [label, i];
  const seen = new Set<string>();
  /** Up to `k` distinct skewed targets; hub collisions retry a few times, then give up. */
  const distinct = (k: number, draw: () => [RelType, NodeLabel, number], each: (t: RelType, to: [NodeLabel, number], n: number) => void) => {
    let made = 0;
    for (let attempt = 0; made < k && attempt < k * 4; attempt++) {
      const [type, toLabel, j] = draw();
      const key = `${type}|${toLabel}|${j}`;
      if (seen.has(key)) continue;
      seen.add(key);
      each(type, [toLabel, j], made++);
    }
  };
  switch (label) {
    case 'Rule': {
      const r = rng.next();
      const issuers = r < 0.45 ? 1 : r < 0.9 ? 2 : 3;
      distinct(issuers, () => ['ISSUED', 'Agency', skewedIndex(rng, counts.Agency)], (t, to, n) =>
        emit(t, to, self, { role: n === 0 ? 'lead' : 'co-issuer' }),
      );
      distinct(1 + rng.int(2) + (rng.chance(0.1) ? 1 : 0), () => ['REGULATES', 'Segment', skewedIndex(rng, counts.Segment)], (t, to) =>
        emit(t, self, to),
      );
      distinct(1 + rng.int(8), () => [weighted(rng, TOPIC_TYPES), 'Topic', skewedIndex(rng, counts.Topic)], (t, to) =>
        emit(t, self, to),
      );
      if (i > 0 && rng.chance(0.3)) emit('IMPLEMENTS', self, ['Rule', skewedIndex(rng, i)]);
      if (rng.chance(0.05)) emit('MARKS', self, ['Phase', rng.int(counts.Phase)]);
      return;
    }
    case 'Event': {
      if (rng.chance(0.3)) emit('MARKS', self, ['Phase', rng.int(counts.Phase)]);
      distinct(
        1 + rng.int(9),
        () => {
          const to = weighted(rng, INVOLVED_TARGETS);
          return ['INVOLVED', to, skewedIndex(rng, counts[to])];
        },
        (t, to) => emit(t, self, to),
      );
      return;
    }
    case 'Topic':
      partOf(rng, 'Topic', i, counts.Topic, TOPICS.length, 0.8, emit);
      return;
    case 'Segment':
      partOf(rng, 'Segment', i, counts.Segment, SEGMENTS.length, 0.6, emit);
      emit('EMERGED_IN', self, ['Phase', rng.int(counts.Phase)]);
      return;
    case 'Agency':
      partOf(rng, 'Agency', i, counts.Agency, REGIONS.length, 0.5, emit);
      return;
    case 'Technology':
      partOf(rng, 'Technology', i, counts.Technology, TECHNOLOGIES.length, 0.3, emit);
      distinct(1 + rng.int(5), () => ['APPLIED_IN', 'Segment', skewedIndex(rng, counts.Segment)], (t, to) => emit(t, self, to));
      return;
    case 'Phase':
      if (i + 1 < counts.Phase) emit('PRECEDES', self, ['Phase', i + 1]);
      return;
  }
}

// ---------------------------------------------------------------------------------------

export function generateSynthetic(options: GenerateOptions): Manifest {
  const { nodes: n, seed, outDir } = options;
  if (!Number.isInteger(n) || n < MIN_NODES || n > MAX_NODES) {
    throw new Error(`--nodes must be an integer from ${MIN_NODES} to ${MAX_NODES} (got ${n})`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`--seed must be an integer from 0 to 4294967295 (got ${seed})`);
  }
  const counts = labelCounts(n);
  const dataDir = join(outDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  // Stale files of an earlier, larger run would otherwise be read as part of this graph.
  for (const f of readdirSync(dataDir)) if (f.endsWith('.json')) rmSync(join(dataDir, f));

  const source = buildSourceText(seed);
  const sourcePath = join(outDir, 'source.txt');
  writeFileSync(sourcePath, source.text);

  const comment = `Synthetic benchmark graph: ${n} nodes, seed ${seed}, generator v${GENERATOR_VERSION}. Not real data.`;
  const nodeWriter = new SeedFileWriter(dataDir, 'nodes', options.nodesPerFile ?? NODES_PER_FILE, comment);
  const relWriter = new SeedFileWriter(dataDir, 'relationships', options.relationshipsPerFile ?? RELATIONSHIPS_PER_FILE, comment);

  const offsets = {} as Record<NodeLabel, number>;
  let offset = 0;
  for (const label of NODE_LABELS) {
    offsets[label] = offset;
    offset += counts[label];
  }
  const degree = new Int32Array(n);
  const types = Object.fromEntries(REL_TYPES.map((t) => [t, 0])) as Record<RelType, number>;

  const nodeRng = createRng(seed, 1);
  const relRng = createRng(seed, 2);
  const emit: Emit = (type, from, to, properties = {}) => {
    degree[offsets[from[0]] + from[1]]!++;
    degree[offsets[to[0]] + to[1]]!++;
    types[type]++;
    const record: RelRecord = {
      type,
      source: nodeId(from[0], from[1]),
      target: nodeId(to[0], to[1]),
      properties,
      sources: [pickSource(relRng, source)],
    };
    relWriter.write(record);
  };

  for (const label of NODE_LABELS) {
    for (let i = 0; i < counts[label]; i++) {
      nodeWriter.write(makeNode(label, i, counts, nodeRng, source));
      ownRelationships(label, i, counts, relRng, emit);
    }
  }
  nodeWriter.close();
  relWriter.close();

  const hubs = topDegrees(degree, 10).map(({ index, degree: d }) => ({ id: globalId(index, counts, offsets), degree: d }));
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    nodes: nodeWriter.count,
    relationships: relWriter.count,
    relationshipsPerNode: relWriter.count / nodeWriter.count,
    labels: counts,
    types,
    dataDir,
    sourcePath,
    nodeFiles: nodeWriter.files,
    relationshipFiles: relWriter.files,
    hubs,
    maxDegree: hubs[0]?.degree ?? 0,
    meanDegree: (2 * relWriter.count) / nodeWriter.count,
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function globalId(index: number, counts: Record<NodeLabel, number>, offsets: Record<NodeLabel, number>): string {
  for (const label of NODE_LABELS) {
    if (index < offsets[label] + counts[label]) return nodeId(label, index - offsets[label]);
  }
  throw new Error(`index ${index} out of range`);
}

function topDegrees(degree: Int32Array, k: number): Array<{ index: number; degree: number }> {
  const top: Array<{ index: number; degree: number }> = [];
  for (let i = 0; i < degree.length; i++) {
    const d = degree[i]!;
    if (top.length < k || d > top[top.length - 1]!.degree) {
      top.push({ index: i, degree: d });
      top.sort((a, b) => b.degree - a.degree || a.index - b.index);
      if (top.length > k) top.pop();
    }
  }
  return top;
}

// ---------------------------------------------------------------------------------------
// CLI

export function parseArgs(argv: readonly string[]): GenerateOptions {
  const usage = 'usage: npm run bench:generate -- --nodes N --seed S --out DIR';
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(nodes|seed|out)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${JSON.stringify(arg)}\n${usage}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${usage}`);
    values[m[1]!] = value;
  }
  const nodes = parseSize(values.nodes ?? '10000');
  const seed = Number(values.seed ?? '42');
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer (got ${JSON.stringify(values.seed)})`);
  const outDir = resolve(values.out ?? `bench/out/synthetic-${sizeName(nodes)}`);
  return { nodes, seed, outDir };
}

/** `100000`, `100k`, `1m`, `1M`. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`--nodes must be a number such as 100000, 100k or 1m (got ${JSON.stringify(text)})`);
  const scale = m[2] === '' ? 1 : m[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  return Math.round(Number(m[1]) * scale);
}

export function sizeName(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const m = generateSynthetic(options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `wrote ${m.nodes} nodes and ${m.relationships} relationships (${m.relationshipsPerNode.toFixed(2)} per node, ` +
        `max degree ${m.maxDegree}) to ${options.outDir} in ${seconds} s\n` +
        `validate: npm run seed:validate -- --data ${m.dataDir} --source ${m.sourcePath}\n`,
    );
  } catch (err) {
    process.stderr.write(`bench:generate: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
