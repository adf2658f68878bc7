// Debian's chromium for the end-to-end tests, driven by playwright-core (never a browser download), launched with
// the repository's chromium flags (@livechatai/config/chromium).
import { existsSync } from 'node:fs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '@livechatai/config/chromium';
import { chromium, type Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The end-to-end tests drive Debian's chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
}
