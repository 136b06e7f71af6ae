import { request } from 'node:http';

export interface ProbeRequest {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface ProbeResponse {
  status?: number;
  latencyMs: number;
  bodyExcerpt?: string;
  error?: string;
}

const MAX_BODY_BYTES = 64 * 1024;
const EXCERPT_CHARS = 200;

/** One HTTP request to the app on loopback: status, latency and the start of the body. Never throws. */
export function probe(port: number, spec: ProbeRequest): Promise<ProbeResponse> {
  const started = Date.now();
  const body = spec.body === undefined ? undefined : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
  const headers: Record<string, string> = { 'user-agent': 'liveready-probe', ...(spec.headers ?? {}) };
  if (body !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(body));
    if (typeof spec.body !== 'string' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: Omit<ProbeResponse, 'latencyMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...response, latencyMs: Date.now() - started });
    };
    const req = request({ host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_BODY_BYTES) res.destroy();
      });
      const done = (): void => finish({ ...(res.statusCode === undefined ? {} : { status: res.statusCode }), bodyExcerpt: excerpt(Buffer.concat(chunks)) });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ error: `no response within ${spec.timeoutMs} ms` });
    }, spec.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function excerpt(bytes: Buffer): string {
  const text = bytes.toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}
