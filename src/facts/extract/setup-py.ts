import { type Brackets, closeOf, matchBrackets } from '../../parsers/code/brackets.js';
import { maskPython } from '../../parsers/code/mask-python.js';
import { type MaskedSource, lineColumnOf, stringValue } from '../../parsers/code/masked-source.js';
import { parseRequirement } from '../../parsers/pep508.js';
import type { PythonManifest } from '../../parsers/python-manifests.js';
import type { DeclaredDependency, PythonDependencyFacts } from '../manifest-types.js';

/**
 * setup.py, read without running it: `install_requires=[...]` (or a module-level list it names),
 * `extras_require={...}`, `python_requires=`, `name=`. Anything computed is marked dynamic.
 */
export function parseSetupPy(text: string): PythonManifest {
  const masked = maskPython(text);
  const brackets = matchBrackets(masked.code);
  const facts: PythonDependencyFacts = { type: 'python-dependencies', format: 'setup.py', dependencies: [], includes: [] };
  const name = keywordString(masked, 'name');
  if (name) facts.name = name;
  const python = keywordString(masked, 'python_requires');
  if (python) facts.pythonVersion = python;
  const install = keywordValue(masked.code, 'install_requires');
  if (install !== -1) {
    const list = listStart(masked.code, install);
    if (list === -1) facts.isDynamic = true;
    else addStrings(facts, masked, brackets, list, 'main');
  }
  const extras = keywordValue(masked.code, 'extras_require');
  if (extras !== -1 && masked.code.charAt(extras) === '{') addExtras(facts, masked, brackets, extras);
  return { facts, problems: [] };
}

function keywordValue(code: string, keyword: string): number {
  const match = new RegExp(`\\b${keyword}\\s*=\\s*`).exec(code);
  return match ? match.index + match[0].length : -1;
}

function keywordString(masked: MaskedSource, keyword: string): string | undefined {
  const at = keywordValue(masked.code, keyword);
  if (at === -1) return undefined;
  const index = masked.stringStarts.indexOf(at);
  return index === -1 ? undefined : stringValue(masked, index);
}

/** `[` of the list at `at`, or of the module-level `NAME = [` when `at` names a variable; -1 otherwise. */
function listStart(code: string, at: number): number {
  if (code.charAt(at) === '[') return at;
  const variable = /^[A-Za-z_]\w*/.exec(code.slice(at, at + 80))?.[0];
  if (!variable) return -1;
  const definition = new RegExp(`^${variable}\\s*=\\s*\\[`, 'm').exec(code);
  return definition ? definition.index + definition[0].length - 1 : -1;
}

function addStrings(facts: PythonDependencyFacts, masked: MaskedSource, brackets: Brackets, open: number, group: string): void {
  const close = closeOf(brackets, open);
  const end = close === -1 ? masked.code.length : close;
  masked.stringStarts.forEach((start, index) => {
    if (start <= open || start >= end) return;
    const requirement = parseRequirement(stringValue(masked, index));
    if (!requirement) return;
    const dependency: DeclaredDependency = { name: requirement.name, spec: requirement.spec, line: lineColumnOf(masked, start).line, group };
    if (requirement.source) dependency.source = requirement.source;
    if (requirement.marker) dependency.marker = requirement.marker;
    facts.dependencies.push(dependency);
  });
}

/** `{"dev": [...], "s3": [...]}`: each string key followed by `:` names the extra of the list after it. */
function addExtras(facts: PythonDependencyFacts, masked: MaskedSource, brackets: Brackets, open: number): void {
  const close = closeOf(brackets, open);
  const end = close === -1 ? masked.code.length : close;
  masked.stringStarts.forEach((start, index) => {
    if (start <= open || start >= end) return;
    const after = masked.code.slice(masked.stringEnds[index], (masked.stringEnds[index] as number) + 20);
    const list = /^\s*:\s*\[/.exec(after);
    if (!list) return;
    addStrings(facts, masked, brackets, (masked.stringEnds[index] as number) + list[0].length - 1, `extra:${stringValue(masked, index)}`);
  });
}
