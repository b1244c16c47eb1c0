// Headless Chromium as every script here starts it: Debian's /usr/bin/chromium (or $CHROMIUM)
// driven by playwright-core, with nothing that phones home. Used by the browser tests, the page
// and compare benchmarks, the screenshots and the core's wasm benchmark.
import { chromium } from "playwright-core";

export const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A browser (no profile kept). */
export const launch = () => chromium.launch({ executablePath, args });

/** A browser with a profile in `dir` (service workers and storage persist in it). */
export const launchPersistent = (dir, options) =>
  chromium.launchPersistentContext(dir, { executablePath, headless: true, args, ...options });

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
