/** A PEP 508 requirement (`name[extra] >=1.0 ; marker`, `name @ url`) taken apart. */
export interface Requirement {
  name: string;
  extras: string[];
  /** Version specifiers or the URL, as written ('' when none). */
  spec: string;
  marker?: string;
  source?: 'url' | 'path' | 'vcs';
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*/;

/** Parses one requirement string; undefined when it does not start with a distribution name. */
export function parseRequirement(text: string): Requirement | undefined {
  const semicolon = markerStart(text);
  const main = semicolon === -1 ? text : text.slice(0, semicolon);
  const marker = semicolon === -1 ? undefined : text.slice(semicolon + 1).trim();
  const match = NAME.exec(main);
  if (!match) return undefined;
  const rest = main.slice(match[0].length).trim();
  const requirement: Requirement = { name: match[1] as string, extras: (match[2] ?? '').split(',').map((extra) => extra.trim()).filter(Boolean), spec: rest };
  if (rest.startsWith('@')) {
    requirement.spec = rest.slice(1).trim();
    requirement.source = /^(?:git|hg|svn|bzr)\+/.test(requirement.spec) ? 'vcs' : /^file:/.test(requirement.spec) ? 'path' : 'url';
  } else if (rest !== '' && !/^[<>=!~(]/.test(rest)) return undefined;
  if (marker) requirement.marker = marker;
  return requirement;
}

/** `;` that starts a marker (a URL may contain `;` only when followed by a space, per PEP 508). */
function markerStart(text: string): number {
  const at = text.indexOf(';');
  if (at === -1) return -1;
  if (text.includes('://') && text.indexOf('://') < at && !/\s;|;\s/.test(text.slice(at - 1, at + 2))) return -1;
  return at;
}

/** PEP 503 normalized distribution name: `Flask_SQLAlchemy` -> `flask-sqlalchemy`. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
