/**
 * The agency × segment matrix as a real table: column and row headers, sortable by a
 * button in each header (with `aria-sort`), keyboard navigation between cells (arrow keys,
 * Home/End, roving tabindex), each cell a button with the rule count and titles that shows
 * its subgraph, and a client-side CSV download.
 *
 * A cell's rules: those regulating the segment itself, and (marked ↑) those regulating a
 * narrower segment, rolled up (the API's `rollup`).
 */
import { api, type ApiNode, type MatrixAnswer, type MatrixCell } from '../api/client';
import { asOf as asOfOf, type Store } from '../state/app-state';
import { append, clear, h } from '../ui/dom';
import { formatDate, nodeName, onLangChange, t } from '../i18n/index';
import { csvField, downloadText, errorBlock, type TeachActions } from './common';
import { citation } from '../ui/citation';
import { compareWithButton } from '../ui/compare-open';

export interface MatrixView {
  readonly el: HTMLElement;
  destroy(): void;
}

/** Sort key: the agency name, the total, or one segment column; descending counts, ascending names. */
type Sort = { by: 'agency'; dir: 'ascending' } | { by: 'total' | string; dir: 'descending' };

interface CellInfo {
  cell: MatrixCell | undefined;
  rules: string[];
  /** Rules of a broader segment (regulated through a parent): shown apart, not counted. */
  through: string[];
}

/** Loads the matrix at the app's date, again whenever that date changes. */
export function matrixView(store: Store, actions: TeachActions): MatrixView {
  const root = h('section', { class: 'matrix-view', 'aria-labelledby': 'matrix-heading' });
  let data: MatrixAnswer | null = null;
  /** The date `data` answers for (the app's date when it was asked). */
  let asOf: string | null = null;
  let error: unknown = null;
  let sort: Sort = { by: 'total', dir: 'descending' };
  let active: [number, number] = [0, 0];
  let request: AbortController | null = null;
  /** Where the report says so for the chosen cell: its ISSUED and REGULATES citations. */
  const cellSources = h('div', { class: 'matrix-cell-sources', 'aria-live': 'polite' });

  const ruleById = () => new Map((data?.rules ?? []).map((r) => [r.id, r]));

  function info(agency: string, segment: string): CellInfo {
    const cell = data!.cells.find((c) => c.agency === agency && c.segment === segment);
    const rules = cell ? [...new Set([...cell.rules, ...cell.rollup.map((r) => r.rule)])] : [];
    const through = cell ? [...new Set((cell.through ?? []).map((r) => r.rule))].filter((id) => !rules.includes(id)) : [];
    return { cell, rules, through };
  }
  const total = (agency: string): number =>
    new Set(data!.cells.filter((c) => c.agency === agency).flatMap((c) => [...c.rules, ...c.rollup.map((r) => r.rule)])).size;

  function rows(): ApiNode[] {
    const list = [...data!.agencies];
    const by = sort.by;
    if (by === 'agency') return list.sort((a, b) => nodeName(a).localeCompare(nodeName(b), 'zh-CN'));
    const count = (a: ApiNode) => (by === 'total' ? total(a.id) : info(a.id, by).rules.length);
    // Stable: ties keep the server's order (most rules first, then name).
    return list.map((a, i) => ({ a, i })).sort((x, y) => count(y.a) - count(x.a) || x.i - y.i).map((x) => x.a);
  }

  function cellIds(agency: ApiNode, segment: ApiNode, ci: CellInfo): string[] {
    return [agency.id, segment.id, ...ci.rules, ...ci.through, ...(ci.cell?.rollup.map((r) => r.via) ?? []), ...(ci.cell?.through?.map((r) => r.via) ?? [])];
  }

  function showCellSources(agency: ApiNode, segment: ApiNode, ci: CellInfo): void {
    clear(cellSources);
    // A segment regulated through its parent shows its parent's rules' sources too.
    const shown = [...ci.rules, ...ci.through];
    if (!shown.length) return;
    const ends = new Set([segment.id, ...(ci.cell?.rollup.map((r) => r.via) ?? []), ...(ci.cell?.through?.map((r) => r.via) ?? [])]);
    const rels = data!.relationships.filter(
      (r) => shown.includes(r.type === 'ISSUED' ? r.target : r.source) && ((r.type === 'ISSUED' && r.source === agency.id) || (r.type === 'REGULATES' && ends.has(r.target))),
    );
    append(
      cellSources,
      h('h3', {}, `${nodeName(agency)} × ${nodeName(segment)}: ${t('teach.sources')}`),
      rels.map((r) => r.sources.slice(0, 1).map((src) => citation(src))),
    );
  }

  function sortButton(key: string, name: string): HTMLElement {
    const on = sort.by === key;
    return h(
      'button',
      {
        type: 'button',
        class: 'sort-button',
        'data-sort': key,
        'aria-label': t('matrix.sortBy', { name }),
        onclick: () => {
          sort = key === 'agency' ? { by: 'agency', dir: 'ascending' } : { by: key, dir: 'descending' };
          render();
        },
      },
      name,
      h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, on ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'),
    );
  }

  function renderTable(): HTMLElement {
    const segments = data!.segments;
    const rules = ruleById();
    const segmentName = new Map(segments.map((s) => [s.id, nodeName(s)]));
    const thSort = (key: string) => (sort.by === key ? sort.dir : 'none');
    const table = h(
      'table',
      { class: 'matrix-table' },
      h(
        'caption',
        {},
        t('matrix.caption', { asOf: asOf ? t('matrix.captionAsOf', { date: formatDate(asOf) }) : '' }),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', 'aria-sort': thSort('agency') }, sortButton('agency', t('matrix.agency'))),
          segments.map((s) => h('th', { scope: 'col', 'aria-sort': thSort(s.id), 'data-segment': s.id }, sortButton(s.id, nodeName(s)))),
          h('th', { scope: 'col', 'aria-sort': thSort('total') }, sortButton('total', t('matrix.total'))),
        ),
      ),
    );
    const body = h('tbody');
    const ordered = rows();
    active = [Math.min(active[0], ordered.length - 1), Math.min(active[1], segments.length - 1)];
    ordered.forEach((agency, r) => {
      const tr = h('tr', { 'data-agency': agency.id }, h('th', { scope: 'row' }, nodeName(agency)));
      segments.forEach((segment, c) => {
        const ci = info(agency.id, segment.id);
        const direct = new Set(ci.cell?.rules ?? []);
        const label = t('matrix.cell', { agency: nodeName(agency), segment: nodeName(segment), n: ci.rules.length });
        const btn = h(
          'button',
          {
            type: 'button',
            class: `matrix-cell${ci.rules.length ? '' : ' empty'}`,
            tabindex: r === active[0] && c === active[1] ? '0' : '-1',
            'data-row': r,
            'data-col': c,
            // A cell with rules is named by its own text (the rule names it shows) after a
            // hidden "agency · segment" prefix, so the accessible name contains the visible text.
            'aria-label': ci.rules.length || ci.through.length ? null : `${label} (${t('matrix.empty')})`,
            onclick: () => {
              active = [r, c];
              updateTabIndex(table);
              if (ci.rules.length || ci.through.length) actions.showSubgraph(cellIds(agency, segment, ci));
              showCellSources(agency, segment, ci);
            },
          },
          ci.rules.length
            ? [
                h('span', { class: 'sr-only' }, `${nodeName(agency)} · ${nodeName(segment)}: `),
                h('span', { class: 'matrix-count' }, String(ci.rules.length)),
                // Phrasing content only inside a button: spans shown as lines by CSS.
                h(
                  'span',
                  { class: 'matrix-rules' },
                  ci.rules.map((id) => {
                    const via = ci.cell?.rollup.filter((x) => x.rule === id).map((x) => segmentName.get(x.via) ?? x.via) ?? [];
                    return h(
                      'span',
                      { class: `matrix-rule ${direct.has(id) ? 'direct' : 'rollup'}`, title: nodeName(rules.get(id)!) },
                      nodeName(rules.get(id)!),
                      !direct.has(id) ? h('span', { class: 'via' }, ` ${t('matrix.rollupMark', { segment: via.join('、') })}`) : null,
                    );
                  }),
                ),
              ]
            : [
                ci.through.length ? h('span', { class: 'sr-only' }, `${nodeName(agency)} · ${nodeName(segment)}: `) : null,
                h('span', { class: 'matrix-count zero', 'aria-hidden': 'true' }, '·'),
              ],
          // Regulated through a parent: marked, in its own style, never counted with the rest.
          ci.through.length
            ? h(
                'span',
                { class: 'matrix-rules' },
                ci.through.map((id) => {
                  const via = ci.cell?.through?.filter((x) => x.rule === id).map((x) => segmentName.get(x.via) ?? x.via) ?? [];
                  return h(
                    'span',
                    { class: 'matrix-rule through', title: nodeName(rules.get(id)!) },
                    nodeName(rules.get(id)!),
                    h('span', { class: 'via' }, ` ${t('matrix.throughMark', { segment: via.join('、') })}`),
                  );
                }),
              )
            : null,
        );
        tr.append(h('td', { 'data-segment': segment.id }, btn));
      });
      tr.append(h('td', { class: 'matrix-total' }, String(total(agency.id))));
      body.append(tr);
    });
    table.append(body);
    table.addEventListener('keydown', (e) => onKey(e, table, ordered.length, segments.length));
    return table;
  }

  function updateTabIndex(table: HTMLElement): void {
    for (const b of table.querySelectorAll<HTMLButtonElement>('.matrix-cell')) {
      b.tabIndex = Number(b.dataset['row']) === active[0] && Number(b.dataset['col']) === active[1] ? 0 : -1;
    }
  }

  function onKey(e: KeyboardEvent, table: HTMLElement, nRows: number, nCols: number): void {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('matrix-cell')) return;
    let [r, c] = [Number(target.dataset['row']), Number(target.dataset['col'])];
    switch (e.key) {
      case 'ArrowRight': c = Math.min(nCols - 1, c + 1); break;
      case 'ArrowLeft': c = Math.max(0, c - 1); break;
      case 'ArrowDown': r = Math.min(nRows - 1, r + 1); break;
      case 'ArrowUp': r = Math.max(0, r - 1); break;
      case 'Home': c = 0; if (e.ctrlKey) r = 0; break;
      case 'End': c = nCols - 1; if (e.ctrlKey) r = nRows - 1; break;
      default: return;
    }
    e.preventDefault();
    active = [r, c];
    updateTabIndex(table);
    table.querySelector<HTMLElement>(`.matrix-cell[data-row="${r}"][data-col="${c}"]`)?.focus();
  }

  function exportCsv(): void {
    if (!data) return;
    const rules = ruleById();
    const lines = [[t('matrix.agency'), ...data.segments.map((s) => nodeName(s)), t('matrix.total')].map(csvField).join(',')];
    for (const a of rows()) {
      const cells = data.segments.map((s) => {
        const ci = info(a.id, s.id);
        return ci.rules.length ? `${ci.rules.length}: ${ci.rules.map((id) => nodeName(rules.get(id)!)).join('; ')}` : '0';
      });
      lines.push([nodeName(a), ...cells, total(a.id)].map(csvField).join(','));
    }
    // A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
    downloadText(`finreg-atlas-matrix${asOf ? `-${asOf}` : ''}.csv`, `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
  }

  function render(): void {
    const hadFocus = root.contains(document.activeElement) && document.activeElement?.classList.contains('sort-button')
      ? (document.activeElement as HTMLElement).dataset['sort']
      : undefined;
    clear(root);
    append(root, h('h2', { id: 'matrix-heading' }, t('matrix.heading')), h('p', { class: 'muted small' }, t('matrix.intro')));
    if (error) return void root.append(errorBlock(error, () => void load()));
    if (!data) return void root.append(h('p', { class: 'muted' }, t('teach.loading')));
    if (data.agencies.length === 0) return void root.append(h('p', {}, t('matrix.nothing')));
    append(
      root,
      h(
        'div',
        { class: 'matrix-tools' },
        h('button', { type: 'button', class: 'matrix-csv', onclick: exportCsv }, `⬇ ${t('matrix.csv')}`),
        // Compares the segment of the active cell (the one last clicked or reached by the arrow keys).
        compareWithButton(() => data?.segments[active[1]]),
      ),
      h('div', { class: 'matrix-scroll' }, renderTable()),
      h('p', { class: 'muted small' }, t('matrix.keys')),
      cellSources,
    );
    if (hadFocus) root.querySelector<HTMLElement>(`.sort-button[data-sort="${hadFocus}"]`)?.focus();
  }

  async function load(): Promise<void> {
    request?.abort();
    const ctrl = (request = new AbortController());
    error = null;
    const date = asOfOf(store.get());
    try {
      const m = await api.matrix(date, ctrl.signal);
      if (ctrl.signal.aborted) return;
      data = m;
      asOf = date;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      error = e;
    }
    render();
  }

  const offLang = onLangChange(() => render());
  render();
  const offDate = store.watch(['dateTo'], () => void load());
  return {
    el: root,
    destroy() {
      request?.abort();
      offLang();
      offDate();
      root.remove();
    },
  };
}
