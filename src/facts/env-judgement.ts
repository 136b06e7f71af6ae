import type { EnvRead, EnvVariable } from './env-contract.js';
import { isExampleEnvFile } from './env-files.js';
import type { Project } from './project.js';
import { isTestPath } from './path-roles.js';

/** Something gives the variable a value when the app is deployed (a forwarded `- NAME` does not). */
export function isProvided(variable: EnvVariable): boolean {
  return variable.provided.some((provision) => !provision.isForwarded);
}

/** Reads in code that runs when deployed (tests and fixtures do not). */
export function deployedReads(variable: EnvVariable): EnvRead[] {
  return variable.reads.filter((envRead) => !isTestPath(envRead.file));
}

/** The read that needs a value most: a strict one (the app dies), else any read without a default. */
export function readNeedingValue(variable: EnvVariable): EnvRead | undefined {
  const reads = deployedReads(variable).filter((envRead) => !envRead.hasDefault);
  return reads.find((envRead) => envRead.strict) ?? reads[0];
}

/** The `.env.example` family files of the project, root first. */
export function exampleFiles(project: Project): string[] {
  return project
    .manifests('dotenv')
    .map(({ file }) => file.path)
    .filter(isExampleEnvFile)
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}

/**
 * Variables libraries and tools read by themselves, so no code mentions them: SDK credentials
 * (AWS, OpenAI, Sentry...), ORMs' DATABASE_URL, libpq's PG*, framework and server settings.
 */
const IMPLICIT_EXACT = new Set([
  'DATABASE_URL', 'REDIS_URL', 'DJANGO_SETTINGS_MODULE', 'DEBUG', 'LOG_LEVEL', 'NODE_OPTIONS', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY',
  'GITHUB_TOKEN', 'HF_TOKEN', 'HUGGINGFACE_HUB_TOKEN', 'ANTHROPIC_API_KEY', 'GROQ_API_KEY', 'MISTRAL_API_KEY', 'COHERE_API_KEY',
  'STRIPE_API_KEY', 'SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'PYTHONDONTWRITEBYTECODE', 'PIP_NO_CACHE_DIR', 'NPM_CONFIG_PRODUCTION',
]);
const IMPLICIT_PREFIXES = [
  'AWS_', 'AZURE_', 'GOOGLE_', 'GCLOUD_', 'OPENAI_', 'SENTRY_', 'OTEL_', 'NEW_RELIC_', 'DD_', 'PRISMA_', 'UVICORN_', 'GUNICORN_',
  'FLASK_', 'DJANGO_', 'CELERY_', 'PG', 'POSTGRES_', 'MYSQL_', 'MONGO_INITDB_', 'REDIS_', 'NEXT_', 'VITE_', 'REACT_APP_', 'NUXT_', 'LANGCHAIN_', 'LANGSMITH_',
];

export function isImplicitlyRead(name: string): boolean {
  return IMPLICIT_EXACT.has(name) || IMPLICIT_PREFIXES.some((prefix) => name.startsWith(prefix));
}
