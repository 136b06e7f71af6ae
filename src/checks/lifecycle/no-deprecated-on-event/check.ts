import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';

/** Pins that keep Flask below 2.3, where `before_first_request` still exists. */
const BELOW_2_3 = /(?:<=?|==|~=)\s*(?:[01](?:\.\d+)*|2\.[0-2](?:\.\d+)*)(?![\d.])|<\s*2\.3(?![\d])/;

export const noDeprecatedOnEvent = defineCheck({
  meta: {
    id: 'lifecycle/no-deprecated-on-event',
    stage: 'scan',
    description: 'Disallow deprecated startup hooks: FastAPI/Starlette on_event and Flask before_first_request',
    severity: 'low',
    category: 'maintainability',
  },
  run({ project, report }) {
    const isOldFlask = flaskPinnedBelow23(project);
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const hook of facts.source?.service?.hooks ?? []) {
        if (hook.kind === 'on_event') {
          report({
            message: `\`@${hook.owner}.on_event("${hook.event}")\` is deprecated in FastAPI and Starlette in favour of lifespan handlers, and it cannot be combined with a lifespan handler: the day someone adds \`lifespan=\`, this hook silently stops running.`,
            remediation: `Move the code into a lifespan handler: \`@asynccontextmanager async def lifespan(app): ...setup...; yield; ...teardown...\` and \`FastAPI(lifespan=lifespan)\`.`,
            location: { file: facts.path, line: hook.line, column: hook.column },
            fingerprintContent: `${hook.owner}.on_event:${hook.event}`,
          });
        } else if (hook.kind === 'before_first_request') {
          report({
            message: isOldFlask
              ? `\`@${hook.owner}.before_first_request\` is deprecated and removed in Flask 2.3: the pinned Flask still has it, but the upgrade will break the app at import.`
              : `\`@${hook.owner}.before_first_request\` was removed in Flask 2.3, and nothing pins Flask below 2.3: with a current Flask this module raises AttributeError at import and the app never starts.`,
            remediation: 'Run the setup at app creation instead (in the app factory, inside `with app.app_context():`), or pin Flask below 2.3 until it is moved.',
            location: { file: facts.path, line: hook.line, column: hook.column },
            severity: isOldFlask ? 'low' : 'critical',
            fingerprintContent: `${hook.owner}.before_first_request`,
          });
        }
      }
    }
  },
});

function flaskPinnedBelow23(project: Project): boolean {
  return project.manifests('python-dependencies').some(({ manifest }) => manifest.dependencies.some((dependency) => dependency.name.toLowerCase() === 'flask' && BELOW_2_3.test(dependency.spec)));
}
