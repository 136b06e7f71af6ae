/** Paths health probes conventionally use, for liveness and readiness. */
const HEALTH_PATH = /(?:^|\/)(?:_?health(?:z|check|-check|_check)?|livez?|liveness|readyz?|readiness|ping|status|alive|heartbeat|up)(?:\/(?:live|liveness|ready|readiness))?\/?$/i;
const READINESS_PATH = /(?:^|\/)(?:readyz?|readiness)\/?$|\/health\/ready\/?$/i;

/** `/health`, `/healthz`, `/api/health`, `/_health`, `/livez`, `/ready`, `/ping`, `/status`... */
export function isHealthPath(path: string): boolean {
  return HEALTH_PATH.test(path);
}

/** A probe that says whether the app can serve traffic now (`/ready`, `/readyz`, `/health/ready`), as opposed to whether it is alive. */
export function isReadinessPath(path: string): boolean {
  return READINESS_PATH.test(path);
}
