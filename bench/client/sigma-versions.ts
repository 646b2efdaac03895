/**
 * Benchmark page: the same graph in sigma 3.0.3 and sigma 4.0.4.
 *   ?v=3|4&mode=glyphs  every distinct character of the seed names as labels (screenshot)
 *   ?v=3|4&mode=perf&n=10000  synchronous refresh() cost and rAF frame times while panning/zooming
 * Results go to `window.benchResult`; the runner (`sigma-versions.run.ts`) reads them.
 */
import Graph from 'graphology';
import Sigma3 from 'sigma';
import Sigma4 from 'sigma4';
import chars from './chars.json';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const params = new URLSearchParams(location.search);
const version = params.get('v') === '4' ? 4 : 3;
const mode = params.get('mode') ?? 'glyphs';
const n = Number(params.get('n') ?? 10000);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function glyphGraph(): Graph {
  const g = new Graph();
  const text = (chars as string[]).join('');
  const perLabel = 16;
  const labels: string[] = [];
  for (let i = 0; i < text.length; i += perLabel) labels.push([...text].slice(i, i + perLabel).join(''));
  const cols = 3;
  labels.forEach((label, i) => g.addNode(`n${i}`, { x: (i % cols) * 10, y: -Math.floor(i / cols), size: 3, color: '#0072B2', label }));
  return g;
}

function perfGraph(count: number): Graph {
  const g = new Graph();
  const rnd = mulberry32(42);
  const colors = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#56B4E9', '#CC79A7', '#000000'];
  for (let i = 0; i < count; i++) {
    g.addNode(`n${i}`, { x: rnd() * 1000, y: rnd() * 1000, size: 2 + rnd() * 6, color: colors[i % 7], label: `节点 ${i} 网络借贷` });
  }
  for (let i = 0; i < count * 2; i++) {
    const s = `n${Math.floor(rnd() * count)}`;
    const t = `n${Math.floor(rnd() * count)}`;
    if (s !== t && !g.hasEdge(s, t)) g.addEdge(s, t, { size: 1, color: '#cccccc' });
  }
  return g;
}

type Renderer = { refresh(): void; getCamera(): { setState(s: { x?: number; y?: number; ratio?: number }): void; getState(): { x: number; y: number; ratio: number } }; kill(): void };

function create(graph: Graph, container: HTMLElement, forceLabels: boolean): Renderer {
  if (version === 3) {
    return new Sigma3(graph, container, {
      labelFont: FONT,
      labelSize: 14,
      labelRenderedSizeThreshold: forceLabels ? 0 : 6,
      nodeReducer: forceLabels ? (_n, d) => ({ ...d, forceLabel: true }) : null,
    }) as unknown as Renderer;
  }
  return new Sigma4(graph, container, {
    settings: { labelRenderedSizeThreshold: forceLabels ? 0 : 6 },
    nodeReducer: (_n, d) => ({ ...d, labelFont: FONT, labelSize: 14, ...(forceLabels ? { labelVisibility: 'visible' as const } : {}) }),
  }) as unknown as Renderer;
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

async function run(): Promise<unknown> {
  const stage = document.getElementById('stage')!;
  await document.fonts.load(`14px ${FONT}`, '中文');
  if (mode === 'glyphs') {
    const g = glyphGraph();
    create(g, stage, true);
    for (let i = 0; i < 10; i++) await nextFrame();
    return { version, mode, labels: g.order, chars: (chars as string[]).length };
  }
  const g = perfGraph(n);
  const t0 = performance.now();
  const r = create(g, stage, false);
  const firstRender = performance.now() - t0;
  for (let i = 0; i < 5; i++) await nextFrame();
  const refresh: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    r.refresh();
    refresh.push(performance.now() - s);
  }
  // Scripted pan and zoom: 30 frames, camera moved every frame.
  const cam = r.getCamera();
  const frames: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < 30; i++) {
    const k = i / 30;
    cam.setState({ x: 0.5 + 0.2 * Math.sin(k * Math.PI * 2), y: 0.5 + 0.2 * Math.cos(k * Math.PI * 2), ratio: 1 - 0.7 * Math.sin(k * Math.PI) });
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { mean: s.reduce((a, b) => a + b, 0) / s.length, median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]!, max: s[s.length - 1]! };
  };
  return { version, mode, nodes: g.order, edges: g.size, firstRenderMs: firstRender, refreshMs: stats(refresh), frameMs: stats(frames) };
}

run()
  .then((res) => ((window as unknown as { benchResult: unknown }).benchResult = res))
  .catch((e) => ((window as unknown as { benchResult: unknown }).benchResult = { error: String(e?.stack ?? e) }));
