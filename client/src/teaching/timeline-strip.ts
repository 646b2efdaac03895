/**
 * Timeline strip with the "as of" control: the development phases as bands (one lane
 * each, so overlaps show), rules and events as dated markers (hover or focus shows the
 * rule, click selects it), and a slider with playback that sets the date the rest of the
 * app shows the landscape at. Undated rules have no marker: they stay visible on every date.
 *
 * The date is the app state's (`asOf`): the slider and playback set it through the app's
 * action, and the strip redraws from the state whoever set it (a tour step, a link, the
 * filters), so nothing here keeps a copy to keep in step.
 */
import { api, type ApiNode, type TimelineAnswer } from '../api/client';
import { asOf as asOfOf, type Store } from '../state/app-state';
import { append, clear, h } from '../ui/dom';
import { formatDate, nodeName, onLangChange, t } from '../i18n/index';
import { LABEL_COLORS } from '../graph/palette';
import { errorBlock, type TeachActions } from './common';
import { dateEndKey, dateVisibleAsOf } from '../../../graph-seed/dates';

export interface TimelineStrip {
  readonly el: HTMLElement;
  destroy(): void;
}

/** Milliseconds of the start of an ISO prefix (`2016` → 1 Jan 2016). */
function startMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
}

/** The month index of an ISO date counted from January of `startYear`. */
function monthIndex(date: string, startYear: number): number {
  const [y, m] = date.split('-').map(Number);
  return (y! - startYear) * 12 + ((m ?? 12) - 1);
}

function monthDate(i: number, startYear: number): string {
  const y = startYear + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Later than `asOf` by the server's own rule (graph-seed/dates.ts). */
function afterAsOf(date: string, asOf: string): boolean {
  return !dateVisibleAsOf(date, dateEndKey(asOf));
}

export function timelineStrip(store: Store, actions: TeachActions): TimelineStrip {
  const root = h('section', { class: 'timeline-strip', 'aria-labelledby': 'timeline-heading' });
  let data: TimelineAnswer | null = null;
  let error: unknown = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let startYear = 2003;
  let endYear = 2016;
  let months = 0;

  const tooltip = h('div', { class: 'tl-tooltip', role: 'tooltip', id: 'tl-tooltip', hidden: true });
  const slider = h('input', { type: 'range', class: 'tl-slider', min: '0', step: '1', id: 'tl-slider' });
  const output = h('output', { class: 'tl-output', for: 'tl-slider' });
  const playBtn = h('button', { type: 'button', class: 'tl-play' });
  const clearBtn = h('button', { type: 'button', class: 'tl-clear' });
  const canvas = h('div', { class: 'tl-canvas' });

  slider.addEventListener('input', () => {
    // Read the new value before anything redraws the slider from the old date.
    const i = Number(slider.value);
    halt();
    change(i >= months ? null : monthDate(i, startYear));
  });
  playBtn.addEventListener('click', () => (timer ? stop() : play()));
  clearBtn.addEventListener('click', () => {
    stop();
    change(null);
  });

  function setFromSlider(): void {
    const i = Number(slider.value);
    change(i >= months ? null : monthDate(i, startYear));
  }

  /** The app state changes, and `update` (watching it) redraws. */
  function change(date: string | null): void {
    actions.setAsOf(date);
  }

  /** Playback: one month a tick, lingering on months where something happened. */
  function play(): void {
    if (!data) return;
    const asOf = asOfOf(store.get());
    const eventMonths = new Set(data.rules.map((r) => monthIndex(r.date!, startYear)));
    let i = asOf === null ? 0 : Math.min(Number(slider.value) + 1, months);
    if (asOf !== null && i >= months) i = 0;
    const tick = (): void => {
      slider.value = String(i);
      setFromSlider();
      if (i >= months) return stop();
      const linger = eventMonths.has(i);
      i++;
      timer = setTimeout(tick, linger ? 900 : 60);
    };
    timer = setTimeout(tick, 0);
    update();
  }

  function halt(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function stop(): void {
    halt();
    update();
  }

  /** The parts that change with the date: slider, readout, buttons, the as-of line, dimmed markers. */
  function update(): void {
    if (!data) return;
    const asOf = asOfOf(store.get());
    slider.value = String(asOf === null ? months : Math.max(0, Math.min(months, monthIndex(asOf, startYear))));
    const text = asOf === null ? t('time.asOfAll') : t('time.asOfValue', { date: formatDate(asOf) });
    output.textContent = text;
    slider.setAttribute('aria-valuetext', text);
    playBtn.textContent = timer ? `⏸ ${t('time.pause')}` : `▶ ${t('time.play')}`;
    playBtn.setAttribute('aria-pressed', String(timer !== null));
    clearBtn.textContent = t('time.clear');
    clearBtn.disabled = asOf === null;
    const line = canvas.querySelector<HTMLElement>('.tl-asof-line');
    if (line) {
      line.hidden = asOf === null;
      if (asOf !== null) line.style.left = `${Math.min(100, endPos(asOf))}%`;
    }
    for (const m of canvas.querySelectorAll<HTMLElement>('.tl-marker')) {
      m.classList.toggle('later', asOf !== null && afterAsOf(m.dataset['date']!, asOf));
    }
  }

  /**
   * A piecewise-linear axis: the years before the first dated rule (the early phases) get
   * BREAK percent of the width, the years with rules the rest, so close dates stay apart.
   */
  let breakYear = startYear;
  const BREAK = 34;
  const posMs = (ms: number): number => {
    const t0 = Date.UTC(startYear, 0, 1);
    const tb = Date.UTC(breakYear, 0, 1);
    const t1 = Date.UTC(endYear + 1, 0, 1);
    if (breakYear <= startYear + 1) return ((ms - t0) / (t1 - t0)) * 100;
    return ms < tb ? ((ms - t0) / (tb - t0)) * BREAK : BREAK + ((ms - tb) / (t1 - tb)) * (100 - BREAK);
  };
  const pos = (date: string): number => posMs(startMs(date));

  /** Where the period of an asOf ends: after its day, its month or its year. */
  function endPos(date: string): number {
    const [y, m, d] = date.split('-').map(Number);
    return posMs(d !== undefined ? Date.UTC(y!, m! - 1, d + 1) : m !== undefined ? Date.UTC(y!, m, 1) : Date.UTC(y! + 1, 0, 1));
  }

  function phaseBand(p: ApiNode, lane: number): HTMLElement {
    const from = p.startYear ?? startYear;
    const to = p.endYear ?? endYear;
    const left = pos(String(from));
    const right = pos(String(to + 1));
    const fromText = p.startYear === undefined ? '' : String(p.startYear);
    const toText = p.endYear === undefined ? t('time.now') : String(p.endYear);
    const label = p.startYear === undefined ? `${nodeName(p)}, ${t('time.before', { year: (p.endYear ?? 0) + 1 })}` : t('time.phase', { name: nodeName(p), from: fromText, to: toText });
    return h(
      'button',
      {
        type: 'button',
        class: `tl-phase lane-${lane}`,
        style: `left:${left}%;width:${right - left}%;top:${1.6 + lane * 1.9}rem`,
        title: label,
        'aria-label': label,
        'data-id': p.id,
        onclick: () => actions.selectNode(p.id),
      },
      h('span', {}, nodeName(p)),
    );
  }

  function render(): void {
    clear(root);
    clear(canvas);
    append(root, h('h2', { id: 'timeline-heading' }, t('time.heading')));
    if (error) return void root.append(errorBlock(error, () => void load()));
    if (!data) return void root.append(h('p', { class: 'muted' }, t('teach.loading')));

    // Year ticks: on the compressed early part only the years a phase begins,
    // then every year (and mid-year).
    const phaseYears = new Set(data.phases.flatMap((p) => (p.startYear === undefined ? [] : [p.startYear])));
    for (let y = startYear; y <= endYear + 1; y++) {
      const early = y < breakYear;
      if (early && !phaseYears.has(y)) continue;
      const cls = `tl-tick${y === startYear ? ' first' : ''}${y === endYear + 1 ? ' last' : ''}`;
      canvas.append(h('span', { class: cls, style: `left:${pos(String(y))}%` }, String(y)));
      if (!early && y <= endYear) canvas.append(h('span', { class: 'tl-tick minor', style: `left:${pos(`${y}-07`)}%`, 'aria-hidden': 'true' }));
    }
    data.phases.forEach((p, i) => canvas.append(phaseBand(p, i)));

    // Markers: stacked in rows so close dates do not overlap (about 3% of the width apart).
    const top = 1.6 + data.phases.length * 1.9 + 0.6;
    const rowsEnd: number[] = [];
    for (const r of data.rules) {
      const x = pos(r.date!);
      let row = rowsEnd.findIndex((end) => end <= x - 3);
      if (row === -1) row = rowsEnd.length;
      rowsEnd[row] = x;
      const label = t('time.rule', { name: nodeName(r), date: formatDate(r.date!) });
      const marker = h('button', {
        type: 'button',
        class: `tl-marker ${r.label === 'Event' ? 'event' : 'rule'}`,
        style: `left:${x}%;top:${top + row * 1.25}rem;--marker:${LABEL_COLORS[r.label]}`,
        'aria-label': label,
        'aria-describedby': 'tl-tooltip',
        'data-id': r.id,
        'data-date': r.date!,
      });
      const showTip = (): void => {
        tooltip.textContent = label;
        tooltip.hidden = false;
        tooltip.style.left = `${Math.min(x, 70)}%`;
        tooltip.style.top = `${top + row * 1.25 + 1.2}rem`;
      };
      marker.addEventListener('mouseenter', showTip);
      marker.addEventListener('focus', showTip);
      marker.addEventListener('mouseleave', () => (tooltip.hidden = true));
      marker.addEventListener('blur', () => (tooltip.hidden = true));
      marker.addEventListener('click', () => actions.selectNode(r.id));
      canvas.append(marker);
    }
    canvas.style.height = `${top + Math.max(1, rowsEnd.length) * 1.25 + 2.4}rem`;
    canvas.append(h('div', { class: 'tl-asof-line', hidden: true, 'aria-hidden': 'true' }), tooltip);

    slider.max = String(months);
    slider.setAttribute('aria-label', t('time.asOf'));
    append(
      root,
      h('div', { class: 'tl-scroll', role: 'group', 'aria-label': t('time.label') }, canvas),
      h(
        'p',
        { class: 'tl-legend small muted' },
        h('span', { class: 'tl-key rule', style: `background:${LABEL_COLORS.Rule}`, 'aria-hidden': 'true' }),
        ` ${t('label.Rule')}  `,
        h('span', { class: 'tl-key event', style: `background:${LABEL_COLORS.Event}`, 'aria-hidden': 'true' }),
        ` ${t('label.Event')}`,
      ),
      h('div', { class: 'tl-controls' }, h('label', { for: 'tl-slider' }, t('time.asOf')), slider, output),
      h('div', { class: 'tl-buttons' }, playBtn, clearBtn),
      h('p', { class: 'muted small' }, t('time.hint'), ' ', t('time.undated')),
    );
    update();
  }

  async function load(): Promise<void> {
    error = null;
    render();
    try {
      const answer = await api.timeline();
      const dated = answer.rules.filter((r) => r.date);
      const years = [
        ...answer.phases.flatMap((p) => [p.startYear, p.endYear].filter((y): y is number => y !== undefined)),
        ...dated.map((r) => Number(r.date!.slice(0, 4))),
      ];
      startYear = Math.min(...years) - 1;
      endYear = Math.max(...dated.map((r) => Number(r.date!.slice(0, 4))), ...years);
      months = (endYear - startYear + 1) * 12;
      breakYear = Math.min(...dated.map((r) => Number(r.date!.slice(0, 4))));
      data = { phases: answer.phases, rules: dated };
    } catch (e) {
      error = e;
    }
    render();
  }

  const offLang = onLangChange(() => render());
  const offDate = store.watch(['dateTo'], update);
  void load();
  return {
    el: root,
    destroy() {
      stop();
      offLang();
      offDate();
      root.remove();
    },
  };
}
