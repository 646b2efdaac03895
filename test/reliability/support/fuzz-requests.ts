/**
 * fast-check arbitraries of hostile API requests: every endpoint, every parameter, with
 * values that are valid, empty, huge, Unicode and CJK, control characters, `%00`, path
 * traversal, Cypher- and JSON-looking, out-of-range numbers and raw malformed
 * percent-encoding; plus unknown, repeated and conflicting parameters. Each value is sent
 * through one of several encodings, including none at all (raw), so the server sees what
 * a careless or malicious client would send.
 */
import fc from 'fast-check';
import { NODE_LABELS, REL_TYPES } from '../../../graph-seed/schema.js';
import type { RawRequest } from './http-client.js';

/** Ids of the graph under test, so valid requests reach the store. */
export interface FuzzIds {
  all: string[];
  segments: string[];
  topics: string[];
}

/** Strings that try to break out of a Cypher string, parameter or identifier. */
export const CYPHER_INJECTIONS = [
  "') MATCH (n) DETACH DELETE n //",
  '"}) RETURN 1 UNION MATCH (n) DETACH DELETE n //',
  "' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //",
  '$param',
  '$id',
  '{id: $id}',
  '`Entity`',
  '`) DETACH DELETE n //',
  'agency:cbrc`}) DETACH DELETE n //',
  'n.id}) SET n.name = "pwned" //',
  "\\') MATCH (n) DETACH DELETE n //",
  'CALL dbms.procedures()',
  'CALL db.index.fulltext.queryNodes("entitySearch", "*")',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '*:*',
  'name:* OR nameEn:*',
  '"unbalanced',
  'a AND (b OR',
  '\\',
  '~',
  '/.*/',
] as const;

export const JSON_LOOKING = [
  '{"$gt":""}',
  '{"__proto__":{"polluted":1}}',
  '[1,2,3]',
  'null',
  'undefined',
  'true',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
] as const;

export const TRAVERSAL = [
  '../',
  '../../package.json',
  '..%2f..%2fpackage.json',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '%2e%2e/',
  '..\\..\\package.json',
  '%252e%252e%252f',
  '/etc/passwd',
  'file:///etc/passwd',
  '.env',
  '%2e%65%6e%76',
] as const;

/** Sent raw: percent signs that do not form valid UTF-8 escapes, and encoded NULs. */
export const MALFORMED_PERCENT = ['%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF', '%C0%AE%C0%AE%2F', '%ED%A0%80', '%FF', '%%', '%0', '%00', 'a%00b', '%u4e2d'] as const;

export const NUMBER_LIKE = ['-1', '0', '1', '3', '4', '9', '101', '2001', '999999', '1000000', '99999999999999999999999', '1e3', '0x10', '1.5', ' 1', '01', '+1', 'NaN', 'Infinity', '-0', '１'] as const;

const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });

/** Value arbitraries: what a value "means" before encoding. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', ' ') },
  // Huge: 10k characters (a URL over the 4 KB limit must get a clean 414), and just around the limit.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom(10_000, 4_100, 4_000, 3_900))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
  },
  // CJK, and 500 characters that make a URL just over the limit once encoded.
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 0x4e00, max: 0x9fff }), { maxLength: 40 }).map((cs) => String.fromCodePoint(...cs)) },
  { weight: 3, arbitrary: fc.constantFrom('网络借贷', '互联网金融', '银监会', '房地产', '非法集资', 'P2P', '众筹', '网'.repeat(500)) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  // Lone surrogates: cannot be valid UTF-8, so they become invalid percent-escapes.
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 6 }).map((cs) => String.fromCharCode(...cs, 0x7f)) },
  { weight: 6, arbitrary: fc.constantFrom(...CYPHER_INJECTIONS, ...JSON_LOOKING, ...TRAVERSAL, ...NUMBER_LIKE) },
  { weight: 3, arbitrary: ascii },
);

export type Encoding = 'component' | 'raw' | 'plus';

/**
 * Percent-encodes every code unit, lone surrogates included (as the three bytes a lenient
 * encoder would write), so no input can make the client throw instead of the server answer.
 */
export function encodeAll(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

/** Raw: printable ASCII goes as is (`%`, `&`, `=`, `#`, `/` included); anything else is encoded. */
export function encodeRaw(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x21 && c <= 0x7e ? ch : encodeAll(ch);
  }
  return out;
}

export function encode(s: string, how: Encoding): string {
  if (how === 'raw') return encodeRaw(s);
  const e = encodeAll(s);
  return how === 'plus' ? e.replace(/%20/g, '+') : e;
}

const encoding = fc.constantFrom<Encoding>('component', 'component', 'raw', 'plus');

/** A value as it appears in the URL: an encoded meaning, or raw malformed escapes. */
function wire(meaning: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(meaning, encoding).map(([s, how]) => encode(s, how)) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_PERCENT) },
    // A valid value with hostile text glued on, so validators that check a prefix are caught.
    { weight: 1, arbitrary: fc.tuple(meaning, hostileText, encoding).map(([a, b, how]) => encode(a + b, how)) },
  );
}

function csvOf(items: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...items), fc.constantFrom('', ' ', 'agency', 'Bank', 'issued')), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(','));
}

const isoDate = fc.oneof(
  fc.constantFrom('2016', '2015-07', '2016-07-18', '2016-02-29', '2015-02-29', '2016-13', '2016-00', '2016-07-32', '0000', '9999-12-31', '16', '2016/07/18', '2016-7-1'),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
);

function idValue(ids: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom('agency:nope', 'segment:', ':x', 'AGENCY:CBRC', 'agency:cbrc ', 'agency:' + 'a'.repeat(300)) },
    { weight: 3, arbitrary: hostileText },
  );
}

const intValue = fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), fc.constantFrom(...NUMBER_LIKE));
const boolValue = fc.constantFrom('true', 'false', 'TRUE', '1', 'yes', '');

type ParamArbs = Record<string, fc.Arbitrary<string>>;

interface EndpointSpec {
  name: string;
  /** The path, given an (already encoded) path id. */
  path: fc.Arbitrary<string>;
  params: ParamArbs;
}

function endpoints(ids: FuzzIds): EndpointSpec[] {
  const anyId = idValue(ids.all);
  const pathId = wire(anyId);
  const v = (meaning: fc.Arbitrary<string>) => wire(fc.oneof({ weight: 3, arbitrary: meaning }, { weight: 2, arbitrary: hostileText }));
  const labels = v(csvOf(NODE_LABELS));
  const types = v(csvOf(REL_TYPES));
  const date = v(isoDate);
  const int = v(intValue);
  return [
    { name: 'health', path: fc.constant('/api/health'), params: {} },
    { name: 'schema', path: fc.constant('/api/schema'), params: {} },
    { name: 'timeline', path: fc.constant('/api/timeline'), params: {} },
    { name: 'openapi', path: fc.constant('/api/openapi.json'), params: {} },
    { name: 'search', path: fc.constant('/api/search'), params: { q: v(fc.oneof(hostileText, fc.constantFrom('P2P', '网络', 'cbrc'))), labels, limit: int } },
    { name: 'node', path: pathId.map((id) => `/api/nodes/${id}`), params: {} },
    {
      name: 'neighborhood',
      path: pathId.map((id) => `/api/nodes/${id}/neighborhood`),
      params: { depth: int, labels, types, limit: int, asOf: date },
    },
    {
      name: 'paths',
      path: fc.constant('/api/paths/shortest'),
      params: { from: v(anyId), to: v(anyId), maxLength: int, types, directed: v(boolValue) },
    },
    { name: 'regulators', path: fc.constant('/api/questions/regulators'), params: { segment: v(idValue(ids.segments)), asOf: date, limit: int } },
    { name: 'rules', path: fc.constant('/api/questions/rules'), params: { topic: v(idValue(ids.topics)), asOf: date, limit: int } },
    { name: 'graph', path: fc.constant('/api/graph'), params: { labels, types, from: date, to: date, asOf: date } },
    { name: 'changes', path: fc.constant('/api/changes'), params: { from: date, to: date } },
    { name: 'matrix', path: fc.constant('/api/matrix'), params: { asOf: date } },
    { name: 'quiz', path: fc.constant('/api/quiz'), params: { seed: int, count: int } },
    { name: 'tours', path: fc.constant('/api/tours'), params: {} },
    { name: 'tour', path: wire(fc.oneof(fc.constantFrom('p2p-lending', 'nope', 'P2P', 'a'.repeat(81)), hostileText)).map((id) => `/api/tours/${id}`), params: {} },
    {
      name: 'export',
      path: fc.constant('/api/export'),
      params: {
        format: v(fc.constantFrom('json', 'csv', 'gexf', 'graphml', 'xml', 'JSON', '')),
        ids: v(fc.array(fc.constantFrom(...ids.all), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(','))),
        part: v(fc.constantFrom('nodes', 'relationships', 'edges')),
      },
    },
  ];
}

/** Paths that are not any route: traversal and odd shapes under /api. */
const strayPath = fc.oneof(
  fc.constantFrom(
    '/api',
    '/api/',
    '/api//health',
    '/api/health/',
    '/api/health/..',
    '/api/../package.json',
    '/api/%2e%2e/%2e%2e/package.json',
    '/api/nodes',
    '/api/nodes/',
    '/api/nodes//neighborhood',
    '/api/nodes/agency:cbrc/neighborhood/extra',
    '/api/nodes/agency:cbrc/../../../etc/passwd',
    '/api/questions',
    '/api/paths',
    '/api/HEALTH',
    '/api/health%00',
    '/api/health%2f..%2f..%2fpackage.json',
  ),
  fc.tuple(wire(hostileText), wire(hostileText)).map(([a, b]) => `/api/${a}/${b}`),
);

/**
 * Node's HTTP parser refuses a request head over 16 KB itself (431, empty body) before the
 * app sees it; that case is checked once in hardening.test.ts. Fuzzed URLs stay below it, so
 * the app's own 414 (over 4 KB) is what they meet. A cut may split an escape: more fuzz.
 */
export const MAX_FUZZ_URL = 15_000;
const capped = (path: string): string => (path.length > MAX_FUZZ_URL ? path.slice(0, MAX_FUZZ_URL) : path);

export interface FuzzRequest extends RawRequest {
  /** The endpoint the request aims at, for the report. */
  endpoint: string;
}

export function fuzzRequest(ids: FuzzIds): fc.Arbitrary<FuzzRequest> {
  const specs = endpoints(ids);
  const method = fc.constantFrom('GET', 'GET', 'GET', 'GET', 'GET', 'HEAD');
  const unknownParam = fc.tuple(wire(fc.oneof(hostileText, fc.constantFrom('lmit', 'Q', 'id', 'q[]', 'q.x', 'debug', '__proto__'))), wire(hostileText));
  const perEndpoint = specs.map((spec) => {
    const names = Object.keys(spec.params);
    const known = names.length === 0 ? fc.constant([] as Array<[string, string]>) : fc.tuple(...names.map((n) => fc.option(spec.params[n]!, { nil: undefined, freq: 2 }))).map((vals) =>
      vals.flatMap((val, i) => (val === undefined ? [] : [[names[i]!, val] as [string, string]])),
    );
    return fc
      .record({
        path: spec.path,
        known,
        unknown: fc.array(unknownParam, { maxLength: 2 }),
        // Repeat one known parameter with another value (repeated / conflicting).
        repeat: fc.option(fc.tuple(fc.nat(), names.length === 0 ? fc.constant('') : fc.oneof(...names.map((n) => spec.params[n]!))), { freq: 6 }),
        bareFlag: fc.boolean(),
        method,
      })
      .map(({ path, known, unknown, repeat, bareFlag, method: m }) => {
        const pairs = [...known, ...unknown];
        if (repeat && known.length > 0) pairs.push([known[repeat[0] % known.length]![0], repeat[1]]);
        const parts = pairs.map(([k, val]) => `${k}=${val}`);
        if (bareFlag && names.length > 0) parts.push(names[0]!); // `?q` without `=`
        return { endpoint: spec.name, method: m, path: capped(parts.length > 0 ? `${path}?${parts.join('&')}` : path) };
      });
  });
  return fc.oneof(
    ...perEndpoint.map((arbitrary) => ({ weight: 4, arbitrary })),
    { weight: 2, arbitrary: fc.tuple(strayPath, method).map(([path, m]) => ({ endpoint: 'stray', method: m, path: capped(path) })) },
  );
}
