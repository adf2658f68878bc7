// Debian's chromium, as every browser test in the repository starts it: the path (CHROMIUM_PATH overrides it) and
// the flags that keep it headless, off the network and quiet on a CI machine. Plain data, so a test may spawn the
// binary itself (core's, which has no playwright dependency) or hand both to playwright-core (the example's e2e).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
