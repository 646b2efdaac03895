/**
 * The client's initial download: the JS and CSS that client/dist/index.html loads before
 * anything else (module entry, modulepreload links, stylesheets), raw and gzipped. Lazy
 * chunks and the layout worker are listed apart; they are not part of the first load.
 *
 * The bundle is rebuilt from the current client source into bench/out/client-dist (so a
 * stale client/dist cannot mislead), falling back to client/dist when that build fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUT_DIR } from './lib/datasets.js';
import { bytes, verdict } from './lib/stats.js';
import { table, type Section } from './lib/report.js';

export const BUNDLE_TARGET_BYTES = 250 * 1000;
const REPO = resolve(import.meta.dirname, '..');

export interface BundleFile {
  file: string;
  kind: 'js' | 'css';
  initial: boolean;
  raw: number;
  gzip: number;
}

export interface BundleResult {
  dir: string;
  files: BundleFile[];
  initialGzip: number;
  note?: string;
}

async function buildClient(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(REPO, 'client/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

export async function benchBundle(): Promise<BundleResult | { unavailable: string }> {
  if (!existsSync(join(REPO, 'client/index.html'))) return { unavailable: 'client/index.html is not there yet' };
  let dir = join(OUT_DIR, 'client-dist');
  let note: string | undefined;
  try {
    await buildClient(dir);
  } catch (err) {
    const fallback = join(REPO, 'client/dist');
    if (!existsSync(join(fallback, 'index.html'))) return { unavailable: `the client does not build (${(err as Error).message.split('\n')[0]}) and client/dist is empty` };
    dir = fallback;
    note = `fresh build failed (${(err as Error).message.split('\n')[0]}); measured the existing client/dist`;
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g)) initial.add(m[1]!);
  const files: BundleFile[] = [];
  const assets = join(dir, 'assets');
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : undefined;
    if (!kind) continue;
    const body = readFileSync(join(assets, name));
    const isInitial = [...initial].some((src) => src.replace(/^\.?\//, '') === `assets/${name}`);
    files.push({ file: `assets/${name}`, kind, initial: isInitial, raw: body.length, gzip: gzipSync(body).length });
  }
  files.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const result: BundleResult = { dir, files, initialGzip: files.filter((f) => f.initial).reduce((s, f) => s + f.gzip, 0) };
  if (note) result.note = note;
  return result;
}

export function bundleSection(r: BundleResult): Section {
  const pass = r.initialGzip <= BUNDLE_TARGET_BYTES;
  const rows = r.files.map((f) => [f.file, f.kind, f.initial ? 'initial' : 'lazy / worker', bytes(f.raw), bytes(f.gzip)]);
  rows.push(['**initial JS + CSS**', '', '', bytes(r.files.filter((f) => f.initial).reduce((s, f) => s + f.raw, 0)), `**${bytes(r.initialGzip)}**`]);
  return {
    title: 'Client bundle (vite build of client/)',
    lines: [...table(['file', 'kind', 'loaded', 'raw', 'gzip'], rows), '', `Initial JS + CSS gzip: ${bytes(r.initialGzip)} — ${verdict('≤ 250 kB', pass)}`],
    notes: [
      `Measured in ${r.dir.replace(REPO + '/', '')}; gzip = Node zlib default level (6), as a server would send it. "Initial" = what index.html references (entry script, modulepreload, stylesheets).`,
      ...(r.note ? [r.note] : []),
    ],
    checks: [{ name: 'client initial bundle ≤ 250 kB gzip', pass, detail: bytes(r.initialGzip) }],
  };
}
