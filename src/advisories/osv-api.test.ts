import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RECORDS, EXPRESS_OPEN_REDIRECT, EXPRESS_REDIRECT_XSS, LODASH_PROTOTYPE_POLLUTION } from '../../test/support/osv-records.js';
import { type OsvStandIn, startOsvStandIn } from '../../test/support/osv-stand-in.js';
import { queryOsvApi } from './osv-api.js';

const servers: OsvStandIn[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function standIn(mode?: Parameters<typeof startOsvStandIn>[1]): Promise<OsvStandIn> {
  const server = await startOsvStandIn(ALL_RECORDS, mode);
  servers.push(server);
  return server;
}

const queries = [
  { ecosystem: 'npm' as const, name: 'express', version: '4.17.1' },
  { ecosystem: 'npm' as const, name: 'lodash', version: '4.17.11' },
  { ecosystem: 'npm' as const, name: 'left-pad', version: '1.3.0' },
];
const never = new AbortController().signal;

describe('queryOsvApi', () => {
  it('asks querybatch, follows next_page_token, then fetches each distinct advisory', async () => {
    const server = await standIn();
    const result = await queryOsvApi(server.url, queries, { budgetMs: 5_000, signal: never });
    expect(result.errors).toEqual([]);
    expect(result.records.map((record) => record.id).sort()).toEqual([EXPRESS_REDIRECT_XSS.id, LODASH_PROTOTYPE_POLLUTION.id, EXPRESS_OPEN_REDIRECT.id].sort());
    expect(server.batches).toEqual([
      { queries: queries.map((query) => ({ package: { name: query.name, ecosystem: query.ecosystem }, version: query.version })) },
      { queries: [{ package: { name: 'express', ecosystem: 'npm' }, version: '4.17.1', page_token: 'page-2' }] },
    ]);
    expect(server.requests.filter((request) => request.startsWith('GET')).sort()).toEqual([`GET /v1/vulns/${EXPRESS_REDIRECT_XSS.id}`, `GET /v1/vulns/${LODASH_PROTOTYPE_POLLUTION.id}`, `GET /v1/vulns/${EXPRESS_OPEN_REDIRECT.id}`].sort());
  });

  it('gives up at the time budget when the API hangs, with the timeout as the error', async () => {
    const server = await standIn('hang');
    const result = await queryOsvApi(server.url, queries, { budgetMs: 300, signal: never });
    expect(result).toEqual({ records: [], errors: ['querybatch: timed out after 0.3 s'] });
  });

  it('records a 5xx answer and a non-JSON answer as errors', async () => {
    const failing = await standIn('error-500');
    expect(await queryOsvApi(failing.url, queries, { budgetMs: 5_000, signal: never })).toEqual({ records: [], errors: ['querybatch: HTTP 500'] });
    const garbage = await standIn('garbage');
    expect(await queryOsvApi(garbage.url, queries, { budgetMs: 5_000, signal: never })).toEqual({ records: [], errors: ['querybatch: the answer is not valid JSON'] });
  });

  it('records a refused connection as an error', async () => {
    const server = await standIn();
    const url = server.url;
    await server.close();
    servers.length = 0;
    const result = await queryOsvApi(url, queries, { budgetMs: 5_000, signal: never });
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual(['querybatch: cannot connect (ECONNREFUSED)']);
  });
});
