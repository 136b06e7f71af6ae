import { lastPart } from '../../../parsers/code/call-sites.js';
import type { FindingInput } from '../../api.js';
import type { Project } from '../../../facts/project.js';
import { type OrmColumn, type OrmModel, ormModels } from '../../../facts/schema/orm-models.js';

const RELATION = /^(?:ForeignKey|OneToOneField)$/;

/**
 * Django fields the framework rejects: a ForeignKey/OneToOneField without `on_delete` (a TypeError
 * when the models module is imported, Django 2.0 and later) and a CharField without `max_length`
 * (system check fields.E120 stops `migrate` and `runserver`; PostgreSQL on Django 4.2+ allows it,
 * so projects that mention PostgreSQL are not judged on it).
 */
export function djangoFieldFindings(project: Project): FindingInput[] {
  const allowsUnlimitedCharField = project.factsOfKind('python').some((facts) => facts.source?.schema?.djangoSettings?.mentionsPostgres);
  const findings: FindingInput[] = [];
  for (const model of ormModels(project)) {
    if (model.flavor !== 'django') continue;
    for (const column of model.columns) {
      if (column.file !== model.file || !model.cls.attributes.includes(column.attribute)) continue;
      const finding = fieldFinding(model, column, allowsUnlimitedCharField);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function fieldFinding(model: OrmModel, column: OrmColumn, allowsUnlimitedCharField: boolean): FindingInput | undefined {
  const { attribute } = column;
  if (attribute.hasOpaqueArguments) return undefined;
  const last = lastPart(attribute.callee ?? '');
  const keywords = attribute.keywords ?? [];
  const location = { file: column.file, line: attribute.line, column: attribute.column };
  if (RELATION.test(last) && !keywords.includes('on_delete') && (attribute.positional ?? 0) < 2) {
    return {
      message: `\`${model.cls.name}.${attribute.name}\` is a ${last} without \`on_delete\`: since Django 2.0 the argument is required, so importing this models module raises TypeError and the app never starts.`,
      remediation: `Pass \`on_delete=models.CASCADE\` (or PROTECT, SET_NULL with null=True, ...) to the ${last}, choosing what deleting the referenced row must do.`,
      location,
      severity: 'critical',
      fingerprintContent: `django-on-delete:${model.cls.name}.${attribute.name}`,
    };
  }
  if (last === 'CharField' && !keywords.includes('max_length') && (attribute.positional ?? 0) < 4 && !allowsUnlimitedCharField && !model.django?.isAbstract) {
    return {
      message: `\`${model.cls.name}.${attribute.name}\` is a CharField without \`max_length\`: Django's system check fails with fields.E120, so \`migrate\` and \`runserver\` refuse to run.`,
      remediation: 'Add `max_length=<n>` to the CharField, or use a TextField for text without a length limit.',
      location,
      severity: 'moderate',
      fingerprintContent: `django-max-length:${model.cls.name}.${attribute.name}`,
    };
  }
  return undefined;
}
