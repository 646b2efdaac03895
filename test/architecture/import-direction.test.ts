/**
 * Data flows one way (docs/architecture/overview.md): `client` → `server` → `graph-seed`.
 * `graph-seed/` owns the graph's rules and imports nothing of ours; `server/` never imports
 * the client. Checked on every import and re-export, static or dynamic, of every
 * TypeScript file in those folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && !entry.name.startsWith('.')) out.push(...tsFiles(rel));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Relative specifiers of `import … from`, `export … from`, `import '…'` and `import('…')`. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1]!.startsWith('.')) found.push(m[1]!);
  return found;
}

/** Top folder of the repository an import of `file` lands in. */
function targetFolder(file: string, spec: string): string {
  return path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep)[0]!;
}

function violations(folder: string, forbidden: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of tsFiles(folder)) {
    for (const spec of relativeImports(readFileSync(path.join(root, file), 'utf8'))) {
      const target = targetFolder(file, spec);
      if (forbidden.includes(target)) out.push(`${file} imports ${spec} (${target}/)`);
    }
  }
  return out;
}

describe('import direction', () => {
  it('the checker sees imports of every form', () => {
    const src = `import a from '../server/x.js';\nexport { b } from "../client/y";\nimport '../test/z';\nconst c = await import('../bench/w.js');\nimport d from 'zod';`;
    expect(relativeImports(src)).toEqual(['../server/x.js', '../client/y', '../test/z', '../bench/w.js']);
    expect(targetFolder('graph-seed/cli/load.ts', '../../server/main.js')).toBe('server');
  });

  it('graph-seed imports nothing of server, client, test or bench', () => {
    expect(tsFiles('graph-seed').length).toBeGreaterThan(20);
    expect(violations('graph-seed', ['server', 'client', 'test', 'bench'])).toEqual([]);
  });

  it('routes and the HTTP layer reach a store through its interface, never into the Neo4j store', () => {
    const inside = [...tsFiles('server/routes'), ...tsFiles('server/http')].flatMap((file) =>
      relativeImports(readFileSync(path.join(root, file), 'utf8'))
        .filter((spec) => path.relative(root, path.resolve(root, path.dirname(file), spec)).startsWith(path.join('server', 'stores', 'neo4j')))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(inside).toEqual([]);
  });

  it('server imports nothing of client, test or bench', () => {
    expect(tsFiles('server').length).toBeGreaterThan(20);
    expect(violations('server', ['client', 'test', 'bench'])).toEqual([]);
  });
});
