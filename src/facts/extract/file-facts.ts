import { type FileKind, sourceLanguageOf } from '../../model/file-kind.js';
import { computeLineStarts, lineText } from '../../parsers/lexer/line-index.js';
import type { FileFacts } from '../types.js';
import { extractManifestFacts } from './manifest.js';
import { extractSecretFacts, maskSnippet } from './secrets.js';
import { extractDependencyManifest } from './dependency-manifests.js';
import { declarationFileFacts, extractSourceAndCodeFacts } from './source-and-code.js';
import { findInlineSuppressions } from './suppressions.js';
import { detachStrings } from './detach-strings.js';
// schema stage (migrations): Prisma schemas and migration.sql
import { extractSchemaFileFacts } from './schema/schema-file.js';

/** Longest snippet kept for evidence; longer lines are cut around nothing in particular. */
const MAX_SNIPPET = 400;

/**
 * Every fact the checks need from one file. Pure: (path, kind, text) -> plain data. This is the
 * unit the cache stores and the worker pool computes.
 */
export function extractFileFacts(input: { path: string; kind: FileKind; text: string; bytes: number; hash: string }): FileFacts {
  const { path, kind, text } = input;
  const lineStarts = computeLineStarts(text);
  const facts: FileFacts = {
    path,
    kind,
    bytes: input.bytes,
    lineCount: lineStarts.length,
    hash: input.hash,
    // Markdown documents the directive (`liveready-ignore[id] reason` in a README) more often than it uses it.
    suppressions: kind === 'markdown' ? [] : findInlineSuppressions(text, sourceLanguageOf(kind) !== undefined),
    problems: [],
    snippets: {},
  };
  const lines = new Set<number>();
  const language = sourceLanguageOf(kind);
  if (language) {
    const extracted = extractSourceAndCodeFacts(language, text);
    const extraction = /\.d\.[cm]?ts$/.test(path) ? declarationFileFacts(extracted) : extracted;
    facts.source = extraction.source;
    extraction.lines.forEach((line) => lines.add(line));
  } else {
    const extraction = extractManifestFacts(kind, text, path);
    if (extraction.manifest) facts.manifest = extraction.manifest;
    facts.problems = extraction.problems;
    extraction.lines.forEach((line) => lines.add(line));
    // ---- schema stage (migrations): Prisma schemas and migration.sql files ----
    const schemaFile = extractSchemaFileFacts(path, text);
    if (schemaFile.schema) facts.schema = schemaFile.schema;
    schemaFile.lines.forEach((line) => lines.add(line));
  }
  const secretScan = extractSecretFacts(text, kind, lineStarts);
  if (secretScan.secrets.length > 0) facts.secrets = secretScan.secrets;
  secretScan.lines.forEach((line) => lines.add(line));
  // ---- scan-core: dependency declarations (requirements, pyproject, setup.py/cfg, Pipfile) and tsconfig ----
  const dependencies = extractDependencyManifest(path, kind, text);
  if (dependencies?.manifest) {
    facts.manifest = dependencies.manifest;
    facts.problems.push(...dependencies.problems);
    dependencies.lines.forEach((line) => lines.add(line));
  }
  for (const problem of facts.problems) lines.add(problem.line);
  for (const line of lines) {
    const snippet = maskSnippet(lineText(text, lineStarts, line), secretScan.masks.get(line));
    facts.snippets[line] = snippet.length > MAX_SNIPPET ? `${snippet.slice(0, MAX_SNIPPET)}…` : snippet;
  }
  detachStrings(facts);
  return facts;
}
