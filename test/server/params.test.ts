import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HttpError } from '../../server/http/errors.js';
import { optionalInt, parseQueryString, requiredText, validateQuery, labelsParam } from '../../server/http/params.js';
import type { Request } from 'express';

const req = (url: string) => ({ originalUrl: url }) as Request;

function badRequestMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    return (err as HttpError).message;
  }
  throw new Error('expected a 400');
}

describe('parseQueryString', () => {
  it('decodes percent-escapes and plus signs, and keeps repeated keys', () => {
    const q = parseQueryString('q=%E7%BD%91%E7%BB%9C+%E5%80%9F%E8%B4%B7&q=b&flag&&x=');
    expect(q.get('q')).toEqual(['网络 借贷', 'b']);
    expect(q.get('flag')).toEqual(['']);
    expect(q.get('x')).toEqual(['']);
  });

  it('rejects malformed percent-encoding with a 400 instead of guessing', () => {
    expect(badRequestMessage(() => parseQueryString('q=%E0%A4%A'))).toMatch(/percent-encoding.*`q`/);
    expect(badRequestMessage(() => parseQueryString('%ZZ=1'))).toMatch(/percent-encoding/);
  });

  it('round-trips any text through URLSearchParams encoding', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, v) => {
        fc.pre(k.length > 0);
        const qs = new URLSearchParams([[k, v]]).toString();
        expect(parseQueryString(qs).get(k)).toEqual([v]);
      }),
    );
  });
});

describe('validateQuery', () => {
  const shape = { q: requiredText(1, 200), limit: optionalInt(1, 100, 20), labels: labelsParam() };

  it('applies defaults and transforms', () => {
    expect(validateQuery(req('/api/search?q=%20P2P%20'), shape)).toEqual({ q: 'P2P', limit: 20, labels: undefined });
  });

  it('names unknown parameters, and lists the accepted ones', () => {
    const m = badRequestMessage(() => validateQuery(req('/api/search?q=a&lmit=3&foo=1'), shape));
    expect(m).toContain('`lmit`');
    expect(m).toContain('`foo`');
    expect(m).toContain('accepts `q`, `limit`, `labels`');
  });

  it('names a repeated parameter', () => {
    expect(badRequestMessage(() => validateQuery(req('/api/search?q=a&q=b'), shape))).toMatch(/`q` is repeated/);
  });

  it('names the invalid parameter', () => {
    expect(badRequestMessage(() => validateQuery(req('/api/search?q=a&limit=0'), shape))).toMatch(/`limit` must be an integer from 1 to 100/);
    expect(badRequestMessage(() => validateQuery(req('/api/search'), shape))).toMatch(/`q` is required/);
    expect(badRequestMessage(() => validateQuery(req('/api/search?q=a&labels=Agency,Bank'), shape))).toMatch(/`labels` has unknown label `Bank`/);
  });

  it('accepts a limit only inside its range, for any integer text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 200 }), (n) => {
        const url = `/api/search?q=a&limit=${n}`;
        if (n >= 1 && n <= 100) expect(validateQuery(req(url), shape).limit).toBe(n);
        else badRequestMessage(() => validateQuery(req(url), shape));
      }),
    );
  });
});
