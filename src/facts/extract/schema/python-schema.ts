import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { DeclarativeBaseFact, DjangoSettingsFacts, SchemaFacts } from '../../schema-types.js';
import type { CodeExtraction } from '../code/python-code.js';
import { pythonBindings } from '../service/bindings.js';
import { type ServiceSource, assignedName, keywordArguments, argumentsOf, callsNamed } from '../service/service-source.js';
import { alembicRevision } from './alembic-revision.js';
import { djangoMigration } from './django-migration.js';
import { pythonOrmClasses } from './python-classes.js';

const ORM_MODULES = new Set(['django', 'sqlalchemy', 'flask_sqlalchemy', 'sqlmodel', 'alembic']);
/** Cheap test on masked code (no strings, no comments) for files that import no ORM themselves. */
const TRIGGER = /\bmodels\.(?:Model\b|\w+Field\b|ForeignKey\b)|\bdb\.Model\b|\bSQLModel\b|\bDeclarativeBase\b|\bdeclarative_base\b|__tablename__|\bmapped_column\b|\bMapped\[|\bColumn\s*\(|\bmigrations\.\w+\s*\(|^(?:INSTALLED_APPS|DATABASES|MIGRATION_MODULES)\s*=|\btable\s*=\s*True\b/m;
const SETTINGS = /^(?:INSTALLED_APPS|DATABASES|MIGRATION_MODULES)\s*[:=]/m;

export interface SchemaExtraction {
  facts?: SchemaFacts;
  lines: number[];
}

/**
 * Schema facts of one Python file, from the code pre-pass (no second parse): ORM classes and
 * declarative bases, a Django migration's or Alembic revision's operations, Django settings that
 * move migrations. Files that import no ORM and match no trigger cost one set lookup per import and
 * one regex test.
 */
export function extractPythonSchemaFacts(extraction: CodeExtraction, source: ServiceSource['source']): SchemaExtraction {
  const { code, masked, passes } = extraction;
  const python = passes?.python;
  const ormImports = [...new Set(code.imports.map((fact) => fact.module.split('.')[0] as string).filter((module) => ORM_MODULES.has(module)))];
  if (!passes || !python || (ormImports.length === 0 && !TRIGGER.test(masked.code))) return { lines: [] };
  const bindings = pythonBindings(code.imports, masked);
  const context: ServiceSource = { family: 'python', masked, brackets: python.structure.brackets, calls: passes.calls, code, source, passes, bindings };
  const facts: SchemaFacts = {};
  if (ormImports.length > 0) facts.ormImports = ormImports;
  const classes = pythonOrmClasses({ scope: python, brackets: context.brackets, bindings });
  if (classes.length > 0) facts.classes = classes;
  const bases = declarativeBases(context);
  if (bases.length > 0) facts.declarativeBases = bases;
  const functionNameAt = (offset: number): string => code.functions[passes.functionIndexAt(offset)]?.name ?? '';
  const migration = djangoMigration(context, passes.calls) ?? (ormImports.includes('alembic') ? alembicRevision({ ...context, scope: python, functionNameAt }, passes.calls) : undefined);
  if (migration) facts.migration = migration;
  const settings = djangoSettings(context);
  if (settings) facts.djangoSettings = settings;
  if (Object.keys(facts).length === 0) return { lines: [] };
  return { facts, lines: factLines(facts) };
}

/** `Base = declarative_base()`, `Base = registry().generate_base()`, `db = SQLAlchemy(app)`. */
function declarativeBases(source: ServiceSource): DeclarativeBaseFact[] {
  const found: DeclarativeBaseFact[] = [];
  for (const call of callsNamed(source, 'declarative_base', 'generate_base', 'SQLAlchemy')) {
    const name = assignedName(source, call.start);
    if (name === '' || name.includes('.')) continue;
    const keywords = keywordArguments(source, argumentsOf(source, call));
    const fact: DeclarativeBaseFact = { name, line: lineColumnOf(source.masked, call.start).line, kind: call.last === 'SQLAlchemy' ? 'flask' : 'declarative' };
    if (keywords.has('cls') || keywords.has('model_class')) fact.hasCustomBase = true;
    found.push(fact);
  }
  return found;
}

function djangoSettings(source: ServiceSource): DjangoSettingsFacts | undefined {
  if (!SETTINGS.test(source.masked.code)) return undefined;
  const facts: DjangoSettingsFacts = {};
  const modules = /^MIGRATION_MODULES\s*(?::[^=\n]*)?=\s*(\{\s*\}|\S)?/m.exec(source.masked.code);
  // `MIGRATION_MODULES = {}` moves nothing.
  if (modules && modules[1] !== undefined && !/^\{\s*\}$/.test(modules[1])) facts.migrationModulesLine = lineColumnOf(source.masked, modules.index).line;
  if (/postgres/i.test(source.masked.text)) facts.mentionsPostgres = true;
  return facts;
}

function factLines(facts: SchemaFacts): number[] {
  const lines: number[] = [];
  for (const fact of facts.classes ?? []) {
    lines.push(fact.line);
    for (const attribute of fact.attributes) lines.push(attribute.line);
  }
  for (const operation of facts.migration?.operations ?? []) lines.push(operation.line);
  if (facts.djangoSettings?.migrationModulesLine !== undefined) lines.push(facts.djangoSettings.migrationModulesLine);
  return lines;
}
