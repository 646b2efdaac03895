/**
 * Timing and summary helpers shared by the benchmark scripts. Percentiles are nearest-rank
 * over every sample (no interpolation, no outlier trimming): p99 of 200 samples is the
 * 198th smallest.
 */
export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export interface MeasureOptions {
  /** Calls before timing starts (JIT, caches, connection pools). */
  warmup: number;
  /** Timed calls (each gets its own input index). */
  iterations: number;
  /** Stop early once this much time has been spent timing (at least 20 samples are kept). */
  budgetMs?: number;
}

/** Times `fn(i)` call by call, sequentially; returns milliseconds per call. */
export async function measure(fn: (i: number) => unknown, opts: MeasureOptions): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = performance.now();
    await fn(opts.warmup + i);
    samples.push(performance.now() - t0);
    if (opts.budgetMs !== undefined && samples.length >= 20 && performance.now() - started > opts.budgetMs) break;
  }
  return samples;
}

/** `0.123` → `0.12`, `12.3` → `12.3`, `1234` → `1234`. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x < 1) return x.toFixed(3);
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return x.toFixed(0);
}

export function num(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Decimal units (kB = 1000 B), as the bundle target is stated. */
export function bytes(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a < 1000) return `${x.toFixed(0)} B`;
  if (a < 1e6) return `${(x / 1e3).toFixed(1)} kB`;
  if (a < 1e9) return `${(x / 1e6).toFixed(1)} MB`;
  return `${(x / 1e9).toFixed(2)} GB`;
}

export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

/** A target beside a figure: `≤ 2 ms PASS` / `≤ 2 ms MISS`. */
export function verdict(target: string, pass: boolean | undefined): string {
  if (pass === undefined) return `${target} (n/a)`;
  return `${target} ${pass ? 'PASS' : '**MISS**'}`;
}

/** Runs the garbage collector when node was started with --expose-gc (the bench scripts are). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}
