/**
 * The OpenAPI 3.1 description of the HTTP API, served at `/api/openapi.json`. Written by
 * hand next to the routes; `test/server/openapi.test.ts` checks that every Express route
 * is documented, every documented path exists, and sample responses carry the documented
 * top-level keys.
 */
import { EVIDENCE_LEVELS, MAX_NODE_ID_LENGTH, NODE_ID_PATTERN, NODE_LABELS, REL_TYPES, RULE_KINDS } from '../graph-seed/schema.js';
import { CALENDAR_DATE_PATTERN } from '../graph-seed/dates.js';
import { ERROR_CODES } from './contract/errors.js';
import { CSV_PARTS } from './export/csv.js';
import { EXPORT_FORMATS } from './export/index.js';
import { MAX_URL_LENGTH } from './http/security.js';
import { QUESTION_LIMIT_DEFAULT, QUESTION_LIMIT_MAX } from './stores/types.js';
import { z } from 'zod';
import { askResponse } from './contract/ask.js';
import { MAX_QUESTION_LENGTH } from './ask/interpret.js';
import { ASK_KINDS, ISSUER_ASPECTS, PHASE_ASPECTS, RELATIONS } from './ask/types.js';
import { BRIEF_FORMATS, BRIEF_KINDS, briefSchema, comparisonSchema, LANGS } from './contract/briefs.js';

type Json = Record<string, unknown>;

/** A zod schema as a JSON Schema for this document (without its own `$schema` line). */
function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema) as Json;
  return rest;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: Json): Json => ({ type: 'array', items });
const obj = (properties: Record<string, Json>, required: string[] = Object.keys(properties)): Json => ({
  type: 'object',
  properties,
  required,
});

const str: Json = { type: 'string' };
const int: Json = { type: 'integer' };
const isoDate: Json = {
  type: 'string',
  pattern: CALENDAR_DATE_PATTERN,
  description: 'A real calendar date: YYYY, YYYY-MM or YYYY-MM-DD (2016-02-30 is refused).',
  examples: ['2016-08-24', '2016-07', '2016'],
};
const nodeId: Json = { type: 'string', pattern: NODE_ID_PATTERN, maxLength: MAX_NODE_ID_LENGTH, examples: ['agency:cbrc'] };

/** A non-empty comma-separated list of known values (the server trims items; no empty item). */
const listPattern = (item: string): string => `^\\s*(${item})\\s*(,\\s*(${item})\\s*)*$`;
const csvOf = (values: readonly string[]): Json => ({
  type: 'string',
  pattern: listPattern(values.join('|')),
  description: `Comma-separated, any of: ${values.join(', ')}`,
});

function queryParam(name: string, schema: Json, description: string, required = false): Json {
  return { name, in: 'query', required, description, schema };
}

const P = {
  labels: queryParam('labels', csvOf(NODE_LABELS), 'Only nodes with these labels.'),
  types: queryParam('types', csvOf(REL_TYPES), 'Only relationships of these types.'),
  asOf: queryParam('asOf', isoDate, 'Only rules dated on or before this date (and what they link) are visible.'),
  id: { name: 'id', in: 'path', required: true, description: 'Stable node id.', schema: nodeId },
  questionLimit: queryParam(
    'limit',
    { type: 'integer', minimum: 1, maximum: QUESTION_LIMIT_MAX, default: QUESTION_LIMIT_DEFAULT },
    'Maximum entries in the answer (the first ones in answer order); `total` and `truncated` tell what was left out.',
  ),
};

const errorResponse = (description: string, headers?: Json): Json => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('Error') } },
});

const retryAfter: Json = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: int } };

/** Responses every API operation can give besides its own. */
const COMMON_ERRORS: Json = {
  '400': errorResponse('A parameter is missing, malformed, unknown or repeated; the message names it.'),
  '405': errorResponse('Only GET and HEAD are allowed.', { Allow: { schema: str } }),
  '413': errorResponse('The API accepts no request bodies.'),
  '414': errorResponse(`The URL is longer than ${MAX_URL_LENGTH} characters.`),
  '429': errorResponse('Rate limit exceeded for this client IP.', retryAfter),
  '500': errorResponse('Unexpected error; details are logged, not returned.'),
  '503': errorResponse('The graph store cannot answer right now.', retryAfter),
};

const json = (description: string, schema: Json): Json => ({ description, content: { 'application/json': { schema } } });

function get(summary: string, operationId: string, parameters: Json[], ok: Json, extra: Json = {}): Json {
  return {
    get: {
      summary,
      operationId,
      parameters,
      responses: { '200': ok, ...extra, ...COMMON_ERRORS },
    },
  };
}

const notFound = errorResponse('Unknown id, or nothing matches.');

const errorDetail = obj({
  code: {
    type: 'string',
    enum: [...ERROR_CODES],
  },
  message: str,
});

const evidenceLevel: Json = { type: 'string', enum: [...EVIDENCE_LEVELS] };

const schemas: Record<string, Json> = {
  Error: obj({ error: errorDetail }),
  Source: obj({ section: str, quote: str }),
  Figure: obj(
    {
      metric: str,
      metricEn: str,
      value: { type: 'number' },
      unit: str,
      year: { ...isoDate, description: 'Only when the report gives the year; otherwise `note` says what period it does give.' },
      region: str,
      evidence: { ...evidenceLevel, description: 'Absent when the report states the figure.' },
      note: { type: 'string', description: 'What the figure rests on and what it cannot be compared with.' },
      sources: arrayOf(ref('Source')),
    },
    ['metric', 'metricEn', 'value', 'unit', 'region', 'sources'],
  ),
  Node: obj(
    {
      id: nodeId,
      label: { type: 'string', enum: [...NODE_LABELS] },
      name: str,
      nameEn: str,
      aliases: arrayOf(str),
      description: str,
      descriptionEn: str,
      date: isoDate,
      startYear: int,
      endYear: int,
      order: int,
      kind: { type: 'string', enum: [...RULE_KINDS] },
      issuerCount: int,
      figures: arrayOf(ref('Figure')),
      sources: arrayOf(ref('Source')),
    },
    ['id', 'label', 'name', 'nameEn', 'aliases', 'description', 'descriptionEn', 'figures', 'sources'],
  ),
  Relationship: obj({
    id: { type: 'string', examples: ['agency:cbrc-ISSUED->rule:p2p-interim-measures-2016'] },
    type: { type: 'string', enum: [...REL_TYPES] },
    source: nodeId,
    target: nodeId,
    properties: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    sources: arrayOf(ref('Source')),
  }),
  Subgraph: obj({ nodes: arrayOf(ref('Node')), relationships: arrayOf(ref('Relationship')) }),
  Names: obj({ zh: str, en: str }),
  Health: obj(
    {
      status: { type: 'string', enum: ['ok', 'unavailable'] },
      store: { type: 'string', enum: ['memory', 'neo4j'] },
      nodes: int,
      relationships: int,
      error: errorDetail,
    },
    ['status', 'store'],
  ),
  Schema: obj({
    labels: arrayOf(obj({ label: { type: 'string', enum: [...NODE_LABELS] }, count: int, names: ref('Names') })),
    relationshipTypes: arrayOf(
      obj({
        type: { type: 'string', enum: [...REL_TYPES] },
        count: int,
        names: ref('Names'),
        from: arrayOf(str),
        to: arrayOf(str),
      }),
    ),
    counts: obj({ nodes: int, relationships: int }),
  }),
  SearchResults: obj({
    results: arrayOf(
      obj({ id: nodeId, label: { type: 'string', enum: [...NODE_LABELS] }, name: str, nameEn: str, score: { type: 'number' } }),
    ),
  }),
  NodeResponse: obj({ node: ref('Node') }),
  Neighborhood: obj({
    nodes: arrayOf(ref('Node')),
    relationships: arrayOf(ref('Relationship')),
    truncated: { type: 'boolean', description: 'True when `limit` cut the result; the centre node is always included.' },
  }),
  Path: obj({
    nodes: { ...arrayOf(ref('Node')), description: 'In walking order from `from` to `to`.' },
    relationships: { ...arrayOf(ref('Relationship')), description: 'In walking order; a step may walk a relationship backwards.' },
    explanation: obj({
      zh: { ...arrayOf(str), description: 'One sentence per step, in the relationship’s true direction, with its citation.' },
      en: arrayOf(str),
      evidence: { ...arrayOf(evidenceLevel), description: 'The evidence level of each step: stated by the report, attributed by the graph to a document the report does not name, or inferred (“the report implies …”).' },
    }),
    cypher: { type: 'string', description: 'The Cypher that answers this question in Neo4j.' },
  }),
  RegulatorsAnswer: obj({
    segment: ref('Node'),
    agencies: {
      ...arrayOf(
        obj({
          agency: ref('Node'),
          ruleCount: { ...int, description: 'Distinct rules of this agency in the whole answer, before `limit`.' },
          rules: arrayOf(
            obj({ rule: ref('Node'), segment: ref('Node'), issued: ref('Relationship'), regulates: ref('Relationship') }),
          ),
        }),
      ),
      description: 'Most rules first, then name; each agency’s rules by date. The first `limit` entries in this order.',
    },
    through: {
      ...arrayOf(obj({ segment: ref('Node'), agency: ref('Node'), rule: ref('Node'), issued: ref('Relationship'), regulates: ref('Relationship') })),
      description:
        'Regulated through a broader segment: rules regulating a segment the asked one is PART_OF (any depth), without the rules of `agencies`. By rule date, rule id, agency id, segment id; the first `limit`.',
    },
    broader: { ...arrayOf(ref('Relationship')), description: 'The PART_OF relationships from the asked segment up: what `through` rests on.' },
    total: obj({
      agencies: int,
      entries: { ...int, description: '(agency, rule, segment) entries before `limit`.' },
      through: { ...int, description: '`through` entries before `limit`.' },
    }),
    truncated: { type: 'boolean', description: 'True when `limit` cut the answer.' },
    cypher: str,
  }),
  RulesAnswer: obj({
    topic: ref('Node'),
    rules: arrayOf(obj({ rule: ref('Node'), relationship: ref('Relationship'), topic: ref('Node'), sources: arrayOf(ref('Source')) })),
    total: { ...int, description: 'Entries before `limit`.' },
    truncated: { type: 'boolean', description: 'True when `limit` cut `rules`.' },
    cypher: str,
  }),
  Timeline: obj({
    phases: arrayOf(ref('Node')),
    rules: { ...arrayOf(ref('Node')), description: 'Rules and events with a date, oldest first.' },
  }),
  Bilingual: obj({ zh: str, en: str }),
  TourSummary: obj({ id: str, title: ref('Bilingual'), summary: ref('Bilingual'), steps: { ...int, description: 'Number of steps.' } }),
  TourList: obj({ tours: arrayOf(ref('TourSummary')) }),
  ReportHeading: obj(
    {
      index: { ...int, description: 'Position in document order.' },
      kind: { type: 'string', enum: ['chapter', 'section', 'table', 'figure'] },
      title: { ...str, description: 'As written in the report.' },
      titleEn: { ...str, description: 'English label, where there is one.' },
      parent: { ...int, description: 'Index of the enclosing heading.' },
      start: { ...int, description: 'Character offset where the heading starts.' },
      end: { ...int, description: 'Character offset where its text ends.' },
    },
    ['index', 'kind', 'title', 'start', 'end'],
  ),
  ReportBlock: obj({
    kind: { type: 'string', enum: ['heading', 'paragraph', 'row'] },
    heading: { ...int, description: 'Index of the innermost heading (-1 before the first).' },
    start: int,
    end: int,
    text: { ...str, description: 'The text of [start, end) as written; a table row keeps its tabs.' },
  }),
  Report: {
    description: 'With the text installed: `{installed: true, chars, headings, blocks}`; without: `{installed: false, headings, install}` (the headings come from the committed places file).',
    type: 'object',
    properties: {
      installed: { type: 'boolean' },
      chars: int,
      headings: arrayOf(ref('ReportHeading')),
      blocks: arrayOf(ref('ReportBlock')),
      install: obj({ message: str, dropIn: str, env: { type: 'string', enum: ['SEED_SOURCE'] } }),
    },
    required: ['installed', 'headings'],
  },
  PassageFact: {
    description: 'A fact citing the passage: `kind` node (id, label, names), relationship (id, type, ends and their names, evidence) or figure (node id and names, metric, value, unit, year).',
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['node', 'relationship', 'figure'] },
      id: str,
      label: { type: 'string', enum: [...NODE_LABELS] },
      name: str,
      nameEn: str,
      type: { type: 'string', enum: [...REL_TYPES] },
      source: nodeId,
      target: nodeId,
      sourceName: str,
      sourceNameEn: str,
      targetName: str,
      targetNameEn: str,
      evidence: str,
      metric: str,
      metricEn: str,
      value: { type: 'number' },
      unit: str,
      year: isoDate,
    },
    required: ['kind', 'id'],
  },
  Passage: obj(
    {
      start: int,
      end: int,
      heading: int,
      quotes: arrayOf(ref('Source')),
      problems: arrayOf({ type: 'string', enum: ['crosses-cell', 'crosses-heading', 'section-mismatch', 'ambiguous'] }),
      facts: arrayOf(ref('PassageFact')),
      tours: arrayOf(obj({ tour: str, step: str })),
    },
    ['start', 'end', 'heading', 'quotes', 'facts', 'tours'],
  ),
  Passages: obj({
    installed: { type: 'boolean' },
    headings: arrayOf(ref('ReportHeading')),
    passages: { ...arrayOf(ref('Passage')), description: 'In document order.' },
    unplaced: { ...int, description: 'Citations whose quote has no place.' },
  }),
  TourStep: obj(
    {
      id: str,
      title: ref('Bilingual'),
      text: ref('Bilingual'),
      entities: { ...arrayOf(nodeId), description: 'Nodes the graph focuses on in this step.' },
      question: {
        description: 'A question to ask in this step: `{kind: regulators, segment}`, `{kind: rules, topic}` or `{kind: path, from, to}`.',
        type: 'object',
        properties: { kind: { type: 'string', enum: ['regulators', 'rules', 'path'] }, segment: nodeId, topic: nodeId, from: nodeId, to: nodeId },
        required: ['kind'],
      },
      asOf: { ...isoDate, description: 'Show the graph as of this date.' },
      sources: arrayOf(ref('Source')),
      evidence: {
        type: 'string',
        enum: ['attributed', 'inferred'],
        description: 'Present when the step rests on a reading of the text; its text then says so (“the report implies …”).',
      },
    },
    ['id', 'title', 'text', 'entities', 'sources'],
  ),
  TourResponse: obj({
    tour: obj(
      { id: str, order: { ...int, description: 'Position in the teaching order.' }, title: ref('Bilingual'), summary: ref('Bilingual'), steps: arrayOf(ref('TourStep')) },
      ['id', 'title', 'summary', 'steps'],
    ),
  }),
  Changes: obj({
    from: isoDate,
    to: isoDate,
    added: { ...arrayOf(ref('Node')), description: 'Rules and events dated in (from, to], oldest first.' },
    relationships: { ...arrayOf(ref('Relationship')), description: 'Every relationship touching them whose other end is visible as of `to`.' },
    linked: { ...arrayOf(ref('Node')), description: 'The other ends of those relationships that are not new themselves.' },
    cypher: str,
  }),
  // The ask response is described by its zod schema (server/contract/ask.ts), converted here.
  AskResponse: (({ $schema: _drop, ...rest }) => rest)(z.toJSONSchema(askResponse, { unrepresentable: 'any' }) as Json),
  Matrix: obj({
    agencies: { ...arrayOf(ref('Node')), description: 'Rows: agencies with at least one cell, most rules first.' },
    segments: { ...arrayOf(ref('Node')), description: 'Columns: segments with at least one cell, broader before narrower.' },
    cells: arrayOf(
      obj({
        agency: nodeId,
        segment: nodeId,
        rules: { ...arrayOf(nodeId), description: 'Rules the agency issued that regulate this segment itself.' },
        rollup: {
          ...arrayOf(obj({ rule: nodeId, via: nodeId })),
          description: 'Rules the agency issued that regulate a narrower segment (`via`, PART_OF this one at any depth), not already in `rules`.',
        },
        through: {
          ...arrayOf(obj({ rule: nodeId, via: nodeId })),
          description: 'Regulated through a parent: rules the agency issued that regulate a broader segment (`via`, one this segment is PART_OF at any depth), in neither `rules` nor `rollup`.',
        },
      }),
    ),
    rules: { ...arrayOf(ref('Node')), description: 'Every rule named in a cell, oldest first.' },
    relationships: { ...arrayOf(ref('Relationship')), description: 'ISSUED and REGULATES behind the cells, PART_OF among the columns.' },
    cypher: str,
  }),
  Quiz: obj({
    seed: int,
    count: { ...int, description: 'Questions in this quiz (at most what the graph can give).' },
    available: { ...int, description: 'Different questions the graph can give.' },
    questions: arrayOf(
      obj({
        id: str,
        kind: { type: 'string', enum: ['lead-agency', 'rule-date', 'regulated-segment', 'prohibiting-rule', 'next-phase', 'marked-phase'] },
        prompt: ref('Bilingual'),
        options: arrayOf(obj({ id: { type: 'string', description: 'A node id, or `date:<ISO date>`.' }, label: ref('Bilingual') })),
        answer: { type: 'string', description: 'Id of the one right option.' },
        explanation: ref('Bilingual'),
        citation: arrayOf(ref('Source')),
        subgraph: { ...arrayOf(nodeId), description: 'Nodes that show the answer in the graph.' },
      }),
    ),
  }),
};

export const openapiDocument: Json = {
  openapi: '3.1.0',
  info: {
    title: 'FinReg Atlas API',
    version: '0.1.0',
    description:
      'Read-only API over a knowledge graph of China’s internet-finance regulation, built from the 2016 Guangzhou ' +
      'Internet Finance Development Report. Every node and relationship cites the report (section heading and a ' +
      'verbatim quote). Unknown or repeated query parameters are rejected with 400.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/health': {
      get: {
        summary: 'Whether the graph store can answer, with its size',
        operationId: 'health',
        parameters: [],
        responses: {
          '200': json('The store answers.', ref('Health')),
          '503': {
            description: 'The store cannot answer.',
            headers: retryAfter,
            content: { 'application/json': { schema: ref('Health') } },
          },
        },
      },
    },
    '/api/schema': get('Labels and relationship types with counts and display names', 'schema', [], json('The schema.', ref('Schema'))),
    '/api/search': get(
      'Find nodes by name, English name or alias',
      'search',
      [
        queryParam('q', { type: 'string', minLength: 1, maxLength: 200 }, 'Search text (trimmed).', true),
        P.labels,
        queryParam('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Maximum hits.'),
      ],
      json('Hits, best first.', ref('SearchResults')),
    ),
    '/api/nodes/{id}': get('One node with its citations', 'node', [P.id], json('The node.', ref('NodeResponse')), { '404': notFound }),
    '/api/nodes/{id}/neighborhood': get(
      'A node and what is connected to it',
      'neighborhood',
      [
        P.id,
        queryParam('depth', { type: 'integer', minimum: 1, maximum: 3, default: 1 }, 'Hops from the node.'),
        P.labels,
        P.types,
        queryParam('limit', { type: 'integer', minimum: 1, maximum: 2000, default: 200 }, 'Maximum nodes.'),
        P.asOf,
      ],
      json('The neighbourhood.', ref('Neighborhood')),
      { '404': notFound },
    ),
    '/api/paths/shortest': get(
      'How two nodes are connected, explained step by step',
      'shortestPath',
      [
        queryParam('from', nodeId, 'Start node id.', true),
        queryParam('to', nodeId, 'End node id.', true),
        queryParam('maxLength', { type: 'integer', minimum: 1, maximum: 8, default: 6 }, 'Maximum relationships on the path.'),
        P.types,
        queryParam('directed', { type: 'string', enum: ['true', 'false'], default: 'false' }, 'Follow relationship directions only.'),
      ],
      json('The shortest path.', ref('Path')),
      { '404': errorResponse('An id is unknown, or there is no path within `maxLength`.') },
    ),
    '/api/questions/regulators': get(
      'Which agencies regulate a segment, and through which rules',
      'regulators',
      [queryParam('segment', nodeId, 'Segment id, e.g. `segment:p2p-lending`.', true), P.asOf, P.questionLimit],
      json('Agencies with the rules that link them to the segment or a narrower one.', ref('RegulatorsAnswer')),
      { '404': errorResponse('The id is unknown or is not a Segment.') },
    ),
    '/api/questions/rules': get(
      'Which rules touch a topic, and what they say about it',
      'rulesTouching',
      [queryParam('topic', nodeId, 'Topic id, e.g. `topic:real-estate-finance`.', true), P.asOf, P.questionLimit],
      json('Rules with the relationship and its citations.', ref('RulesAnswer')),
      { '404': errorResponse('The id is unknown or is not a Topic.') },
    ),
    '/api/timeline': get('Development phases and dated rules, oldest first', 'timeline', [], json('The timeline.', ref('Timeline'))),
    '/api/graph': get(
      'The whole graph, or a filtered view',
      'graph',
      [
        P.labels,
        P.types,
        queryParam('from', isoDate, 'Drop rules and events whose date ends before this date (a rule dated 2016 stays with from=2016-05); undated ones and other labels stay.'),
        queryParam('to', isoDate, 'Drop rules and events whose date starts after the end of this date; undated ones and other labels stay. 400 when all of `from` comes after the end of `to`.'),
        P.asOf,
      ],
      json('The graph.', ref('Subgraph')),
    ),
    '/api/export': get(
      'Download the graph or a selection',
      'export',
      [
        queryParam('format', { type: 'string', enum: [...EXPORT_FORMATS], default: 'json' }, 'File format.'),
        queryParam('ids', { type: 'string', pattern: listPattern(NODE_ID_PATTERN.slice(1, -1)), description: 'Comma-separated node ids (at most 2000).' }, 'Export these nodes and the relationships among them; default: everything.'),
        queryParam(
          'part',
          { type: 'string', enum: [...CSV_PARTS], default: 'nodes' },
          'CSV only (400 with another format): which table. CSV is one table per file, named `finreg-atlas.nodes.csv` or `finreg-atlas.relationships.csv`.',
        ),
      ],
      {
        description: 'A download (`Content-Disposition: attachment; filename=finreg-atlas.<ext>`).',
        headers: { 'Content-Disposition': { schema: str } },
        content: {
          'application/json': { schema: ref('Subgraph') },
          'application/gexf+xml': { schema: str },
          'application/graphml+xml': { schema: str },
          'text/csv': { schema: str },
        },
      },
      { '404': errorResponse('Some of `ids` are unknown.') },
    ),
    '/api/tours': get('Guided tours for teaching, without their steps', 'tours', [], json('The tours.', ref('TourList'))),
    '/api/tours/{id}': get(
      'One guided tour with its steps, entities, questions and citations',
      'tour',
      [{ name: 'id', in: 'path', required: true, description: 'Tour id.', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80, examples: ['p2p-lending'] } }],
      json('The tour.', ref('TourResponse')),
      { '404': errorResponse('No tour has this id.') },
    ),
    '/api/report': get(
      'The report text by its headings (or, without the text on the server, the headings and how to install it)',
      'report',
      [],
      json('The text cut into heading lines, paragraphs and table rows, with the outline.', ref('Report')),
    ),
    '/api/report/passages': get(
      'Every cited passage of the report in document order, with the facts and tour steps citing it',
      'reportPassages',
      [],
      json('The passages; places come from the text when installed, else from the committed places file.', ref('Passages')),
    ),
    '/api/changes': get(
      'What changed between two dates: rules and events dated in (from, to] and the relationships they brought',
      'changes',
      [
        queryParam('from', isoDate, 'Start, exclusive: after the end of this date (`2016` means after 31 December 2016).', true),
        queryParam('to', isoDate, 'End, inclusive: up to the end of this date. 400 when the end of `from` is later than the end of `to`.', true),
      ],
      json('The difference between the graph as of `to` and as of `from`.', ref('Changes')),
    ),
    '/api/matrix': get(
      'Agencies × segments: the rules through which each agency regulates each segment',
      'matrix',
      [P.asOf],
      json('The matrix. Cells list direct rules and, separately, rules rolled up from narrower segments.', ref('Matrix')),
    ),
    '/api/quiz': get(
      'A multiple-choice quiz generated from the graph',
      'quiz',
      [
        queryParam('seed', { type: 'integer', minimum: 0, maximum: 999999 }, 'Same seed, same quiz; drawn at random (and returned) when absent.'),
        queryParam('count', { type: 'integer', minimum: 1, maximum: 20, default: 5 }, 'Number of questions.'),
      ],
      json('The quiz; each question has one right option, its citation and its subgraph.', ref('Quiz')),
    ),
    '/api/ask': get(
      'A question in Chinese or English, read and answered: the reading (kind, parameters, what each part of the text matched, alternatives) and the answer',
      'ask',
      [
        queryParam('q', { type: 'string', minLength: 1, maxLength: MAX_QUESTION_LENGTH, examples: ['2016年9月谁在监管网贷', 'what bans down-payment loans'] }, 'The question. Either `q`, or `kind` with its parameters (a reading, as the chips of a previous answer give).'),
        queryParam('lang', { type: 'string', enum: ['zh', 'en'], default: 'zh' }, 'Language of the reading sentence.'),
        queryParam('kind', { type: 'string', enum: [...ASK_KINDS] }, 'Answer this reading instead of reading a question.'),
        ...['segment', 'topic', 'rule', 'agency', 'phase', 'node', 'a', 'b'].map((name) => queryParam(name, nodeId, `With \`kind\`: the node the reading names as \`${name}\`.`)),
        queryParam('asOf', isoDate, 'With `kind`: as of this date.'),
        queryParam('from', isoDate, 'With `kind`: from this date (inclusive).'),
        queryParam('to', isoDate, 'With `kind`: up to the end of this date.'),
        queryParam('relation', { type: 'string', enum: [...RELATIONS] }, 'With `kind` rules or ruleSays: only this relationship.'),
        queryParam('aspect', { type: 'string', enum: [...new Set([...ISSUER_ASPECTS, ...PHASE_ASPECTS])] }, 'With `kind` issuers or phase: what is asked.'),
      ],
      json('The reading and the answer; `answer` is null and `search` holds results when the question was not understood.', ref('AskResponse')),
      ),
    '/api/briefs': {
      get: {
        summary: 'An answer, a path or a node as a citation-complete brief: Markdown, a print-ready HTML page, or JSON',
        operationId: 'brief',
        parameters: [
          queryParam('kind', { type: 'string', enum: [...BRIEF_KINDS] }, 'What the brief answers: `regulators` (needs `segment`), `rules` (needs `topic`), `path` (needs `a` and `b`), `node` (needs `id`), `tour` (needs `tour`).', true),
          queryParam('segment', nodeId, 'The segment, for `kind=regulators`.'),
          queryParam('topic', nodeId, 'The topic, for `kind=rules`.'),
          queryParam('a', nodeId, 'One end of the path, for `kind=path`.'),
          queryParam('b', nodeId, 'The other end, for `kind=path`.'),
          queryParam('id', nodeId, 'The node, for `kind=node`.'),
          queryParam('tour', { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80, examples: ['p2p-lending'] }, 'The guided tour, for `kind=tour`.'),
          P.asOf,
          queryParam('lang', { type: 'string', enum: [...LANGS], default: 'zh' }, 'Language of the names and sentences; quotes and section headings stay as the report writes them.'),
          queryParam('format', { type: 'string', enum: [...BRIEF_FORMATS], default: 'md' }, '`md` Markdown (what "Copy with citations" copies), `html` a print-ready page, `json` the brief as data.'),
        ],
        responses: {
          '200': {
            description: 'The brief: the question in words, the as-of date, every fact with its quote, section and evidence level, a permalink and the reference of the report.',
            content: {
              'text/markdown': { schema: str },
              'text/html': { schema: str },
              'application/json': { schema: ref('Brief') },
            },
          },
          '404': errorResponse('The id is unknown, names the wrong kind of node, or no path joins `a` and `b`.'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/api/compare': get(
      'Two segments or two agencies side by side (or one at two dates): rules, agencies or segments, and what their rules prohibit, require or address, shared or only in one',
      'compare',
      [
        queryParam('a', nodeId, 'The first Segment or Agency.', true),
        queryParam('b', nodeId, 'The second, of the same kind. The same id as `a` compares it at two dates (`asOf`, `asOfB`); the same id at the same date is a 400.', true),
        queryParam('asOf', isoDate, 'The date `a` is taken at (and `b`, when `asOfB` is absent).'),
        queryParam('asOfB', isoDate, 'The date `b` is taken at.'),
      ],
      json('The comparison, facet by facet; shared items first.', ref('Comparison')),
      { '404': errorResponse('No node has the id `a` or `b`.') },
    ),
    '/api/openapi.json': {
      get: {
        summary: 'This document',
        operationId: 'openapi',
        parameters: [],
        responses: { '200': json('OpenAPI 3.1 document.', { type: 'object', properties: { openapi: str, info: { type: 'object' }, servers: { type: 'array' }, paths: { type: 'object' }, components: { type: 'object' } }, required: ['openapi', 'info', 'paths'] }) },
      },
    },
  },
  components: {
    schemas: {
      ...schemas,
      // Generated from the zod contract (`server/contract/briefs.ts`).
      Brief: jsonSchemaOf(briefSchema),
      Comparison: jsonSchemaOf(comparisonSchema),
    },
  },
};
