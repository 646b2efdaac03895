/**
 * Canvas labels: long rule titles are shortened so the graph stays readable; the full
 * title is in the hover tooltip and the details panel.
 *
 * Width is counted in "units": a CJK character is 2, anything else 1, so 14 Chinese
 * characters and 28 Latin letters take about the same room.
 */
export const MAX_LABEL_UNITS = 28;

function charUnits(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  // CJK ideographs, punctuation, fullwidth forms, kana, hangul.
  return cp >= 0x2e80 ? 2 : 1;
}

export function shortenLabel(text: string, maxUnits = MAX_LABEL_UNITS): string {
  const t = text.trim();
  let units = 0;
  let out = '';
  for (const ch of t) {
    const u = charUnits(ch);
    if (units + u > maxUnits) return `${out.replace(/[\s《（(]+$/u, '')}…`;
    units += u;
    out += ch;
  }
  return out;
}
