/**
 * Finding the repository, the seed files and the source text on disk. Kept apart from the
 * validator, which is pure and works on texts, so tests can feed it any bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SeedFileText {
  /** Relative to the repository root when inside it, else absolute. */
  path: string;
  text: string;
  /** Set when the file was too large to read (its size in bytes); `text` is then empty. */
  tooLargeBytes?: number;
}

/**
 * The repository root: the nearest directory above this module holding the project's
 * package.json. Works from `graph-seed/` under tsx and from `dist/graph-seed/` after tsc.
 */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  let fallback: string | undefined;
  while (true) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      fallback ??= dir;
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'finreg-atlas') return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return fallback ?? process.cwd();
    dir = parent;
  }
}

export function defaultDataDir(): string {
  return path.join(repoRoot(), 'graph-seed', 'data');
}


export function displayPath(file: string): string {
  const rel = path.relative(repoRoot(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * Seed files above this size are not read at all (reported by the validator instead), so a
 * runaway file cannot exhaust memory.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Decodes bytes as UTF-8 without throwing: invalid sequences become U+FFFD, which the
 * validator reports with their line and column. A byte-order mark is kept, so the
 * validator can report it too.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Every `**\/*.json` under `dir`, sorted by path, so results do not depend on the file system. */
export async function readSeedFiles(dir: string): Promise<SeedFileText[]> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`seed data directory not found: ${root}`);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const out: SeedFileText[] = [];
  for (const file of files) {
    const size = (await stat(file)).size;
    if (size > MAX_FILE_BYTES) {
      // Reading it would be the problem; the validator reports it.
      out.push({ path: displayPath(file), text: '', tooLargeBytes: size });
      continue;
    }
    out.push({ path: displayPath(file), text: decodeUtf8(await readFile(file)) });
  }
  return out;
}

/** The source text, or undefined when the file does not exist. */
export async function readSourceText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
