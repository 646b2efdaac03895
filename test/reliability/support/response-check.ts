/**
 * What every API answer must be, whatever was asked: a 2xx, or a 4xx with a JSON body of
 * exactly `{error:{code,message}}`; never a 5xx (the store is up), never a 429 (the limit is
 * off in these runs), and never a body that shows internals: stack traces, file paths,
 * Neo4j driver text, or words of our Cypher in an error message. Echoes of the caller's own
 * input are not internals, so they are removed before the error message is checked.
 */
import type { RawResponse } from './http-client.js';

export const ERROR_CODES = new Set(['BAD_REQUEST', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'URI_TOO_LONG', 'RATE_LIMITED', 'UNAVAILABLE']);

/** Internals that must never reach any body. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s+at \S|\bat [\w.<>$]+ \([^)]*:\d+:\d+\)|\.(?:[cm]?js|ts):\d+:\d+/],
  ['a file path', new RegExp(`node_modules|${escapeRegExp(process.cwd())}|/server/|/graph-seed/|file:///`)],
  ['Neo4j driver text', /Neo4jError|Neo\.(?:ClientError|TransientError|DatabaseError)|bolt:\/\/|neo4j:\/\/|ServiceUnavailable|SessionExpired|ECONNREFUSED|ECONNRESET/],
  ['a JavaScript error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|URIError)\b/],
];

/** Words of our queries: in an error message they would mean a query leaked. */
const CYPHER_WORDS = /\b(?:MATCH|RETURN|UNWIND|OPTIONAL|DETACH|MERGE|CALL|YIELD|WHERE|WITH|ORDER BY|CREATE|DELETE|SKIP|LIMIT \d|shortestPath|allShortestPaths|elementId|coalesce|db\.index)\b/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Everything the request said, decoded, so its echoes can be told from internals. */
export function echoesOf(path: string): string[] {
  const out = new Set<string>();
  const q = path.indexOf('?');
  const pathPart = q === -1 ? path : path.slice(0, q);
  for (const seg of pathPart.split('/')) out.add(safeDecode(seg));
  out.add(safeDecode(pathPart));
  out.add(pathPart);
  if (q !== -1) {
    for (const pair of path.slice(q + 1).split('&')) {
      for (const piece of pair.split('=')) {
        const decoded = safeDecode(piece);
        out.add(decoded);
        out.add(decoded.trim());
        for (const item of decoded.split(',')) out.add(item.trim());
      }
    }
  }
  out.delete('');
  return [...out].sort((a, b) => b.length - a.length);
}

export function withoutEchoes(message: string, path: string): string {
  let m = message;
  for (const e of echoesOf(path)) if (e.length > 1) m = m.split(e).join('');
  // Messages quote the caller's input in backticks.
  return m.replace(/`[^`]*`/g, '');
}

export interface CheckOptions {
  /** Allow 503 UNAVAILABLE with Retry-After (outage tests); default false. */
  allowUnavailable?: boolean;
  /** Allow 429 RATE_LIMITED; default false. */
  allowRateLimited?: boolean;
}

/** The problems with one answer; empty when it is fine. */
export function problemsWith(method: string, path: string, res: RawResponse, opts: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const { status, body } = res;
  // The caller's echoed input is searched in the decoded message, not in the JSON text.
  let scanned = body;
  const type = String(res.headers['content-type'] ?? '');
  const unavailable = status === 503 && opts.allowUnavailable;
  const limited = status === 429 && opts.allowRateLimited;

  if (status >= 500 && !unavailable) problems.push(`status ${status}`);
  else if (status === 429 && !limited) problems.push('status 429 with the rate limit off');
  else if (!(status >= 200 && status < 300) && !(status >= 400 && status < 500) && !unavailable) problems.push(`status ${status}`);

  if (status >= 400) {
    if (!type.startsWith('application/json')) problems.push(`error with content-type "${type}"`);
    if (status === 503 && res.headers['retry-after'] === undefined) problems.push('503 without Retry-After');
    if (method !== 'HEAD') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        problems.push(`error body is not JSON: ${body.slice(0, 120)}`);
      }
      if (parsed !== undefined) {
        const err = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
        const keys = Object.keys(parsed as object);
        // /api/health's 503 carries status and store beside the error.
        const expectedKeys = path.startsWith('/api/health') && status === 503 ? ['error', 'status', 'store'] : ['error'];
        if (JSON.stringify(keys.sort()) !== JSON.stringify(expectedKeys)) problems.push(`error body keys ${keys.join(',')}`);
        if (!err || typeof err.code !== 'string' || typeof err.message !== 'string' || Object.keys(err).length !== 2) {
          problems.push(`error is not {code,message}: ${body.slice(0, 120)}`);
        } else {
          if (!ERROR_CODES.has(err.code)) problems.push(`unknown error code ${err.code}`);
          if (err.message.trim() === '') problems.push('empty error message');
          const own = withoutEchoes(err.message, path);
          scanned = body.replace(JSON.stringify(err.message).slice(1, -1), ' ') + '\n' + own;
          if (CYPHER_WORDS.test(own)) problems.push(`error message shows Cypher: ${err.message.slice(0, 160)}`);
          if (/neo4j/i.test(own)) problems.push(`error message names Neo4j: ${err.message.slice(0, 160)}`);
        }
      }
    }
  } else if (status >= 200 && status < 300 && method !== 'HEAD' && type.startsWith('application/json')) {
    try {
      JSON.parse(body);
    } catch {
      problems.push('2xx JSON body does not parse');
    }
  }

  for (const [what, re] of LEAKS) if (re.test(scanned)) problems.push(`body shows ${what}: ${scanned.match(re)?.[0]}`);
  return problems;
}
