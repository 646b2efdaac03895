/**
 * Which driver errors mean "Neo4j cannot answer now" (HTTP 503) and which are bugs. The codes
 * are the ones the driver and Neo4j 5 really send (a 1 ms transaction timeout on the real
 * server gives Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration).
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isUnavailable } from '../../server/stores/neo4j/neo4j-store.js';

const err = (code: string, message = 'x') => new Neo4jError(message, code, 'N/A', 'N/A');

describe('isUnavailable', () => {
  it.each([
    'ServiceUnavailable',
    'SessionExpired',
    'Neo.TransientError.General.DatabaseUnavailable',
    'Neo.TransientError.Transaction.LockClientStopped',
    'Neo.ClientError.Transaction.TransactionTimedOut',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    // Wrong credentials: the deployment cannot reach its data, as /api/health reports.
    'Neo.ClientError.Security.Unauthorized',
    'Neo.ClientError.Security.AuthenticationRateLimit',
    // NEO4J_DATABASE names a database the server does not have.
    'Neo.ClientError.Database.DatabaseNotFound',
  ])('%s → unavailable', (code) => {
    expect(isUnavailable(err(code))).toBe(true);
  });

  it('a full connection pool → unavailable', () => {
    expect(isUnavailable(err('N/A', 'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50'))).toBe(true);
  });

  it.each(['Neo.ClientError.Statement.SyntaxError', 'Neo.ClientError.Statement.ParameterMissing'])(
    '%s → a bug, not a 503',
    (code) => {
      expect(isUnavailable(err(code))).toBe(false);
    },
  );

  it('errors that are not from the driver → not unavailable', () => {
    expect(isUnavailable(new Error('ServiceUnavailable'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });
});
