import { type CheckContext, defineCheck } from '../../api.js';
import { type AppHooks, hooksByApp } from '../../../facts/service/lifecycle-hooks.js';

export const noMultipleStartupHooks = defineCheck({
  meta: {
    id: 'lifecycle/no-multiple-startup-hooks',
    stage: 'scan',
    description: 'Disallow more than one startup hook per app, and event handlers mixed with a lifespan handler',
    severity: 'moderate',
    category: 'correctness',
  },
  run({ project, report }) {
    for (const app of hooksByApp(project)) {
      if (app.lifespan) reportMixed(app, report);
      else if (app.startup.length >= 2) reportTwice(app, report);
    }
  },
});

type Report = CheckContext['report'];

function reportMixed(app: AppHooks, report: Report): void {
  const lifespan = app.lifespan as NonNullable<AppHooks['lifespan']>;
  if (lifespan.options.includes('on_startup') || lifespan.options.includes('on_shutdown')) {
    report({
      message: `\`${app.name}\` is created with both \`lifespan\` and \`on_startup\`/\`on_shutdown\`: Starlette refuses the combination and the app fails at import ("Use either 'lifespan' or 'on_startup'/'on_shutdown', not both").`,
      remediation: 'Move the startup and shutdown code into the lifespan handler (before and after its `yield`) and drop on_startup/on_shutdown.',
      location: { file: lifespan.file, line: lifespan.line },
      severity: 'critical',
      fingerprintContent: `${app.name}:lifespan+on_startup`,
    });
  }
  for (const hook of app.events) {
    report({
      message: `\`${app.name}\` has a lifespan handler (${lifespan.file}:${lifespan.line}), so this \`${hook.kind}("${hook.event}")\` handler is never called: whatever it ${hook.event === 'shutdown' ? 'closes stays open' : 'sets up (connections, caches, background tasks) is missing when requests arrive'}.`,
      remediation: `Move this code into the lifespan handler (${hook.event === 'shutdown' ? 'after' : 'before'} its \`yield\`); FastAPI runs either the lifespan or the event handlers, never both.`,
      location: { file: hook.file, line: hook.line },
      related: [{ file: lifespan.file, line: lifespan.line }],
      severity: 'critical',
      fingerprintContent: `${app.name}:${hook.kind}:${hook.event}:lifespan`,
    });
  }
}

function reportTwice(app: AppHooks, report: Report): void {
  const [first, ...rest] = app.startup;
  if (!first) return;
  for (const hook of rest) {
    report({
      message: `\`${app.name}\` has ${app.startup.length} startup hooks (${app.startup.map((candidate) => `${candidate.file}:${candidate.line}`).join(', ')}): they run one after the other in import order, so whether one sees what another sets up depends on which module was imported first, and a failure in a later hook leaves the earlier ones' resources half-initialized.`,
      remediation: 'Use one startup path: a single lifespan handler (FastAPI/Starlette) or one startup function that calls the steps in an explicit order.',
      location: { file: hook.file, line: hook.line },
      related: [{ file: first.file, line: first.line }],
      fingerprintContent: `${app.name}:startup:${hook.kind}`,
    });
  }
}
