import type { MaskedSource } from '../../../parsers/code/masked-source.js';
import type { ImportFact } from '../../code-types.js';

/** What a local name refers to: an imported module, and which of its exports (`default`, `*`, or a name). */
export interface Binding {
  module: string;
  imported: string;
}

/**
 * Local names bound by a Python file's imports (`from fastapi import FastAPI`, `import celery`).
 * An alias binds its own name to the imported one (`from .api import bp as api_bp`: `api_bp` -> .api bp).
 */
export function pythonBindings(imports: readonly ImportFact[], masked: MaskedSource): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const fact of imports) {
    if (fact.kind === 'from') {
      const aliases = fromAliases(fact, masked);
      for (const name of fact.names ?? []) if (name !== '*') bindings.set(aliases.get(name) ?? name, { module: fact.module, imported: name });
    } else if (fact.kind === 'import') {
      const first = fact.module.split('.')[0] as string;
      bindings.set(first, { module: first, imported: '*' });
    }
  }
  return bindings;
}

/** `from x import (a as b,\n c)`: imported name -> local alias, read from the statement after the module. */
function fromAliases(fact: ImportFact, masked: MaskedSource): Map<string, string> {
  const aliases = new Map<string, string>();
  const start = (masked.lineStarts[fact.line - 1] ?? 0) + fact.column - 1;
  const rest = masked.code.slice(start, start + 600);
  const statement = /^[\w.]+\s+import\s+(\([^)]*\)|[^\n;]*)/.exec(rest)?.[1] ?? '';
  if (!/\bas\b/.test(statement)) return aliases;
  for (const match of statement.matchAll(/\b([A-Za-z_]\w*)\s+as\s+([A-Za-z_]\w*)/g)) aliases.set(match[1] as string, match[2] as string);
  return aliases;
}

/** Local names bound by a JS/TS file's imports and requires (`import express from 'express'`, `const { Router } = require('express')`). */
export function javascriptBindings(imports: readonly ImportFact[], masked: MaskedSource): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const fact of imports) {
    if (fact.kind !== 'import' && fact.kind !== 'require') continue;
    const quoteAt = (masked.lineStarts[fact.line - 1] ?? 0) + fact.column - 2;
    const before = masked.code.slice(Math.max(0, quoteAt - 300), quoteAt);
    const clause = fact.kind === 'import' ? importClause(before) : requireTarget(before);
    if (clause) bindClause(bindings, clause, fact.module);
  }
  return bindings;
}

/** `import <clause> from '`: the text between the last `import` and `from`. */
function importClause(before: string): string | undefined {
  const at = before.lastIndexOf('import');
  return at === -1 ? undefined : /^import\s+(?:type\s+)?([^;]*?)\s*from\s*$/.exec(before.slice(at))?.[1];
}

/** `const <target> = require('`: the declared names of the last declaration. */
function requireTarget(before: string): string | undefined {
  const declaration = Math.max(before.lastIndexOf('const '), before.lastIndexOf('let '), before.lastIndexOf('var '));
  return declaration === -1 ? undefined : /^(?:const|let|var)\s+([^;=]*?)\s*=\s*require\s*\(\s*$/.exec(before.slice(declaration))?.[1];
}

function bindClause(bindings: Map<string, Binding>, clause: string, module: string): void {
  const braces = /\{([^}]*)\}/.exec(clause);
  if (braces) {
    for (const part of (braces[1] as string).split(',')) {
      // `Router as R` (import) or `Router: R` (destructuring)
      const match = /^\s*(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s*(?:as|:)\s*([A-Za-z_$][\w$]*))?\s*$/.exec(part);
      if (match) bindings.set((match[2] ?? match[1]) as string, { module, imported: match[1] as string });
    }
  }
  const namespace = /\*\s*as\s+([A-Za-z_$][\w$]*)/.exec(clause);
  if (namespace) bindings.set(namespace[1] as string, { module, imported: '*' });
  const rest = clause.replace(/\{[^}]*\}/, '').replace(/\*\s*as\s+[A-Za-z_$][\w$]*/, '');
  const plain = /^\s*([A-Za-z_$][\w$]*)\s*,?/.exec(rest);
  // `const express = require('express')` binds the module itself, as a default import would.
  if (plain) bindings.set(plain[1] as string, { module, imported: 'default' });
}

/**
 * The module and member a callee comes from: `web.Application` with `from aiohttp import web` ->
 * { module: aiohttp, member: web.Application }; `express.Router` with a default import ->
 * { module: express, member: Router }; `FastAPI` -> { module: fastapi, member: FastAPI }.
 */
export function calleeOrigin(bindings: ReadonlyMap<string, Binding>, callee: string): { module: string; member: string } | undefined {
  const dot = callee.indexOf('.');
  const binding = bindings.get(dot === -1 ? callee : callee.slice(0, dot));
  if (!binding) return undefined;
  const rest = dot === -1 ? '' : callee.slice(dot + 1);
  const base = binding.imported === 'default' || binding.imported === '*' ? '' : binding.imported;
  const member = [base, rest].filter(Boolean).join('.') || 'default';
  return { module: binding.module, member };
}
