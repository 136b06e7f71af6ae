import { defineCheck } from '../../api.js';
import { djangoFieldFindings } from './django-fields.js';
import { prismaUniqueFindings } from './prisma-unique.js';
import { primaryKeyFindings } from './primary-key.js';

export const requireModelConstraints = defineCheck({
  meta: {
    id: 'data/require-model-constraints',
    stage: 'schema',
    description: 'Require ORM models to declare the constraints their framework refuses to load without (primary key, on_delete, max_length, a unique criterion)',
    severity: 'critical',
    category: 'correctness',
  },
  run({ project, report }) {
    for (const finding of [...primaryKeyFindings(project), ...djangoFieldFindings(project), ...prismaUniqueFindings(project)]) report(finding);
  },
});
