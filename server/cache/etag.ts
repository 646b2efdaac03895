/**
 * The request an answer is a function of, and its strong ETag. An answer depends only on
 * the graph (its revision) and the request's path and query, so the ETag is a hash of the
 * two: two servers over the same graph give the same ETag, and a load changes every ETag.
 */
import { createHash } from 'node:crypto';

/**
 * The path and query as sent, with the query's parameters in a stable order by name (the
 * values of a repeated name keep their order: for some parameters it matters). Nothing is
 * decoded, so two requests share a key only when the routes see the same bytes.
 */
export function canonicalRequest(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  if (q === -1) return originalUrl;
  const params = originalUrl
    .slice(q + 1)
    .split('&')
    .filter((p) => p !== '');
  const name = (p: string): string => {
    const eq = p.indexOf('=');
    return eq === -1 ? p : p.slice(0, eq);
  };
  // Array.prototype.sort is stable, so equal names keep their order.
  params.sort((a, b) => {
    const na = name(a);
    const nb = name(b);
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  return `${originalUrl.slice(0, q)}?${params.join('&')}`;
}

/** A strong ETag for an answer of `revision` to `request`. */
export function answerEtag(revision: string, request: string): string {
  return `"${createHash('sha256').update(revision).update('\0').update(request).digest('base64url').slice(0, 32)}"`;
}

/** Whether an `If-None-Match` header matches `etag` (weak comparison, as RFC 9110 asks for this header). */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === opaque;
  });
}
