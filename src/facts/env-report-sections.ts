import type { EnvSection, EnvStatus, EnvVariableRow, StartSequenceSection } from '../model/env-section-schema.js';
import { redact } from '../util/redact.js';
import { type EnvVariable, envContract } from './env-contract.js';
import { deployedReads, exampleFiles, isProvided, readNeedingValue } from './env-judgement.js';
import type { Project } from './project.js';
import { isSecretName } from './secret-values.js';
import { resolveStartPlan } from './start-plan.js';

/** `report.sections.env`: the contract table, without a single value (defaults only for non-secrets). */
export function envSection(project: Project): EnvSection | undefined {
  const variables = envContract(project).variables;
  if (variables.length === 0) return undefined;
  return { variables: variables.map(envRow), exampleFiles: exampleFiles(project) };
}

/** Places listed per variable; `readCount` keeps the total. */
const MAX_PLACES = 20;

function envRow(variable: EnvVariable): EnvVariableRow {
  return {
    name: variable.name,
    status: statusOf(variable),
    required: readNeedingValue(variable) !== undefined,
    strict: variable.strict,
    secret: variable.secret,
    platform: variable.platform,
    readCount: variable.reads.length,
    // A variable read in thousands of places (generated code) must not swell the report: the first few say where.
    readAt: variable.reads.slice(0, MAX_PLACES).map((envRead) => {
      const shown = !variable.secret && envRead.defaultValue !== undefined && !envRead.defaultValue.startsWith('<') ? redact(envRead.defaultValue) : undefined;
      return { file: envRead.file, line: envRead.line, via: envRead.via, ...(shown !== undefined ? { default: shown } : {}) };
    }),
    // Two compose services loading the same env_file provide from one line: list the line once.
    providedBy: variable.provided
      .filter((provision, index, all) => all.findIndex((other) => other.file === provision.file && other.line === provision.line) === index)
      .map((provision) => ({ file: provision.file, line: provision.line, source: provision.source, ...(provision.isForwarded ? { forwarded: true } : {}) })),
    documentedIn: variable.documented.map((documentation) => ({ file: documentation.file, line: documentation.line })),
  };
}

/** What a deploy needs to do about the variable, in one word. */
export function statusOf(variable: EnvVariable): EnvStatus {
  if (variable.platform) return 'platform';
  if (variable.reads.length === 0) return 'unused';
  if (isProvided(variable)) return 'provided';
  if (readNeedingValue(variable) === undefined) return deployedReads(variable).length > 0 ? 'optional' : 'unused';
  return variable.documented.length > 0 ? 'documented' : 'missing';
}

/** A monorepo can declare dozens of starts; the report names the first few it wins over. */
const MAX_ALTERNATIVES = 10;

/** `report.sections.startSequence`: command -> entry file -> server -> port (the platform's own precedence). */
export function startSequenceSection(project: Project): StartSequenceSection | undefined {
  const plan = resolveStartPlan(project);
  if (!plan) return undefined;
  const bind = plan.bind;
  // `API_TOKEN=abc node server.js`: inline secrets are masked like every other secret.
  const inlineSecrets = plan.env.filter((assignment) => isSecretName(assignment.name)).map((assignment) => assignment.value);
  const section: StartSequenceSection = {
    command: redact(plan.command, inlineSecrets),
    cwd: plan.cwd,
    source: plan.source,
    isInContainer: plan.isInContainer,
    alternatives: plan.alternatives.slice(0, MAX_ALTERNATIVES).map((alternative) => ({ source: alternative.source, command: redact(alternative.command), file: alternative.location.file, line: alternative.location.line })),
  };
  if (plan.location) section.location = { file: plan.location.file, line: plan.location.line };
  if (plan.entry) section.entry = plan.entry;
  if (plan.server) section.server = plan.server;
  if (bind?.host !== undefined) section.host = bind.host;
  if (bind?.port !== undefined) section.port = bind.port;
  if (bind?.portEnv !== undefined) section.portEnv = bind.portEnv;
  if (bind) section.bindAt = { file: bind.location.file, line: bind.location.line };
  return section;
}
