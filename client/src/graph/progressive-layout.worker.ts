/// <reference lib="webworker" />
/**
 * Progressive ForceAtlas2 in a module worker (same origin, so it passes the strict
 * Content-Security-Policy): graphology's own iteration function on its flat matrices, run
 * in slices so 'stop' messages get through, within the time and iteration budget the main
 * thread sends. Positions go back as one transferred Float32Array (x, y per node) at most
 * every `updateEveryMs`, and only after the main thread acknowledged the previous one, so
 * updates never queue up on a busy main thread.
 */
// @ts-expect-error: the package ships no types for its internal iteration module.
import iterateImport from 'graphology-layout-forceatlas2/iterate.js';
import type { ProgressiveMessage, ProgressiveReply } from './progressive-protocol';

type Iterate = (settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => void;
const iterate = iterateImport as Iterate;
const PPN = 10; // floats per node in graphology's FA2 node matrix

interface Run {
  id: number;
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, unknown>;
  maxMs: number;
  maxIterations: number;
  updateEveryMs: number;
  started: number;
  iterations: number;
  awaitingAck: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

let run: Run | null = null;
const post = (reply: ProgressiveReply, transfer: Transferable[]): void => (self as unknown as Worker).postMessage(reply, transfer);

function send(r: Run, done: boolean): void {
  const n = r.nodes.length / PPN;
  const xy = new Float32Array(n * 2);
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    xy[2 * i] = r.nodes[j]!;
    xy[2 * i + 1] = r.nodes[j + 1]!;
  }
  r.awaitingAck = !done;
  post({ type: 'positions', id: r.id, xy, iterations: r.iterations, elapsedMs: performance.now() - r.started, done }, [xy.buffer]);
}

function finish(r: Run): void {
  clearTimeout(r.timer);
  send(r, true);
  run = null;
}

function slice(): void {
  const r = run;
  if (!r) return;
  const sliceStart = performance.now();
  let dirty = false;
  do {
    iterate(r.settings, r.nodes, r.edges);
    r.iterations++;
    dirty = true;
    if (r.iterations >= r.maxIterations || performance.now() - r.started >= r.maxMs) {
      finish(r);
      return;
    }
  } while (performance.now() - sliceStart < r.updateEveryMs);
  if (dirty && !r.awaitingAck) send(r, false);
  r.timer = setTimeout(slice, 0);
}

self.onmessage = (e: MessageEvent<ProgressiveMessage>) => {
  const m = e.data;
  if (m.type === 'start') {
    if (run) clearTimeout(run.timer);
    run = {
      id: m.id,
      nodes: new Float32Array(m.nodes),
      edges: new Float32Array(m.edges),
      settings: m.settings,
      maxMs: m.budget.maxMs,
      maxIterations: m.budget.maxIterations,
      updateEveryMs: m.budget.updateEveryMs,
      started: performance.now(),
      iterations: 0,
      awaitingAck: false,
      timer: undefined,
    };
    run.timer = setTimeout(slice, 0);
  } else if (m.type === 'ack') {
    if (run && run.id === m.id) run.awaitingAck = false;
  } else if (m.type === 'stop') {
    if (run && run.id === m.id) finish(run);
  }
};
