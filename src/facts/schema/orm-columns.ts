import { lastPart as lastPartOf } from '../../parsers/code/call-sites.js';
import type { OrmAttributeFact } from '../schema-types.js';
import type { ProjectClass } from './orm-classes.js';
import type { OrmColumn, OrmFlavor } from './orm-models.js';

const DJANGO_NOT_FIELDS = new Set(['GenericForeignKey', 'GenericRelation']);
const SQLALCHEMY_COLUMN_CALLS = new Set(['Column', 'mapped_column']);
const SQLMODEL_NOT_COLUMNS = /^(?:Relationship|relationship|PrivateAttr|computed_field)$/;

/**
 * The fields or columns a class declares itself (not its bases'). Only what is certainly a column
 * is kept: a column liveready invents would be a false "missing from the migrations".
 */
export function ownColumns(entry: ProjectClass, flavor: OrmFlavor): OrmColumn[] {
  const columns: OrmColumn[] = [];
  for (const attribute of entry.cls.attributes) {
    const column = flavor === 'django' ? djangoField(attribute) : flavor === 'sqlmodel' ? sqlModelColumn(attribute) : sqlAlchemyColumn(attribute);
    if (column === undefined) continue;
    const keywords = attribute.keywords ?? [];
    const isPrimaryKey = attribute.isPrimaryKey === true;
    const mayBePrimaryKey = isPrimaryKey || keywords.includes('primary_key') || keywords.includes('sa_column') || attribute.hasOpaqueArguments === true;
    columns.push({ attribute, column, file: entry.file, isPrimaryKey, mayBePrimaryKey });
  }
  return columns;
}

/** `title = models.CharField(...)`, `author = ForeignKey(...)`, a custom `MoneyField(...)`: the field name. */
function djangoField(attribute: OrmAttributeFact): string | undefined {
  const last = lastPart(attribute.callee);
  if (last === undefined || DJANGO_NOT_FIELDS.has(last)) return undefined;
  return /Field$|^ForeignKey$/.test(last) ? attribute.name : undefined;
}

/** `name = Column(String)`, `name = db.Column("user_name", ...)`, `name: Mapped[str] = mapped_column()`, `name: Mapped[str]`. */
function sqlAlchemyColumn(attribute: OrmAttributeFact): string | undefined {
  const last = lastPart(attribute.callee);
  if (last !== undefined) return SQLALCHEMY_COLUMN_CALLS.has(last) ? (attribute.firstLiteral ?? attribute.literals?.name ?? attribute.name) : undefined;
  // `x: Mapped[int]` alone is a column; `Mapped[List["Child"]]` or `Mapped["Parent"]` alone would be a relationship.
  const annotation = attribute.annotation;
  if (attribute.value !== undefined || annotation === undefined) return undefined;
  const inner = /^(?:\w+\.)*Mapped\[(.*)\]$/.exec(annotation)?.[1];
  if (inner === undefined || /^["']|^(?:typing\.)?(?:List|Set|list|set|Dict|dict)\[|["']/.test(inner)) return undefined;
  return attribute.name;
}

/** SQLModel table fields: every annotated attribute except relationships, class variables and private ones. */
function sqlModelColumn(attribute: OrmAttributeFact): string | undefined {
  const annotation = attribute.annotation;
  if (annotation === undefined || attribute.name.startsWith('_') || attribute.name === 'model_config') return undefined;
  if (/^(?:typing\.)?ClassVar\b/.test(annotation)) return undefined;
  const last = lastPart(attribute.callee);
  if (last !== undefined && SQLMODEL_NOT_COLUMNS.test(last)) return undefined;
  if (last !== undefined && last !== 'Field') return undefined;
  return attribute.name;
}

function lastPart(callee: string | undefined): string | undefined {
  return callee === undefined ? undefined : lastPartOf(callee);
}
