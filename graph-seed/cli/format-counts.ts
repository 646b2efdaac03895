/** `  Agency  12` lines for the CLIs' summaries; zero counts are kept so gaps show. */
export function formatCounts(counts: Record<string, number>): string {
  const width = Math.max(0, ...Object.keys(counts).map((k) => k.length));
  return Object.entries(counts)
    .map(([k, n]) => `  ${k.padEnd(width)}  ${n}`)
    .join('\n');
}
