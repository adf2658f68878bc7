/** Debian's chromium (`/usr/bin/chromium`), or CHROMIUM_PATH. */
export const CHROMIUM_PATH: string;
/** Headless, no sandbox, no GPU, no background networking, component updates or sync. */
export const CHROMIUM_FLAGS: readonly string[];
