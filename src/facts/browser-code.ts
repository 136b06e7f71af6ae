import type { FileFacts } from './types.js';

/** Folders whose JS is served to browsers as is (static files, vendored bundles), not run by the server. */
const BROWSER_ASSET_PATH = /(?:^|\/)(?:static|public|assets|vendor|vendors|www|htdocs|wwwroot)\//;

/** A file under a static/vendor folder: served as is, never resolved or installed by the app's build. */
export function isStaticAsset(path: string): boolean {
  return BROWSER_ASSET_PATH.test(path);
}

/**
 * JS/TS that runs in a browser: under a static/vendor folder, or code that touches `document`,
 * `window` or `localStorage`. Server-side checks (module resolution, dependencies, timeouts) skip it.
 */
export function isBrowserCode(facts: FileFacts): boolean {
  if (facts.kind !== 'javascript' && facts.kind !== 'typescript') return false;
  return BROWSER_ASSET_PATH.test(facts.path) || facts.source?.code?.usesBrowserGlobals === true;
}
