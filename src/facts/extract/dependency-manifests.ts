import type { FileKind } from '../../model/file-kind.js';
import { parseJson } from '../../parsers/json.js';
import { parsePipfile, parsePyproject, parseSetupCfg } from '../../parsers/python-manifests.js';
import { parseRequirementsFile } from '../../parsers/requirements.js';
import type { ManifestFacts, TsconfigFacts } from '../manifest-types.js';
import type { ManifestExtraction } from './manifest.js';
import { parseSetupPy } from './setup-py.js';

/**
 * Dependency declarations and module-resolution settings, by file name: requirements*.txt,
 * pyproject.toml, Pipfile, setup.cfg, setup.py, tsconfig.json/jsconfig.json. Undefined for other files.
 */
export function extractDependencyManifest(path: string, kind: FileKind, text: string): ManifestExtraction | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // requirements/base.txt, dev-requirements.txt: named by `-r` includes, not by the usual pattern.
  const isRequirements = kind === 'requirements' || /(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/.test(path) || /requirements[^/]*\.(?:txt|in)$/i.test(name);
  if (isRequirements) {
    const parsed = parseRequirementsFile(text);
    return withLines({ type: 'python-dependencies', format: 'requirements', dependencies: parsed.dependencies, includes: parsed.includes }, parsed.problems);
  }
  if (name === 'pyproject.toml') return fromPython(parsePyproject(text));
  if (name === 'Pipfile') return fromPython(parsePipfile(text));
  if (name === 'setup.cfg') return fromPython(parseSetupCfg(text));
  if (name === 'setup.py') return fromPython(parseSetupPy(text));
  if (name === 'runtime.txt' || name === '.python-version') {
    const version = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
    return withLines({ type: 'python-dependencies', format: 'runtime', dependencies: [], includes: [], ...(version ? { pythonVersion: version } : {}) }, []);
  }
  if (/^(?:tsconfig|jsconfig)(?:\.[\w-]+)?\.json$/.test(name)) return tsconfigFacts(text);
  return undefined;
}

function fromPython(parsed: { facts: ManifestFacts; problems: ManifestExtraction['problems'] }): ManifestExtraction {
  return withLines(parsed.facts, parsed.problems);
}

function withLines(manifest: ManifestFacts, problems: ManifestExtraction['problems']): ManifestExtraction {
  const lines = new Set<number>();
  if (manifest.type === 'python-dependencies') {
    manifest.dependencies.forEach((dependency) => lines.add(dependency.line));
    manifest.includes.forEach((include) => lines.add(include.line));
  }
  return { manifest, problems, lines };
}

function tsconfigFacts(text: string): ManifestExtraction {
  const document = parseJson(text);
  const facts: TsconfigFacts = { type: 'tsconfig' };
  const data = document.data as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  if (typeof data?.extends === 'string') facts.extends = data.extends;
  const options = data?.compilerOptions;
  if (typeof options?.baseUrl === 'string') facts.baseUrl = options.baseUrl;
  if (options?.paths && typeof options.paths === 'object' && !Array.isArray(options.paths)) {
    const paths: Record<string, string[]> = {};
    for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
      if (Array.isArray(targets)) paths[pattern] = targets.filter((target): target is string => typeof target === 'string');
    }
    facts.paths = paths;
  }
  // tsconfig problems are reported by the config stage's manifest check, not here.
  return { manifest: facts, problems: [], lines: new Set() };
}
