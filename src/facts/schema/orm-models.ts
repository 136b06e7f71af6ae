import type { Project } from '../project.js';
import type { OrmAttributeFact, OrmClassFact } from '../schema-types.js';
import { type BaseKind, type ProjectClass, classifyBase, projectClasses } from './orm-classes.js';
import { ownColumns } from './orm-columns.js';

export type OrmFlavor = 'django' | 'declarative' | 'flask' | 'sqlmodel';

/** A field or column of a model: its attribute, and the column name it maps to. */
export interface OrmColumn {
  attribute: OrmAttributeFact;
  /** Django: the field name; SQLAlchemy: the column name (`Column("user_name")` or the attribute name). */
  column: string;
  /** The file that declares it (a mixin or abstract base may live elsewhere). */
  file: string;
  isPrimaryKey: boolean;
  /** Something could set a primary key that liveready cannot read (`primary_key=flag`, `sa_column=`, `**options`). */
  mayBePrimaryKey: boolean;
}

/** A project class that is an ORM model (or an abstract base, mixin or declarative root of one). */
export interface OrmModel extends ProjectClass {
  /** mixin: a plain class whose SQLAlchemy columns are copied into the models that extend it. */
  orm: 'django' | 'sqlalchemy' | 'mixin';
  flavor: OrmFlavor;
  /** The class has a table of its own (Django: concrete, not proxy, managed; SQLAlchemy: mapped to its own table). */
  hasTable: boolean;
  /** SQLAlchemy: the table name, literal or the Flask-SQLAlchemy/SQLModel default. */
  tableName?: string;
  /** Own columns and those of bases without a table (mixins, abstract models, declarative roots). */
  columns: OrmColumn[];
  /** A base (or a base's base) is not a class liveready can read: columns may be missing from `columns`. */
  hasUnknownBase: boolean;
  /** A base has a table of its own (multi-table / joined / single-table inheritance). */
  hasTableBase: boolean;
  /** A declarative base built on a project class (`declarative_base(cls=...)`, `SQLAlchemy(model_class=...)`). */
  hasCustomBase: boolean;
  /** Some base sets `__tablename__` (a `declared_attr`): the default name does not apply. */
  inheritsTableName: boolean;
  /** The class is a declarative root (`class Base(DeclarativeBase)`): no table, columns for every model. */
  isRoot: boolean;
  django?: { isAbstract: boolean; isProxy: boolean; isUnmanaged: boolean; appLabel?: string };
}

/** Every ORM class of the project's production code, resolved through its bases (iteratively, cycles tolerated). */
export function ormModels(project: Project): OrmModel[] {
  return project.derive('schema.ormModels', () => {
    const memo = new Map<OrmClassFact, OrmModel | null | 'pending'>();
    const models: OrmModel[] = [];
    for (const group of projectClasses(project).values()) {
      for (const entry of group) {
        const model = resolve(project, entry, memo);
        if (model && model.orm !== 'mixin') models.push(model);
      }
    }
    return models.sort((a, b) => a.file.localeCompare(b.file) || a.cls.line - b.cls.line);
  });
}

function resolve(project: Project, start: ProjectClass, memo: Map<OrmClassFact, OrmModel | null | 'pending'>): OrmModel | null {
  const kinds = new Map<OrmClassFact, BaseKind[]>();
  const basesOf = (entry: ProjectClass): BaseKind[] => {
    let found = kinds.get(entry.cls);
    if (!found) kinds.set(entry.cls, (found = entry.cls.bases.map((base) => classifyBase(project, entry, base))));
    return found;
  };
  const stack: ProjectClass[] = [start];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as ProjectClass;
    const state = memo.get(top.cls);
    if (state !== undefined && state !== 'pending') {
      stack.pop();
      continue;
    }
    if (state === undefined) {
      memo.set(top.cls, 'pending');
      for (const kind of basesOf(top)) if (kind.kind === 'project' && !memo.has(kind.target.cls)) stack.push(kind.target);
      continue;
    }
    memo.set(top.cls, describe(top, basesOf(top), memo));
    stack.pop();
  }
  return memo.get(start.cls) as OrmModel | null;
}

function describe(entry: ProjectClass, bases: BaseKind[], memo: Map<OrmClassFact, OrmModel | null | 'pending'>): OrmModel | null {
  const model: OrmModel = { ...entry, orm: 'sqlalchemy', flavor: 'declarative', hasTable: false, columns: [], hasUnknownBase: false, hasTableBase: false, hasCustomBase: false, inheritsTableName: false, isRoot: false };
  let orm: OrmModel['orm'] | undefined;
  const inherited: OrmColumn[] = [];
  const mixedIn: OrmColumn[] = [];
  for (const base of bases) {
    if (base.kind === 'django-root' || base.kind === 'django-external') {
      orm ??= 'django';
      model.flavor = 'django';
      if (base.kind === 'django-external') model.hasUnknownBase = true;
    } else if (base.kind === 'sqlalchemy-root') {
      orm ??= 'sqlalchemy';
      model.flavor = base.flavor;
      if (base.hasCustomBase) model.hasCustomBase = true;
    } else if (base.kind === 'declarative-class') {
      orm ??= 'sqlalchemy';
      model.isRoot = true;
    } else if (base.kind === 'unknown') model.hasUnknownBase = true;
    else if (base.kind === 'project') {
      const parent = memo.get(base.target.cls);
      if (!parent || parent === 'pending') {
        model.hasUnknownBase = true;
        continue;
      }
      if (parent.orm === 'mixin') {
        mixedIn.push(...parent.columns);
        model.hasUnknownBase ||= parent.hasUnknownBase;
        continue;
      }
      orm ??= parent.orm;
      if (!model.isRoot && parent.orm === orm) model.flavor = parent.flavor;
      model.hasUnknownBase ||= parent.hasUnknownBase;
      model.hasCustomBase ||= parent.hasCustomBase;
      model.inheritsTableName ||= parent.inheritsTableName || parent.cls.dunders?.__tablename__ !== undefined;
      if (parent.hasTable) model.hasTableBase = true;
      else inherited.push(...parent.columns);
    }
  }
  if (!orm) {
    // Not a model: if it declares SQLAlchemy columns, it is a mixin whose columns its subclasses get.
    const columns = model.hasUnknownBase ? [] : ownColumns(entry, 'declarative');
    return columns.length > 0 || mixedIn.length > 0 ? { ...model, orm: 'mixin', columns: [...mixedIn, ...columns] } : null;
  }
  model.orm = orm;
  const mixinColumns = orm === 'sqlalchemy' && model.flavor !== 'sqlmodel' ? mixedIn : [];
  model.columns = [...mixinColumns, ...inherited, ...ownColumns(entry, model.flavor)];
  decideTable(model);
  return model;
}

function decideTable(model: OrmModel): void {
  const { cls } = model;
  if (model.flavor === 'django') {
    const meta = cls.meta ?? {};
    const django = { isAbstract: meta.abstract === 'True', isProxy: meta.proxy === 'True', isUnmanaged: meta.managed !== undefined && meta.managed !== 'True', ...(meta.app_label !== undefined ? { appLabel: meta.app_label } : {}) };
    model.django = django;
    model.hasTable = !django.isAbstract && !django.isProxy && !django.isUnmanaged;
    return;
  }
  const dunders = cls.dunders ?? {};
  if (model.isRoot || dunders.__abstract__ === 'True') return;
  if (model.flavor === 'sqlmodel') model.hasTable = cls.keywords?.table === 'True';
  else if (dunders.__tablename__ !== undefined || dunders.__table__ !== undefined) model.hasTable = true;
  // Flask-SQLAlchemy names the table itself, unless the class only extends a mapped model without a key of its own (single-table inheritance).
  else if (model.flavor === 'flask') model.hasTable = !model.inheritsTableName && (!model.hasTableBase || model.columns.some((column) => column.isPrimaryKey));
  if (!model.hasTable) return;
  if (cls.tableName !== undefined) model.tableName = cls.tableName;
  else if (dunders.__tablename__ === undefined && dunders.__table__ === undefined && !model.inheritsTableName) {
    if (model.flavor === 'flask') model.tableName = snakeCase(cls.name);
    if (model.flavor === 'sqlmodel') model.tableName = cls.name.toLowerCase();
  }
}

/** Flask-SQLAlchemy 3's default table name (`UserAccount` -> `user_account`). */
export function snakeCase(name: string): string {
  return name.replace(/((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))/g, '_$1').toLowerCase().replace(/^_+/, '');
}
