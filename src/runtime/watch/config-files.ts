import { posix } from 'node:path';

const KNOWN_CONFIG_NAMES = new Set([
  '.replit', 'replit.nix', 'package.json', 'tsconfig.json', 'pyproject.toml', 'setup.cfg', 'Procfile', 'Dockerfile', 'fly.toml', 'render.yaml',
  'railway.json', 'railway.toml', 'nixpacks.toml', 'vercel.json', 'app.json', 'supervisord.conf', '.liveready.yaml', '.liveready.yml', '.liveready.json',
]);
const CONFIG_WORDS = /(config|settings|conf|secrets?|credentials|env|options|appsettings|manifest)/i;

/**
 * Is this a configuration or env file, which the app must never rewrite at runtime? `.env*`,
 * `.replit` and known manifests always; YAML/TOML/INI/CFG/CONF always (they are config far more
 * often than data); JSON only when its name says config (`config.json`, `settings.prod.json`),
 * since apps keep data in JSON files too.
 */
export function isConfigFile(path: string): boolean {
  const name = posix.basename(path);
  if (KNOWN_CONFIG_NAMES.has(name) || /^\.env(\..*)?$/.test(name) || name.endsWith('.env')) return true;
  if (/\.(ya?ml|toml|ini|cfg|conf)$/i.test(name)) return true;
  if (/\.json5?$/i.test(name)) return CONFIG_WORDS.test(name.replace(/\.json5?$/i, ''));
  return false;
}
