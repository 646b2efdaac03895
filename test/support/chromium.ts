/**
 * Where Debian's Chromium is and how it is started headless here, for the e2e tests and the
 * client benchmark alike. The background-networking flags matter: this machine's network is
 * closed, and without them Chromium keeps opening connections that are refused.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
