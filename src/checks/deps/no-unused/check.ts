import { defineCheck } from '../../api.js';
import type { DeclaredDependency } from '../../../facts/manifest-types.js';
import { moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { importNamesOf } from '../../../facts/python-distributions.js';
import { startDeclarations } from '../../../facts/start-targets.js';
import { normalizeDistribution } from '../../../parsers/pep508.js';

/** Used without an import: servers and CLIs, database drivers loaded from URLs, plugins and extras, build tools. */
const PYTHON_INDIRECT = /^(?:gunicorn|uvicorn|hypercorn|daphne|waitress|gevent|eventlet|uvloop|httptools|watchfiles|websockets|supervisor|honcho|psycopg2(?:-binary)?|psycopg(?:-binary|-pool)?|pymysql|mysqlclient|asyncpg|aiosqlite|aiomysql|mysql-connector-python|oracledb|cx-oracle|pyodbc|whitenoise|django-[\w-]+|djangorestframework[\w-]*|setuptools|wheel|pip|build|twine|cython|pytest[\w-]*|coverage|black|flake8[\w-]*|ruff|mypy|isort|pylint|pre-commit|tox|nox|ipython|jupyter[\w-]*|sphinx[\w-]*|mkdocs[\w-]*|types-[\w-]+|[\w-]+-stubs|python-multipart|email-validator|pydantic-settings|celery|flower|redis|hiredis|certifi|tzdata|greenlet)$/;
const NODE_INDIRECT = /^(?:@types\/.+|typescript|ts-node|tsx|nodemon|pm2|concurrently|cross-env|dotenv-cli|rimraf|husky|lint-staged|prettier|eslint(?:-.+)?|@eslint\/.+|@typescript-eslint\/.+|jest|vitest|mocha|@babel\/.+|babel-.+|webpack(?:-cli)?|vite|@vitejs\/.+|esbuild|rollup|postcss(?:-.+)?|autoprefixer|tailwindcss|@tailwindcss\/.+|.+-loader|prisma|sharp|pg-native|bufferutil|utf-8-validate|react-dom|next|nuxt|@sveltejs\/kit)$/;

export const noUnused = defineCheck({
  meta: {
    id: 'deps/no-unused',
    stage: 'scan',
    description: 'Prefer removing runtime dependencies that nothing in the project imports',
    severity: 'low',
    category: 'dependencies',
  },
  run({ project, report }) {
    const graph = moduleGraph(project);
    const pythonImports = new Set<string>();
    const packageImports = new Set<string>();
    for (const entry of graph.imports) {
      const { status, packageName } = entry.resolution;
      // Installed packages, and workspace packages the tree holds (declared by name, resolved to their folder).
      if (!packageName || (status !== 'external' && status !== 'project')) continue;
      (entry.file.endsWith('.py') ? pythonImports : packageImports).add(packageName);
    }
    const commands = startDeclarations(project).map((declaration) => declaration.command.command).join('\n');
    const hasPython = project.allFacts().some((facts) => facts.kind === 'python');
    const hasJavaScript = project.allFacts().some((facts) => facts.kind === 'javascript' || facts.kind === 'typescript');
    for (const { file, manifest } of project.manifests('python-dependencies')) {
      if (!hasPython) break;
      for (const dependency of manifest.dependencies) {
        if (!isRuntime(dependency) || PYTHON_INDIRECT.test(normalizeDistribution(dependency.name)) || commands.includes(dependency.name)) continue;
        if (importNamesOf(dependency.name).some((name) => pythonImports.has(name))) continue;
        reportUnused(report, file.path, dependency, 'Python');
      }
    }
    for (const { file, manifest } of project.manifests('package-json')) {
      if (!hasJavaScript) break;
      const scripts = Object.values(manifest.scripts).map((script) => script.command).join('\n');
      for (const dependency of manifest.dependencies ?? []) {
        if (dependency.group !== 'main' || NODE_INDIRECT.test(dependency.name) || packageImports.has(dependency.name)) continue;
        if (scripts.includes(dependency.name) || commands.includes(dependency.name)) continue;
        reportUnused(report, file.path, dependency, 'JavaScript');
      }
    }
  },
});

function isRuntime(dependency: DeclaredDependency): boolean {
  return dependency.group === 'main' && dependency.source !== 'path' && dependency.source !== 'editable';
}

function reportUnused(report: Parameters<Parameters<typeof defineCheck>[0]['run']>[0]['report'], manifest: string, dependency: DeclaredDependency, language: string): void {
  report({
    message: `${dependency.name} is declared in ${manifest} but no ${language} file in the project imports it: every install downloads it (and its vulnerabilities) for nothing.`,
    remediation: `Remove ${dependency.name} from ${manifest} if it is really unused (it may be loaded by name from configuration; then leave it and add a liveready-ignore comment saying so).`,
    location: { file: manifest, line: dependency.line },
    fingerprintContent: dependency.name,
  });
}
