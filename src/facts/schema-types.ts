import type { DdlOperation } from '../parsers/sql-ddl.js';
import type { PrismaModel, PrismaSchema } from '../parsers/prisma-schema.js';

/**
 * Schema facts of one file (the schema stage: ORM models and migrations). Plain JSON data, cached
 * with the file's facts; positions are 1-based. Only files that mention an ORM or a migration
 * tool carry any: Python model modules, Django migrations, Alembic revisions, Django settings,
 * Prisma schemas and Prisma `migration.sql` files. What a class *is* (a Django model, a SQLAlchemy
 * model, a mixin) is decided across files later (facts/schema/orm-models.ts): a model's base may
 * live in another module.
 */
export interface SchemaFacts {
  /** Python: the ORM libraries the module imports (`django`, `sqlalchemy`, `flask_sqlalchemy`, `sqlmodel`). */
  ormImports?: string[];
  /** Python: module-level classes that have bases (candidate models, mixins, declarative bases). */
  classes?: OrmClassFact[];
  /** Python: names bound to a declarative base or an ORM handle (`Base = declarative_base()`, `db = SQLAlchemy()`). */
  declarativeBases?: DeclarativeBaseFact[];
  /** A migration file: its schema operations in order. */
  migration?: MigrationFileFacts;
  /** A Django settings module (assigns `INSTALLED_APPS` or `DATABASES`). */
  djangoSettings?: DjangoSettingsFacts;
  /** A Prisma schema file. */
  prisma?: PrismaSchemaFacts;
}

export interface OrmClassFact {
  name: string;
  line: number;
  column: number;
  /** Positional bases as written, whitespace removed (`models.Model`, `Base`, `db.Model`, `TimestampMixin`). */
  bases: string[];
  /** Class keywords (`table=True` for SQLModel, `metaclass=...`): name -> value code. */
  keywords?: Record<string, string>;
  /** Decorator names (`as_declarative`, `mapper_registry.mapped`). */
  decorators?: string[];
  /** Attributes of the class body that may be fields or columns, in order. */
  attributes: OrmAttributeFact[];
  /** Django `class Meta:` options that decide whether the model has a table: name -> value code. */
  meta?: Record<string, string>;
  /** `__tablename__ = "..."` as a literal. */
  tableName?: string;
  /** Double-underscore class settings assigned in the body (`__tablename__`, `__abstract__`, `__table__`, `__mapper_args__`...): name -> value code (first 80 characters). */
  dunders?: Record<string, string>;
  /** The body mentions `PrimaryKeyConstraint` (in `__table_args__`). */
  hasPrimaryKeyConstraint?: boolean;
}

export interface OrmAttributeFact {
  name: string;
  line: number;
  column: number;
  /** The annotation's code (`Mapped[int]`, `Optional[str]`), first 80 characters. */
  annotation?: string;
  /** The value is a call: its dotted callee (`models.CharField`, `db.Column`, `mapped_column`, `Field`, `relationship`). */
  callee?: string;
  /** Keyword argument names of that call. */
  keywords?: string[];
  /** Number of positional arguments of that call. */
  positional?: number;
  /** The call's first positional argument when it is a string literal (`Column("user_name", ...)`). */
  firstLiteral?: string;
  /** String-literal values of the keywords that rename a column (`db_column`, `name`). */
  literals?: Record<string, string>;
  /** The call passes `**kwargs` or `*args`: its arguments cannot be read. */
  hasOpaqueArguments?: boolean;
  /** The value code when it is not a call (first 40 characters): `None`, `True`. */
  value?: string;
  /** `primary_key=True` among the keywords. */
  isPrimaryKey?: boolean;
}

export interface DeclarativeBaseFact {
  name: string;
  line: number;
  /** declarative: `declarative_base()`/`registry().generate_base()`; flask: `SQLAlchemy()` (its `.Model`). */
  kind: 'declarative' | 'flask';
  /** Built on a class of the project's (`declarative_base(cls=...)`, `SQLAlchemy(model_class=...)`): columns may come from it. */
  hasCustomBase?: boolean;
}

/**
 * One schema change, the same shape for every tool (parsers/sql-ddl.ts defines it). Tables are
 * Django model names (as written) or SQL table names; columns are Django field names or SQL column
 * names. `isOpaque`: some name could not be read (a variable, a spread), the result is unknown.
 */
export type SchemaOperation = DdlOperation;

export interface MigrationFileFacts {
  tool: 'django' | 'alembic' | 'sql';
  operations: SchemaOperation[];
  /** Alembic: `revision = "..."`. */
  revision?: string;
  /** Alembic: `down_revision` (several for a merge revision). */
  downRevisions?: string[];
  /** Django: names of the migrations a squashed migration replaces. */
  replaces?: string[];
  /** An operation's table or column could not be read at all: what the migrations create is not known. */
  isOpaque?: boolean;
}

export interface DjangoSettingsFacts {
  /** Line of a `MIGRATION_MODULES = ...` assignment: migrations live where liveready would have to guess. */
  migrationModulesLine?: number;
  /** The settings mention PostgreSQL (an ENGINE or a database URL). */
  mentionsPostgres?: boolean;
}

/** A Prisma schema (parsers/prisma-schema.ts): provider, models with their fields, enums, composite types. */
export type PrismaSchemaFacts = PrismaSchema;
export type PrismaModelFact = PrismaModel;
