import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OsvStandIn {
  url: string;
  /** Every request path received, in order (querybatch bodies are in `batches`). */
  requests: string[];
  batches: unknown[];
  close(): Promise<void>;
}

type Mode = 'ok' | 'hang' | 'error-500' | 'garbage';

/**
 * A loopback stand-in for the OSV API: POST /v1/querybatch answers the ids of the records naming
 * each queried package (the first id on a first page, the rest after `next_page_token`), and
 * GET /v1/vulns/{id} answers the record. Other modes hang, answer 500, or answer garbage.
 */
export async function startOsvStandIn(records: ReadonlyArray<{ id: string; affected: ReadonlyArray<{ package: { ecosystem: string; name: string } }> }>, mode: Mode = 'ok'): Promise<OsvStandIn> {
  const requests: string[] = [];
  const batches: unknown[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (mode === 'hang') return;
    if (mode === 'error-500') return send(response, 500, '{"code":13,"message":"internal"}');
    if (mode === 'garbage') return send(response, 200, '<html>captive portal</html>');
    void answer(request, response, records, batches);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    batches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, records: Parameters<typeof startOsvStandIn>[0], batches: unknown[]): Promise<void> {
  const url = request.url ?? '';
  if (request.method === 'POST' && url === '/v1/querybatch') {
    const body = JSON.parse(await readBody(request)) as { queries: Array<{ package: { name: string; ecosystem: string }; page_token?: string }> };
    batches.push(body);
    const results = body.queries.map((query) => {
      const ids = records.filter((record) => record.affected.some((entry) => entry.package.name === query.package.name && entry.package.ecosystem === query.package.ecosystem)).map((record) => ({ id: record.id, modified: '2024-01-01T00:00:00Z' }));
      if (query.page_token === 'page-2') return { vulns: ids.slice(1) };
      return ids.length > 1 ? { vulns: ids.slice(0, 1), next_page_token: 'page-2' } : ids.length === 1 ? { vulns: ids } : {};
    });
    return send(response, 200, JSON.stringify({ results }));
  }
  const id = /^\/v1\/vulns\/([^/?]+)$/.exec(url)?.[1];
  const record = id ? records.find((candidate) => candidate.id === decodeURIComponent(id)) : undefined;
  if (request.method === 'GET' && record) return send(response, 200, JSON.stringify(record));
  send(response, 404, '{"code":5,"message":"Bug not found."}');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body);
}
