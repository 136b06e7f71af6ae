import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import type { DeclarativeBaseFact, OrmClassFact, SchemaFacts } from '../schema-types.js';

/** One class of the project with the file it is defined in and that file's schema facts. */
export interface ProjectClass {
  file: string;
  cls: OrmClassFact;
  schema: SchemaFacts;
}

/** What a base of a class is. */
export type BaseKind =
  | { kind: 'django-root' }
  | { kind: 'django-external' }
  | { kind: 'sqlalchemy-root'; flavor: 'declarative' | 'flask' | 'sqlmodel'; hasCustomBase?: boolean }
  | { kind: 'declarative-class' }
  | { kind: 'neutral' }
  | { kind: 'project'; target: ProjectClass }
  | { kind: 'unknown' };

/** Bases that add nothing to a model's table (`object`, typing and dataclass helpers). */
const NEUTRAL = /^(?:object|(?:abc\.)?ABC|(?:typing\.)?Generic(?:\[.*\])?|(?:sqlalchemy\.(?:orm\.|ext\.asyncio\.)?)?(?:MappedAsDataclass|AsyncAttrs))$/;
const DJANGO_ROOT = /^(?:django\.db\.models\.(?:base\.)?Model|models\.Model)$/;
const DJANGO_EXTERNAL = /^django\.contrib\.auth\.(?:base_user|models)\.(?:AbstractUser|AbstractBaseUser|PermissionsMixin)$/;
const DECLARATIVE_CLASS = /(?:^|\.)(?:DeclarativeBase|DeclarativeBaseNoMeta)$/;

/** Every class of production Python code that has schema facts, by name (test and example code is left out). */
export function projectClasses(project: Project): Map<string, ProjectClass[]> {
  return project.derive('schema.projectClasses', () => {
    const byName = new Map<string, ProjectClass[]>();
    for (const facts of project.factsOfKind('python')) {
      const schema = facts.source?.schema;
      if (!schema?.classes || isNonProductionPath(facts.path)) continue;
      for (const cls of schema.classes) byName.set(cls.name, [...(byName.get(cls.name) ?? []), { file: facts.path, cls, schema }]);
    }
    return byName;
  });
}

/** Declarative bases and Flask-SQLAlchemy handles of production code, by name. */
function declarativeBaseNames(project: Project): Map<string, DeclarativeBaseFact> {
  return project.derive('schema.declarativeBases', () => {
    const byName = new Map<string, DeclarativeBaseFact>();
    for (const facts of project.factsOfKind('python')) {
      if (isNonProductionPath(facts.path)) continue;
      for (const base of facts.source?.schema?.declarativeBases ?? []) byName.set(base.name, base);
    }
    return byName;
  });
}

/** What `base` (as written in `owner`'s class statement, or its import origin) refers to. */
export function classifyBase(project: Project, owner: ProjectClass, base: string): BaseKind {
  const imports = owner.schema.ormImports ?? [];
  if (DJANGO_ROOT.test(base) && (base.startsWith('django.') || imports.includes('django'))) return { kind: 'django-root' };
  if (DJANGO_EXTERNAL.test(base)) return { kind: 'django-external' };
  if (/(?:^|\.)SQLModel$/.test(base) && (base.startsWith('sqlmodel') || imports.includes('sqlmodel'))) return { kind: 'sqlalchemy-root', flavor: 'sqlmodel' };
  if (DECLARATIVE_CLASS.test(base)) return { kind: 'declarative-class' };
  if (NEUTRAL.test(base)) return { kind: 'neutral' };
  const parts = base.split('.');
  const last = parts[parts.length - 1] as string;
  const bases = declarativeBaseNames(project);
  if (last === 'Model' && parts.length >= 2) {
    const handle = parts[parts.length - 2] as string;
    const declared = bases.get(handle);
    // A bare `db` without a SQLAlchemy() handle is Flask-SQLAlchemy's by convention, unless the file
    // takes `db` from App Engine's datastore (`from google.appengine.ext import db`): its models have implicit keys.
    const isFlaskHandle = declared?.kind === 'flask' || (handle === 'db' && !importsDatastoreDb(project, owner.file));
    if (isFlaskHandle && !imports.includes('django')) return { kind: 'sqlalchemy-root', flavor: 'flask', ...(declared?.hasCustomBase ? { hasCustomBase: true } : {}) };
  }
  const declared = bases.get(last);
  if (declared?.kind === 'declarative') return { kind: 'sqlalchemy-root', flavor: 'declarative', ...(declared.hasCustomBase ? { hasCustomBase: true } : {}) };
  const candidates = (projectClasses(project).get(last) ?? []).filter((candidate) => candidate.cls !== owner.cls);
  const sameFile = candidates.filter((candidate) => candidate.file === owner.file);
  const target = sameFile.length === 1 ? sameFile[0] : candidates.length === 1 ? candidates[0] : undefined;
  return target ? { kind: 'project', target } : { kind: 'unknown' };
}

/** The file imports App Engine's (or Cloud NDB's) datastore modules, whose `db.Model`/`ndb.Model` are not SQLAlchemy. */
function importsDatastoreDb(project: Project, file: string): boolean {
  return (project.facts(file)?.source?.code?.imports ?? []).some((fact) => /^(?:google\.appengine|google\.cloud\.ndb)(?:\.|$)/.test(fact.module));
}
