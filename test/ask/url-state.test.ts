/** The question in words and the chosen reading in the URL: parsed, validated, written back. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlState, writeUrlState } from '../../client/src/state/url-state';

describe('ask in the URL state', () => {
  it('round-trips the words and the reading', () => {
    const ask = { text: '2016年9月谁在监管网贷', reading: { kind: 'regulators', params: { segment: 'segment:p2p-lending', asOf: '2016-09' } } };
    const qs = writeUrlState({ ...DEFAULT_URL_STATE, ask });
    expect(qs).toContain('reading=regulators;segment=segment:p2p-lending;asOf=2016-09');
    expect(parseUrlState(qs).ask).toEqual(ask);
  });

  it('keeps the words alone, and drops an invalid reading or over-long words', () => {
    expect(parseUrlState('?ask=who%20regulates%20P2P').ask).toEqual({ text: 'who regulates P2P', reading: null });
    expect(parseUrlState('?reading=drop;table=x').ask).toBeUndefined();
    expect(parseUrlState('?reading=regulators;segment=<script>').ask).toBeUndefined();
    expect(parseUrlState(`?ask=${'x'.repeat(201)}`).ask).toBeUndefined();
    expect(writeUrlState({ ...DEFAULT_URL_STATE, ask: { text: null, reading: { kind: 'bogus', params: {} } } })).toBe('');
  });
});
