/**
 * Preloaded into the server only by the soak run (`node --expose-gc --import tsx --import
 * ./bench/soak/memory-hook.ts server/main.ts`, as a forked child): on the IPC message
 * "memory" it collects garbage and answers with process.memoryUsage(). Nothing of it is in
 * the server's code or routes, so production cannot reach it.
 */
export {};

const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: unknown) => {
  if (message !== 'memory' || !process.send) return;
  // Several passes: the first frees objects whose finalisers free more.
  for (let i = 0; i < 4; i++) collect?.();
  process.send({ type: 'memory', gcAvailable: collect !== undefined, ...process.memoryUsage() });
});
// The IPC channel must not keep the server alive when it shuts down.
process.channel?.unref();
