/// <reference lib="webworker" />
/** Web worker running the deterministic layout off the main thread. */
import { computeForceLayout, type LayoutInput } from './force-layout';

self.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const positions = computeForceLayout(e.data.input);
  (self as unknown as Worker).postMessage({ id: e.data.id, positions });
};
