/**
 * What the Neo4j global setup (`global-setup.ts`, main process) hands to test files
 * (`neo4j.ts`, workers) through vitest's provide/inject. Types only, plus the local defaults,
 * so both sides can import it without pulling in the other's runtime.
 */

/** Where a test finds Neo4j. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export type Neo4jAvailability =
  | {
      available: true;
      target: Neo4jTarget;
      /** True when this run started the embedded launcher (bound to 127.0.0.1); false for NEO4J_URI. */
      managed: boolean;
    }
  | { available: false; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jAvailability;
  }
}

/** The launcher's local password (test/neo4j-server); never valid in production (server/config.ts). */
export const LOCAL_NEO4J_PASSWORD = 'finreg-atlas-dev';
export const DEFAULT_NEO4J_USER = 'neo4j';
export const DEFAULT_NEO4J_DATABASE = 'neo4j';

/** CI=true (or any value but "", "0", "false") makes a missing Neo4j a failure instead of a skip. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}
