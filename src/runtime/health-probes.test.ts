import { describe, expect, it } from 'vitest';
import { judgeProbe, planProbes } from './health-probes.js';

describe('planProbes', () => {
  it('configured paths, then manifest paths, then the conventional ones (once each), then smoke requests', () => {
    const planned = planProbes({ healthPaths: ['/status', '/health'], smoke: [{ method: 'post', path: '/orders', expectStatus: 201 }] }, ['/healthz']);
    expect(planned.map((probe) => `${probe.source} ${probe.method} ${probe.path}`)).toEqual([
      'config GET /status',
      'config GET /health',
      'manifest GET /healthz',
      'default GET /ready',
      'default GET /readyz',
      'default GET /',
      'smoke POST /orders',
    ]);
  });
});

describe('judgeProbe', () => {
  it.each([
    ['default', '/health', 200, undefined, 'ok'],
    ['default', '/healthz', 404, undefined, 'absent'],
    ['default', '/', 401, undefined, 'absent'],
    ['default', '/health', 401, undefined, 'failed'],
    ['default', '/', 503, undefined, 'failed'],
    ['default', '/ready', undefined, undefined, 'failed'],
    ['config', '/status', 404, undefined, 'failed'],
    ['manifest', '/healthz', 302, undefined, 'ok'],
    ['smoke', '/orders', 201, 201, 'ok'],
    ['smoke', '/orders', 200, 201, 'failed'],
  ] as const)('%s %s answering %s (expect %s) is %s', (source, path, status, expectStatus, judgement) => {
    expect(judgeProbe({ source, path, ...(expectStatus === undefined ? {} : { expectStatus }) }, status)).toBe(judgement);
  });
});
