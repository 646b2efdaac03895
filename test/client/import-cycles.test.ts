/**
 * No import cycles in the client: every module of `client/src` is walked through its
 * static imports and re-exports (type-only ones too: a type cycle is still two modules
 * that cannot be read one before the other), and any cycle found is named.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../client/src');

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? modules(p) : /\.ts$/.test(f) ? [p] : [];
  });
}

/** Relative specifiers a module imports or re-exports, statically or through `import()`. */
export function specifiers(code: string): string[] {
  const found = [
    ...code.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gms),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!).filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile()) return p;
  return null;
}

/** Every cycle of the graph, each reported once (from its smallest member). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string): void => {
    state.set(m, 'open');
    stack.push(m);
    for (const d of graph.get(m) ?? []) {
      if (state.get(d) === 'open') {
        const cycle = stack.slice(stack.indexOf(d));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const key = [...cycle.slice(start), ...cycle.slice(0, start)].join(' → ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle.slice(start), ...cycle.slice(0, start)]);
        }
      } else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of graph.keys()) if (!state.has(m)) visit(m);
  return cycles;
}

describe('client import graph', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c']]);
    expect(specifiers("import type { X } from './x';\nexport { y } from '../y';\nimport './z.css';\nconst w = import('./w');")).toEqual(['./x', '../y', './z.css', './w']);
  });

  it('has no cycles in client/src', () => {
    const files = modules(ROOT);
    const graph = new Map<string, string[]>();
    for (const f of files) {
      const deps = specifiers(readFileSync(f, 'utf8'))
        .map((s) => resolveImport(f, s))
        .filter((p): p is string => p !== null && p.startsWith(ROOT));
      graph.set(f, deps);
    }
    expect(graph.size).toBeGreaterThan(40);
    const named = findCycles(graph).map((c) => c.map((m) => relative(ROOT, m)).join(' → '));
    expect(named).toEqual([]);
  });
});
