/**
 * The one citation renderer: a quote of the report, its section, and "Read in context",
 * which opens the report reader scrolled to the passage with it highlighted. Every view that
 * shows a citation (details, answers, path explanations, tours, quiz, matrix, changes) uses
 * this, so they look and behave alike.
 *
 * The badge slot (`.evidence-slot`) holds the evidence level of the fact the citation
 * supports (stated / attributed / inferred) when the caller knows it.
 */
import type { Source } from '../../../server/stores/types';
import { h } from './dom';
import { rt } from './report-i18n';

export interface CitationOptions {
  /** The evidence level of the cited fact, shown in the badge slot. */
  evidence?: string | undefined;
}

type Reader = (s: Source) => void;
let reader: Reader | undefined;

/** The shell registers how to open the reader at a citation (once, at start-up). */
export function setCitationReader(open: Reader): void {
  reader = open;
}

/** Opens the reader at this citation (what "Read in context" does). */
export function readInContext(s: Source): void {
  reader?.(s);
}

export function citation(s: Source, opts: CitationOptions = {}): HTMLElement {
  const slot = h('span', { class: 'evidence-slot' });
  if (opts.evidence) {
    slot.dataset['evidence'] = opts.evidence;
    slot.textContent = opts.evidence;
  }
  const excerpt = s.quote.length > 24 ? `${s.quote.slice(0, 24)}…` : s.quote;
  return h(
    'blockquote',
    { class: 'citation' },
    h('p', {}, `“${s.quote}”`),
    h(
      'footer',
      {},
      `— ${s.section}`,
      slot,
      h(
        'button',
        {
          type: 'button',
          class: 'link read-in-context',
          'aria-label': rt('report.readInContextLabel', { quote: excerpt }),
          onclick: () => readInContext(s),
        },
        rt('report.readInContext'),
      ),
    ),
  );
}
