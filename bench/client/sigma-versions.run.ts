/**
 * Runs the sigma 3 vs sigma 4 benchmark page in headless Chromium:
 *   npx tsx bench/client/sigma-versions.run.ts [--n 10000] [--runs 3]
 * Writes screenshots and a JSON summary to bench/out/sigma-versions/.
 */
import { build } from 'vite';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../test/e2e/support/browser';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../..');
const out = join(repo, 'bench/out/sigma-versions');
const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};

/** Every distinct character of the seed graph's names (zh and en), in code-point order. */
function seedChars(): string[] {
  const set = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json')) {
        const data = JSON.parse(readFileSync(p, 'utf8')) as { nodes?: Array<{ name: string; nameEn: string; aliases?: string[] }> };
        for (const n of data.nodes ?? []) for (const s of [n.name, n.nameEn, ...(n.aliases ?? [])]) for (const ch of s) if (ch.trim()) set.add(ch);
      }
    }
  };
  walk(join(repo, 'graph-seed/data'));
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const chars = seedChars();
  writeFileSync(join(here, 'chars.json'), JSON.stringify(chars));
  const dist = join(out, 'page');
  await build({ root: here, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, rollupOptions: { input: join(here, 'sigma-versions.html') } } });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (!existsSync(path) || statSync(path).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/sigma-versions.html`;
  const browser = await launch({ width: 1200, height: 800 });
  const results: unknown[] = [];
  const runPage = async (query: string) => {
    const page = await browser.context.newPage();
    await page.goto(`${base}?${query}`);
    await page.waitForFunction(() => (window as unknown as { benchResult?: unknown }).benchResult !== undefined, undefined, { timeout: 400_000 });
    const res = await page.evaluate(() => (window as unknown as { benchResult: unknown }).benchResult);
    return { page, res };
  };
  for (const v of [3, 4]) {
    const { page, res } = await runPage(`v=${v}&mode=glyphs`);
    await page.screenshot({ path: join(out, `glyphs-sigma${v}.png`) });
    results.push(res);
    await page.close();
  }
  const n = arg('n', 10000);
  for (let run = 0; run < arg('runs', 3); run++) {
    for (const v of [3, 4]) {
      const { page, res } = await runPage(`v=${v}&mode=perf&n=${n}`);
      if (run === 0) await page.screenshot({ path: join(out, `perf-sigma${v}.png`) });
      results.push({ run, ...(res as object) });
      await page.close();
    }
  }
  writeFileSync(join(out, 'results.json'), JSON.stringify({ chromium: browser.context.browser()?.version() ?? 'persistent', chars: chars.length, results }, null, 2));
  console.log(JSON.stringify(results, null, 1));
  await browser.close();
  server.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
