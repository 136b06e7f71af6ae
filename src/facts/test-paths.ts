/** Tests, fixtures and specs: code that never runs in a deployment. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures|e2e|cypress|playwright)\/|[._-](test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
