import type { FileKind } from '../../model/file-kind.js';
import { composeFacts } from './compose-facts.js';
import { dockerfileFacts } from './dockerfile-facts.js';
import type { ManifestExtraction } from './manifest.js';
import { platformExtraction, readAppJson, readNixpacks, readRailway, readVercel } from './platform-facts.js';
import { readFly, readRender } from './render-fly-facts.js';
import { replitNixFacts } from './replit-extra-facts.js';
import { asRecord } from './structured-document.js';
import { isSupervisordConfig, supervisordFacts, systemdFacts } from './supervisord-facts.js';

const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/;
const HEROKU_KEYS = ['env', 'scripts', 'formation', 'buildpacks', 'addons', 'stack'];

/**
 * Deployment manifests the config stage reads, chosen by kind and file name. Undefined for every
 * other file (a `.conf` that is not supervisord's, an Expo `app.json`).
 */
export function extractDeploymentManifest(kind: FileKind, path: string, text: string): ManifestExtraction | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  switch (kind) {
    case 'dockerfile':
      return dockerfileFacts(text);
    case 'replit-nix':
      return replitNixFacts(text);
    case 'systemd':
      return name.endsWith('.service') ? systemdFacts(text) : undefined;
    case 'ini':
      return isSupervisordConfig(path, text) ? supervisordFacts(text) : undefined;
    case 'yaml':
      if (COMPOSE_FILE.test(name)) return composeFacts(text);
      return name === 'render.yaml' || name === 'render.yml' ? platformExtraction('yaml', text, readRender) : undefined;
    case 'toml':
      if (name === 'railway.toml') return platformExtraction('toml', text, readRailway);
      if (name === 'fly.toml') return platformExtraction('toml', text, readFly);
      return name === 'nixpacks.toml' ? platformExtraction('toml', text, readNixpacks) : undefined;
    case 'json':
      if (name === 'railway.json') return platformExtraction('json', text, readRailway);
      if (name === 'vercel.json') return platformExtraction('json', text, readVercel);
      return name === 'app.json' ? herokuAppJson(text) : undefined;
    default:
      return undefined;
  }
}

/** `app.json` is also Expo's and others': read it as Heroku's only when it looks like one (or is broken). */
function herokuAppJson(text: string): ManifestExtraction | undefined {
  const extraction = platformExtraction('json', text, readAppJson);
  if (extraction.problems.length > 0) return extraction;
  let root: Record<string, unknown> | undefined;
  try {
    root = asRecord(JSON.parse(text));
  } catch {
    root = undefined;
  }
  return root && HEROKU_KEYS.some((key) => key in root) && !('expo' in root) ? extraction : undefined;
}
