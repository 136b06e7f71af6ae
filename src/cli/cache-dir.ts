import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the facts cache lives: --cache-dir, else LIVEREADY_CACHE_DIR, else the platform's user
 * cache directory ($XDG_CACHE_HOME or ~/.cache on Linux and macOS, %LOCALAPPDATA% on Windows).
 * Never inside the audited tree, which liveready does not write to.
 */
export function resolveCacheDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string | false {
  if (explicit) return resolve(explicit);
  if (env.LIVEREADY_CACHE_DIR) return resolve(env.LIVEREADY_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || safeHome();
  return base ? join(base, 'liveready') : false;
}

function safeHome(): string | undefined {
  try {
    const home = homedir();
    return home ? join(home, '.cache') : undefined;
  } catch {
    return undefined;
  }
}
