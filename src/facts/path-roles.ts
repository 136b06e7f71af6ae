/**
 * What a file is for, judged from its path: tests and documentation are not what gets deployed
 * and run, so checks about runtime behaviour skip them and checks about leaks lower their severity.
 */

const TEST_DIRECTORY = /(?:^|\/)(?:_?tests?|__tests__|spec|specs|fixtures?|__fixtures__|testdata|test-data|__mocks__|mocks|e2e|cypress|playwright)\//i;
/** Matched against the file name alone (a pattern anchored at every `/` of the path costs twice as much). */
const TEST_FILE = /^(?:test_[^/]*\.py|[^/]*_tests?\.py|conftest\.py|[^/]*[._-](?:test|spec|e2e)\.[cm]?[jt]sx?|[^/]*\.stories\.[cm]?[jt]sx?)$/;
const DOCUMENTATION_DIRECTORY = /(?:^|\/)(?:docs?|examples?|samples?|demos?)\//i;
const DOCUMENTATION_FILE = /\.(?:md|markdown|rst|adoc|ipynb)$|(?:^|\/)(?:README|CHANGELOG|CONTRIBUTING)[^/]*$/i;

/** Test code and its data: `tests/`, `__tests__/`, `fixtures/`, `test_*.py`, `*.test.ts`, `conftest.py`... */
export function isTestPath(path: string): boolean {
  return TEST_DIRECTORY.test(path) || TEST_FILE.test(path.slice(path.lastIndexOf('/') + 1));
}

/** Documentation and examples: `docs/`, `examples/`, Markdown, READMEs, notebooks. */
export function isDocumentationPath(path: string): boolean {
  return DOCUMENTATION_DIRECTORY.test(path) || DOCUMENTATION_FILE.test(path);
}

/** Answers by path: every check asks about every file, and the regexes cost more than a lookup. Bounded. */
const NON_PRODUCTION = new Map<string, boolean>();
const MAX_REMEMBERED = 200_000;

/** Tests, documentation or examples: in the repository, but not the code that runs in production. */
export function isNonProductionPath(path: string): boolean {
  let answer = NON_PRODUCTION.get(path);
  if (answer === undefined) {
    answer = isTestPath(path) || isDocumentationPath(path);
    if (NON_PRODUCTION.size >= MAX_REMEMBERED) NON_PRODUCTION.clear();
    NON_PRODUCTION.set(path, answer);
  }
  return answer;
}

const DEV_TOOL_CONFIG = /(?:^|\/)(?:vite|vitest|webpack|rollup|jest|playwright|cypress|karma|babel|nodemon|storybook)\.config\.[cm]?[jt]s$|(?:^|\/)setupProxy\.[cm]?[jt]s$|(?:^|\/)\.storybook\//;

/** Configuration of development tools (dev-server proxies, test runners): never part of the deployed app. */
export function isDevToolConfigPath(path: string): boolean {
  return DEV_TOOL_CONFIG.test(path);
}
