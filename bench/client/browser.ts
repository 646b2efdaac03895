/**
 * The client in headless Chromium: builds the benchmark page (bench/client/page, which
 * imports the client's own graph building, layout and sigma settings from client/src),
 * writes the graphs it draws as API-shaped JSON, serves both from a small static server and
 * drives one page load per (graph, renderer) with playwright-core.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { toApiNode, toApiRelationship } from '../../server/stores/api-shapes.js';
import { ensureSynthetic, OUT_DIR } from '../lib/datasets.js';
import { ms, num, ratio, sizeLabel, verdict } from '../lib/stats.js';
import { table, type Check, type Section } from '../lib/report.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/chromium.js';

export { CHROMIUM, CHROMIUM_ARGS };
const PAGE_DIR = join(OUT_DIR, 'client-page');
const DATA_DIR = join(OUT_DIR, 'client-data');

export const SEED_FIRST_FRAME_TARGET_MS = 1000;
export const BIG_FIRST_FRAME_TARGET_MS = 5000;
export const RENDER_RATIO_TARGET = 0.2;
export const LONG_TASK_TARGET_MS = 200;

interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}
interface LongTasks {
  count: number;
  max: number;
  total: number;
}
export interface Interaction {
  sync: Dist;
  total: Dist;
  longTasks: LongTasks;
}
/** Issue 17: a hover or selection at 50k nodes costs at most this much main-thread time. */
export const INTERACTION_TARGET_MS = 100;
export interface SigmaRun {
  renderer: 'sigma';
  data: string;
  nodes: number;
  edges: number;
  fetchAndParseMs: number;
  buildMs: number;
  staticLayoutMs: number;
  mountMs: number;
  firstFrameMs: number;
  longTasksToFirstFrame: LongTasks;
  longTasksDuringStaticLayout: LongTasks;
  refresh: Dist;
  /** Hover/selection moves as GraphView runs them, and the same moves with every other node dimmed (a full refresh each). */
  hover?: Interaction;
  hoverDimmed?: Interaction;
  panZoomRender: Dist;
  panZoomFrame: Dist;
  longTasksDuringPanZoom: LongTasks;
  continuousLayoutRender: Dist;
  continuousLayoutFrame: Dist;
  longTasksDuringContinuousLayout: LongTasks;
  /** The same run split: while ForceAtlas2 runs, and the end (sigma's final picture). */
  longTasksWhileRunning?: LongTasks;
  longTasksAtEnd?: LongTasks;
  /** Graphs above PREVIEW_MIN_NODES: the 2D preview's frame times, and last positions → sigma's picture shown. */
  layoutPreview?: boolean;
  previewDraw?: Dist;
  previewPaint?: Dist;
  finalPictureShownMs?: number;
}
export interface VisRun {
  renderer: 'vis-network';
  data: string;
  nodes: number;
  edges: number;
  fetchAndParseMs: number;
  buildMs: number;
  constructMs: number;
  firstDrawMs: number;
  firstFrameMs: number;
  longTasksToFirstFrame: LongTasks;
  redraw: Dist;
  panZoomRender: Dist;
  panZoomFrame: Dist;
  longTasksDuringPanZoom: LongTasks;
}
export interface ClientRun {
  data: string;
  sigma?: SigmaRun;
  vis?: VisRun;
  sigmaError?: string;
  visError?: string;
}

export interface ClientBenchOptions {
  /** Synthetic sizes (nodes); the real seed is always included first. */
  sizes: number[];
  panZoomMs: number;
  layoutMs: number;
  /** Per page load. */
  timeoutMs: number;
}

async function buildPage(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: resolve(import.meta.dirname, 'page/vite.config.ts'), logLevel: 'warn' });
}

function writeData(name: string, graph: SeedGraph): void {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, `${name}.json`);
  if (existsSync(file) && name !== 'seed') return;
  writeFileSync(file, JSON.stringify({ nodes: graph.nodes.map(toApiNode), relationships: graph.relationships.map(toApiRelationship) }));
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

function serve(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const [root, rel] = path.startsWith('/data/') ? [DATA_DIR, path.slice(6)] : [PAGE_DIR, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, port: (server.address() as AddressInfo).port })));
}

export async function benchClient(opts: ClientBenchOptions): Promise<ClientRun[] | { unavailable: string }> {
  if (!existsSync(CHROMIUM)) return { unavailable: `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` };
  for (const f of ['graph/build.ts', 'graph/layout.ts', 'view/renderer.ts', 'graph/reducers.ts']) {
    if (!existsSync(resolve(import.meta.dirname, '../../client/src', f))) return { unavailable: `client/src/${f} is not there yet` };
  }
  try {
    await buildPage();
  } catch (err) {
    return { unavailable: `the benchmark page does not build: ${(err as Error).message.split('\n')[0]}` };
  }
  const names: string[] = ['seed'];
  writeData('seed', await loadSeedGraph({ onWarning: () => undefined }));
  for (const n of opts.sizes) {
    const name = `synthetic-${sizeLabel(n)}`;
    if (!existsSync(join(DATA_DIR, `${name}.json`))) {
      const m = ensureSynthetic(n);
      writeData(name, await loadSeedGraph({ dataDir: m.dataDir, sourcePath: m.sourcePath, onWarning: () => undefined }));
    }
    names.push(name);
  }

  const { chromium } = await import('playwright-core');
  const { server, port } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const runs: ClientRun[] = [];
  try {
    for (const data of names) {
      const run: ClientRun = { data };
      for (const renderer of ['sigma', 'vis'] as const) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(`http://127.0.0.1:${port}/?data=${data}&renderer=${renderer}&panZoomMs=${opts.panZoomMs}&layoutMs=${opts.layoutMs}`);
          const handle = await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, {
            timeout: opts.timeoutMs,
            polling: 250,
          });
          const result = (await handle.jsonValue()) as (SigmaRun | VisRun) & { error?: string };
          if (result.error) throw new Error(result.error.split('\n')[0]);
          if (renderer === 'sigma') run.sigma = result as SigmaRun;
          else run.vis = result as VisRun;
          process.stderr.write(`  client ${data} ${renderer}: first frame ${ms(result.firstFrameMs)} ms\n`);
        } catch (err) {
          let why = (err as Error).message.split('\n')[0]!;
          if (/Timeout/.test(why)) {
            // Keep what the page measured before the time ran out, and say where it was.
            const got = (await page
              .evaluate(() => {
                const p = (window as unknown as { __benchPartial?: Record<string, unknown> }).__benchPartial;
                return p ? { ...p, stepElapsedMs: performance.now() - (p.stepStartedMs as number) } : undefined;
              })
              .catch(() => undefined)) as (Record<string, unknown> & { step?: string; stepElapsedMs?: number }) | undefined;
            why = `did not finish within ${opts.timeoutMs / 1000} s${got?.step ? ` (stopped in "${got.step}" after ${((got.stepElapsedMs ?? 0) / 1000).toFixed(0)} s)` : ''}`;
            if (got && typeof got.firstFrameMs === 'number') {
              if (renderer === 'sigma') run.sigma = withGaps(got) as unknown as SigmaRun;
              else run.vis = withGaps(got) as unknown as VisRun;
            }
          }
          const message = errors.length ? `${why} (page error: ${errors[0]})` : why;
          if (renderer === 'sigma') run.sigmaError = message;
          else run.visError = message;
          process.stderr.write(`  client ${data} ${renderer}: ${message}\n`);
        } finally {
          await page.close().catch(() => undefined);
        }
      }
      runs.push(run);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return runs;
}

const EMPTY_DIST: Dist = { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
const EMPTY_TASKS: LongTasks = { count: NaN, max: NaN, total: NaN };

/** A partial run with every field the tables read, missing ones as NaN (shown as –). */
function withGaps(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p };
  for (const k of ['refresh', 'panZoomRender', 'panZoomFrame', 'continuousLayoutRender', 'continuousLayoutFrame', 'redraw']) out[k] ??= EMPTY_DIST;
  for (const k of ['longTasksToFirstFrame', 'longTasksDuringStaticLayout', 'longTasksDuringPanZoom', 'longTasksDuringContinuousLayout']) out[k] ??= EMPTY_TASKS;
  for (const k of ['staticLayoutMs', 'mountMs', 'buildMs', 'constructMs', 'firstDrawMs']) out[k] ??= NaN;
  return out;
}

// ---------------------------------------------------------------------------------------

const lt = (t: LongTasks | undefined): string => (t && Number.isFinite(t.count) ? `${t.count} (max ${ms(t.max)})` : '–');

export function clientSections(runs: readonly ClientRun[], opts: ClientBenchOptions): Section[] {
  const checks1: Check[] = [];
  const firstRows = runs.map((r) => {
    const s = r.sigma;
    let target = '';
    const limit = r.data === 'seed' ? SEED_FIRST_FRAME_TARGET_MS : r.data === 'synthetic-50k' ? BIG_FIRST_FRAME_TARGET_MS : undefined;
    if (limit !== undefined) {
      const pass = s ? s.firstFrameMs <= limit : false;
      target = verdict(`≤ ${limit / 1000} s`, pass);
      checks1.push({ name: `sigma first frame, ${r.data}`, pass, detail: s ? `${ms(s.firstFrameMs)} ms` : r.sigmaError ?? 'no result' });
    }
    return [
      r.data,
      s ? num(s.nodes) : '–',
      s ? num(s.edges) : '–',
      s ? ms(s.fetchAndParseMs) : '–',
      s ? ms(s.buildMs) : '–',
      s ? ms(s.staticLayoutMs) : '–',
      s ? ms(s.mountMs) : '–',
      s ? `**${ms(s.firstFrameMs)}**${r.sigmaError ? ` (then ${r.sigmaError})` : ''}` : r.sigmaError ?? '–',
      s ? lt(s.longTasksToFirstFrame) : '–',
      r.vis ? `${ms(r.vis.firstFrameMs)}${r.visError ? ` (then ${r.visError})` : ''}` : r.visError ?? '–',
      target,
    ];
  });

  const checks2: Check[] = [];
  const renderRows = runs.map((r) => {
    const s = r.sigma;
    const v = r.vis;
    const rr = s && v ? s.panZoomRender.p50 / v.redraw.p50 : NaN;
    let target = '';
    if (r.data === 'synthetic-10k' || r.data === 'synthetic-50k') {
      const pass = s && v ? rr <= RENDER_RATIO_TARGET : undefined;
      target = verdict(`≤ ${RENDER_RATIO_TARGET}`, pass);
      checks2.push({
        name: `sigma render vs vis-network redraw, ${r.data}`,
        pass,
        detail: s && v ? `${ms(s.panZoomRender.p50)} ms vs ${ms(v.redraw.p50)} ms (${rr.toFixed(3)})` : r.visError ?? r.sigmaError ?? 'no result',
      });
    }
    return [
      r.data,
      s ? `${ms(s.panZoomRender.p50)} / ${ms(s.panZoomRender.p95)}` : '–',
      s ? ms(s.refresh.p50) : '–',
      s ? `${ms(s.panZoomFrame.p50)} / ${ms(s.panZoomFrame.p95)}` : '–',
      v ? ms(v.redraw.p50) : r.visError ?? '–',
      v ? `${ms(v.panZoomRender.p50)} / ${ms(v.panZoomRender.p95)}` : '–',
      v ? `${ms(v.panZoomFrame.p50)} / ${ms(v.panZoomFrame.p95)}` : '–',
      s && v ? ratio(s.panZoomRender.p50, v.redraw.p50) : '–',
      s && v ? ratio(s.refresh.p50, v.redraw.p50) : '–',
      target,
    ];
  });

  const checks3: Check[] = [];
  const layoutRows = runs.map((r) => {
    const s = r.sigma;
    let target = '';
    if (r.data === 'synthetic-50k') {
      const worst = s ? Math.max(s.longTasksDuringStaticLayout.max, s.longTasksDuringContinuousLayout.max) : NaN;
      const pass = s ? worst <= LONG_TASK_TARGET_MS : false;
      target = verdict(`no long task > ${LONG_TASK_TARGET_MS} ms`, pass);
      checks3.push({ name: 'long tasks during layout, 50k', pass, detail: s ? `longest ${ms(worst)} ms` : r.sigmaError ?? 'no result' });
    }
    return [
      r.data,
      s ? ms(s.staticLayoutMs) : '–',
      s ? lt(s.longTasksDuringStaticLayout) : '–',
      s ? lt(s.longTasksDuringContinuousLayout) : '–',
      s ? `${lt(s.longTasksWhileRunning)} / ${lt(s.longTasksAtEnd)}` : '–',
      s ? `${ms(s.continuousLayoutFrame.p50)} / ${ms(s.continuousLayoutFrame.p95)}` : '–',
      s ? `${ms(s.continuousLayoutRender.p50)} / ${ms(s.continuousLayoutRender.p95)}` : '–',
      s?.layoutPreview && s.previewDraw
        ? `${ms(s.previewDraw.p50)} / ${ms(s.previewDraw.p95)}${s.previewPaint?.n ? ` (worker ${ms(s.previewPaint.p50)} / ${ms(s.previewPaint.p95)})` : ''}; sigma's picture after ${ms(s.finalPictureShownMs ?? NaN)}`
        : '–',
      target,
    ];
  });

  const checks4: Check[] = [];
  const interactionRows = runs.map((r) => {
    const h = r.sigma?.hover;
    const d = r.sigma?.hoverDimmed;
    let target = '';
    if (r.data === 'synthetic-50k') {
      const pass = h ? h.total.p95 <= INTERACTION_TARGET_MS : false;
      target = verdict(`p95 ≤ ${INTERACTION_TARGET_MS} ms`, pass);
      checks4.push({ name: 'hover/selection main-thread cost, 50k', pass, detail: h ? `p50 ${ms(h.total.p50)} ms, p95 ${ms(h.total.p95)} ms` : r.sigmaError ?? 'no result' });
    }
    const cell = (x: Interaction | undefined) => (x ? `${ms(x.total.p50)} / ${ms(x.total.p95)} (sync ${ms(x.sync.p50)} / ${ms(x.sync.p95)})` : '–');
    return [r.data, cell(h), h ? lt(h.longTasks) : '–', cell(d), d ? lt(d.longTasks) : '–', target];
  });

  return [
    {
      title: 'Client: data received → first frame (ms, headless Chromium)',
      lines: table(
        ['graph', 'nodes', 'edges', 'fetch + JSON.parse', 'buildGraph', 'layout before first frame', 'sigma mount', 'first frame (sigma)', 'long tasks to first frame (count, max ms)', 'first frame (vis-network)', 'target'],
        firstRows,
      ),
      notes: [
        'sigma path = the client\'s own code, as `GraphView.load` runs it: `buildGraph` → start positions (up to 500 nodes `staticLayout`, ForceAtlas2 + noverlap in the module worker; above, `clusteredPositions` and the progressive layout after the first frame) → `createRenderer` → next animation frame (timed with performance.now() in the callback). Timed from the parsed response.',
        'vis-network draws the same nodes and edges at the seeded start positions, physics and improvedLayout off, straight edges (it gets no layout, so its first frame skips that step).',
        `Chromium ${CHROMIUM} with ${CHROMIUM_ARGS.join(' ')}: WebGL runs on SwiftShader (software), so GPU work lands on the CPU.`,
      ],
      checks: checks1,
    },
    {
      title: `Client: rendering cost during a scripted ${opts.panZoomMs / 1000} s pan/zoom (ms, p50 / p95)`,
      lines: table(
        ['graph', 'sigma render() per frame', 'sigma full refresh()', 'sigma frame interval', 'vis redraw()', 'vis draw per frame', 'vis frame interval', 'sigma render / vis redraw', 'sigma refresh / vis redraw', 'target (render ratio)'],
        renderRows,
      ),
      notes: [
        'sigma render(): synchronous time between its beforeRender and afterRender events; refresh(): a full re-index through the client\'s reducers plus render, called directly. vis redraw(): `network.redraw()` called directly; per frame: beforeDrawing → afterDrawing.',
        'Frame interval: time between consecutive requestAnimationFrame callbacks while the camera moves every frame (16.7 ms = 60 fps).',
      ],
      checks: checks2,
    },
    {
      title: 'Client: main-thread long tasks while ForceAtlas2 runs in a worker',
      lines: table(
        ['graph', 'layout before first frame ms', 'long tasks during it (count, max ms)', 'long tasks during the layout run', 'of which while it runs / at its end', 'frame interval p50 / p95', 'sigma render p50 / p95', '2D preview frame p50 / p95 ms, main thread (painter worker)', 'target'],
        layoutRows,
      ),
      notes: [
        'Static layout: up to 500 nodes, the client\'s deterministic pass in its module worker before the first frame (the main thread only waits); above, the clustered start placement. Layout run: the client\'s `ProgressiveLayout` (ForceAtlas2 in a module worker, within its size-scaled budget) to its end, including the frame that draws the relationships again; it starts with the first frame above 500 nodes and from the toolbar (after pan/zoom) below.',
        '"At its end": tasks still running when the last positions arrived or later, up to sigma\'s final picture on screen. Above PREVIEW_MIN_NODES (client/src/graph/thresholds.ts) the run is drawn by the 2D preview (layout-preview.ts) and sigma draws once at the end, into hidden layers shown when the GPU has finished; "sigma\'s picture after": last positions → those layers shown (ms). The target counts the end too.',
      ],
      checks: checks3,
    },
    {
      title: 'Client: main-thread cost of a hover or selection (ms, p50 / p95)',
      lines: table(['graph', 'hover as drawn (touched nodes only above the overview size)', 'long tasks', 'the same moves dimming every other node (full refresh)', 'long tasks', 'target'], interactionRows),
      notes: [
        'Each move: the highlight goes to every (n/10)-th node, DrawnGraph swaps the overview\'s relationships, then the partial redraw (`redrawHighlight`) or a full `refresh()`; timed from the move to the end of the task after the next frame (sigma\'s render and the compositor\'s wait included); "sync": the calls alone.',
        'Below the overview size (OVERVIEW_MAX_EDGES relationships) a highlight dims the other nodes, so both columns are full refreshes there.',
      ],
      checks: checks4,
    },
  ];
}
