import type { FindingInput } from '../../api.js';
import type { Project } from '../../../facts/project.js';
import { type OrmModel, ormModels } from '../../../facts/schema/orm-models.js';

/**
 * SQLAlchemy, Flask-SQLAlchemy and SQLModel models mapped to a table of their own with no primary
 * key column: the mapper raises at import ("could not assemble any primary key columns"). Only
 * models whose every base liveready can read are judged; a key set where it cannot see
 * (`__table__`, `__mapper_args__`, `sa_column=`, `primary_key=flag`) counts as a key.
 */
export function primaryKeyFindings(project: Project): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const model of ormModels(project)) {
    if (!lacksPrimaryKey(model)) continue;
    findings.push({
      message: `Model \`${model.cls.name}\` declares no primary key column: ${refusal(model)}, so importing this module crashes the app at start.`,
      remediation: `Give \`${model.cls.name}\` a primary key: \`id = Column(Integer, primary_key=True)\` (\`id: Mapped[int] = mapped_column(primary_key=True)\`, SQLModel \`Field(default=None, primary_key=True)\`), or \`primary_key=True\` on each column of a composite key.`,
      location: { file: model.file, line: model.cls.line, column: model.cls.column },
      severity: 'critical',
      fingerprintContent: `sqlalchemy-primary-key:${model.cls.name}`,
    });
  }
  return findings;
}

function lacksPrimaryKey(model: OrmModel): boolean {
  if (model.orm !== 'sqlalchemy' || !model.hasTable || model.hasTableBase || model.hasUnknownBase || model.hasCustomBase) return false;
  const dunders = model.cls.dunders ?? {};
  if (dunders.__table__ !== undefined || dunders.__mapper_args__ !== undefined || model.cls.hasPrimaryKeyConstraint) return false;
  // A declarative model with no `__tablename__` literal may get its name from a base liveready cannot read.
  if (model.flavor === 'declarative' && model.cls.tableName === undefined) return false;
  return !model.columns.some((column) => column.mayBePrimaryKey);
}

function refusal(model: OrmModel): string {
  if (model.flavor === 'flask' && model.cls.tableName === undefined) return 'Flask-SQLAlchemy generates no table for it and SQLAlchemy refuses to map it ("does not have a __table__ or __tablename__ specified")';
  return `SQLAlchemy refuses to map ${model.tableName ? `table \`${model.tableName}\`` : 'it'} ("could not assemble any primary key columns")`;
}
