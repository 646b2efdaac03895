/**
 * The harness itself: the Neo4j it provides answers queries, enforces the password, and (when
 * this run started it) listens on 127.0.0.1 only.
 */
import { readFileSync, existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { expect, it } from 'vitest';
import { describeNeo4j, neo4jIsManaged, neo4jTarget, openDriver, withDriver } from './neo4j.js';

/** Resolves 'connected' or the connect error code (ECONNREFUSED, ...). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.connect(port, host);
  });
}

/** Local addresses of listening TCP sockets on `port`, from /proc (Linux). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A = LISTEN
      const [hexAddress, hexPort] = local.split(':');
      if (parseInt(hexPort!, 16) === port) found.push(hexAddress!);
    }
  }
  return found;
}

describeNeo4j('Neo4j test harness', () => {
  it('runs a query and returns 1', async () => {
    const result = await withDriver((driver, target) =>
      driver.executeQuery('RETURN 1 AS one', {}, { database: target.database }),
    );
    expect(result.records.map((r) => r.get('one'))).toEqual([1]);
  });

  it('rejects a wrong password', async () => {
    const target = neo4jTarget();
    const driver = openDriver({ ...target, password: `${target.password}-wrong` });
    try {
      await expect(driver.executeQuery('RETURN 1', {}, { database: target.database })).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    } finally {
      await driver.close();
    }
  });

  it.runIf(neo4jIsManaged())('binds the embedded Neo4j to 127.0.0.1 only', async () => {
    const { uri } = neo4jTarget();
    const url = new URL(uri);
    const port = Number(url.port);
    expect(url.hostname).toBe('127.0.0.1');
    expect(await tryConnect('127.0.0.1', port)).toBe('connected');
    // 127.0.0.2 is loopback too: a server bound to 0.0.0.0 would accept it, one bound to
    // 127.0.0.1 refuses it.
    expect(await tryConnect('127.0.0.2', port)).toBe('ECONNREFUSED');
    const addresses = listeningAddresses(port);
    if (existsSync('/proc/net/tcp')) {
      // 127.0.0.1 as /proc writes it: IPv4, or IPv4-mapped in an IPv6 socket.
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) {
        expect(['0100007F', '0000000000000000FFFF00000100007F']).toContain(address);
      }
    }
  });
});
