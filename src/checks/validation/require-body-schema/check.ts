import { defineCheck } from '../../api.js';
import { isBrowserCode } from '../../../facts/browser-code.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';

/** Libraries that validate every request body against a schema for the whole app. */
const GLOBAL_VALIDATORS = /^(?:express-openapi-validator|express-json-validator-middleware|openapi-backend|@apidevtools\/swagger-express-middleware)$/;

export const requireBodySchema = defineCheck({
  meta: {
    id: 'validation/require-body-schema',
    stage: 'schema',
    description: 'Require request bodies to be validated against a schema before handlers use them',
    severity: 'moderate',
    category: 'security',
  },
  run({ project, report }) {
    if (hasGlobalValidator(project)) return;
    const validatedNames = new Set(project.allFacts().flatMap((facts) => facts.source?.service?.validatedHandlers ?? []));
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path) || isBrowserCode(facts)) continue;
      const isPython = facts.kind === 'python';
      for (const read of facts.source?.service?.bodyReads ?? []) {
        const handler = facts.source?.code?.functions[read.functionIndex];
        if (read.isValidated || (handler?.name && validatedNames.has(handler.name))) continue;
        const route = [...(facts.source?.code?.routes ?? []), ...(facts.source?.service?.routes ?? [])].find((candidate) => candidate.handlerIndex === read.functionIndex);
        const name = handler?.name ? `\`${handler.name}\`` : route ? `The \`${route.method} ${route.path}\` handler` : 'This handler';
        report({
          message: `${name} reads the request body with \`${read.api}\` and uses it without a schema: missing fields, wrong types and unexpected keys go straight into the code (${isPython ? 'KeyError/TypeError' : 'TypeErrors, undefined values'} turn into 500s) and into whatever it writes to, since nothing checks what the client sent.`,
          remediation: isPython
            ? 'Validate the body first: a pydantic model (`Order.model_validate(request.get_json())`), a marshmallow schema (`schema.load(...)`), or a validating decorator; answer 400 with the errors. FastAPI does this for typed body parameters.'
            : 'Validate the body first: `schema.parse(req.body)` (zod), joi/celebrate, express-validator, or ajv; answer 400 with the errors.',
          location: { file: facts.path, line: read.line, column: read.column },
          fingerprintContent: `${handler?.name ?? ''}:${read.api}`,
        });
      }
    }
  },
});

function hasGlobalValidator(project: Project): boolean {
  return project.allFacts().some((facts) => !isNonProductionPath(facts.path) && (facts.source?.code?.imports ?? []).some((entry) => GLOBAL_VALIDATORS.test(entry.module)));
}
