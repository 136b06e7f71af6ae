import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../event.js';
import type { LogErrorGroup } from '../../facts/evidence/logs.js';
import type { Finding } from '../../model/finding.js';
import { ErrorGroups } from './error-groups.js';
import { findPredictingFinding } from './link-findings.js';
import { normalizeMessage, normalizeRoute } from './normalize.js';
import { ProjectFiles } from './project-files.js';
import { classifyResource } from './resource.js';

describe('normalizeMessage', () => {
  it.each([
    ['user 4821 not found', 'user <n> not found'],
    ['order 5f1d6c1e-2b7a-4d8e-9c1e-0a9b8c7d6e5f failed', 'order <uuid> failed'],
    ["No such file: '/var/data/uploads/a-1.png'", "No such file: '<path>'"],
    ['connect ECONNREFUSED 10.0.3.7:5432', 'connect ECONNREFUSED <ip>'],
    ['listen EADDRINUSE: address already in use :::3000', 'listen EADDRINUSE: address already in use <ip>'],
    ['object at 0x7f3a2c1d0e80 is gone', 'object at <hex> is gone'],
    ['commit 3f2a9c1e77d04c55 missing', 'commit <hex> missing'],
    ['event evt_1OqX4e2eZvKYlo2C invalid', 'event <id> invalid'],
    ['mail to ana@example.com bounced', 'mail to <email> bounced'],
    ['GET https://api.stripe.com/v1/charges?limit=3 failed', 'GET <url> failed'],
    ["KeyError: 'amount_cents'", "KeyError: 'amount_cents'"],
  ])('%s', (message, expected) => {
    expect(normalizeMessage(message)).toBe(expected);
  });

  it('routes: ids become :id, the query is dropped', () => {
    expect(normalizeRoute('/items/42?expand=1')).toBe('/items/:id');
    expect(normalizeRoute('/orders/3f2a9c1e-77d0-4c55-9a43-2f0d9b1c8e21/lines')).toBe('/orders/:id/lines');
    expect(normalizeRoute('/health')).toBe('/health');
  });
});

describe('classifyResource', () => {
  const event = (type: string, message: string, code?: string): LogEvent => ({ level: 'error', message, line: 1, text: [], exceptions: [{ type, message, frames: [], ...(code ? { code } : {}) }] });
  it.each([
    ['MemoryError', '', 'out-of-memory'],
    ['Error', 'Worker (pid:3) was sent SIGKILL! Perhaps out of memory?', 'out-of-memory'],
    ['OSError', '[Errno 28] No space left on device', 'disk-full'],
    ['OSError', '[Errno 24] Too many open files', 'too-many-open-files'],
    ['Error', 'listen EADDRINUSE: address already in use :::3000', 'address-in-use'],
    ['ConnectionRefusedError', '[Errno 111] Connection refused', 'connection-refused'],
    ['requests.exceptions.ReadTimeout', 'read timed out', 'timeout'],
    ['ProcessExit', 'terminated by SIGKILL', 'killed-by-signal'],
  ])('%s: %s', (type, message, expected) => {
    expect(classifyResource(event(type, message))).toBe(expected);
  });

  it('does not take words in ordinary errors for resource failures', () => {
    expect(classifyResource(event('KeyError', "'timeout'"))).toBeUndefined();
    expect(classifyResource(event('ValueError', 'memory_limit must be an int'))).toBeUndefined();
    expect(classifyResource(event('TypeError', "Cannot read properties of undefined (reading 'connection')"))).toBeUndefined();
  });
});

describe('ProjectFiles', () => {
  const project = new ProjectFiles(['main.py', 'app/__init__.py', 'app/payments.py', 'app/tasks.py', 'backend/app/models.py', 'worker/app/models.py', 'src/routes/users.ts', 'server.js']);

  it.each([
    ['/app/app/payments.py', 'app/payments.py'],
    ['/opt/render/project/src/app/payments.py', 'app/payments.py'],
    ['C:\\srv\\shop\\app\\payments.py', 'app/payments.py'],
    ['file:///home/runner/shop/server.js', 'server.js'],
    ['webpack-internal:///(rsc)/./server.js', 'server.js'],
    ['/srv/api/dist/routes/users.js', 'src/routes/users.ts'],
    ['./main.py', 'main.py'],
  ])('%s is %s', (frame, expected) => {
    expect(project.resolveFrame(frame)).toBe(expected);
  });

  it('never takes installed packages or the runtime for project files, even when a suffix matches', () => {
    for (const frame of ['/usr/local/lib/python3.12/site-packages/uvicorn/main.py', '/app/.venv/lib/python3.11/site-packages/app/payments.py', '/app/node_modules/express/server.js', 'node:internal/modules/cjs/loader', '<frozen runpy>', '/usr/lib/python3.11/json/main.py']) {
      expect(project.resolveFrame(frame), frame).toBeUndefined();
    }
  });

  it('resolves logger names to modules: exact, a function of a module, but not a package or an ambiguous name', () => {
    expect(project.resolveLogger('app.payments')).toBe('app/payments.py');
    expect(project.resolveLogger('app.tasks.send_receipt')).toBe('app/tasks.py');
    expect(project.resolveLogger('app.db')).toBeUndefined();
    expect(project.resolveLogger('app.models')).toBeUndefined();
    expect(project.resolveLogger('backend.app.models')).toBe('backend/app/models.py');
    expect(project.resolveLogger('uvicorn.error')).toBeUndefined();
  });
});

describe('ErrorGroups', () => {
  const hour = 3_600_000;
  const start = Date.UTC(2024, 2, 1);
  const error = (time: number | undefined, message = 'boom'): LogEvent => ({ level: 'error', message, line: 1, text: ['ERROR boom'], exceptions: [{ type: 'ValueError', message, frames: [] }], ...(time === undefined ? {} : { time }) });
  const groups = (maxGroups?: number, recentRuns = 5): ErrorGroups => new ErrorGroups({ project: new ProjectFiles([]), windowHours: 24, recentRuns, ...(maxGroups ? { maxGroups } : {}) });

  it('counts as recent the occurrences in the last 24 h before the newest timestamp of all logs', () => {
    const grouped = groups();
    // 30 days of one error an hour: only the last 24 h count, however many buckets went by.
    for (let index = 0; index < 30 * 24; index += 1) {
      grouped.observeTime(start + index * hour);
      grouped.add(error(start + index * hour), { source: 0, file: 'app.log', run: 0, isRecent: false });
    }
    const result = grouped.finish();
    expect(result.groups.map((group) => `${group.count} ${group.recentCount}`)).toEqual(['720 25']);
    expect(result.window).toMatchObject({ from: '2024-03-29T23:00:00.000Z', to: '2024-03-30T23:00:00.000Z' });
  });

  it('for logs without timestamps, counts the last N runs of each source', () => {
    const grouped = groups(undefined, 2);
    for (let run = 0; run < 4; run += 1) {
      grouped.observeRun(0, run);
      grouped.add(error(undefined), { source: 0, file: 'app.log', run, isRecent: false });
    }
    // A second source (app.log.1) with one run: its only run is recent.
    grouped.add(error(undefined), { source: 1, file: 'app.log', run: 0, isRecent: false });
    expect(grouped.finish().groups.map((group) => `${group.count} ${group.recentCount}`)).toEqual(['5 3']);
  });

  it('keeps bounded copies of what a 64 KB garbage line put in an event', () => {
    const grouped = groups();
    const huge = 'a'.repeat(64 * 1024);
    grouped.add({ level: 'error', message: huge, line: 1, text: [huge.slice(0, 401)], origin: { name: huge, kind: 'logger' }, exceptions: [{ type: huge, message: huge, frames: [] }] }, { source: 0, file: 'app.log', run: 0, isRecent: false });
    const [group] = grouped.finish().groups;
    expect(group?.exception.type.length).toBe(201);
    expect(group?.exception.message.length).toBe(501);
    expect(group?.module.name.length).toBe(201);
  });

  it('folds distinct errors beyond the group limit into one "other errors" group per module', () => {
    const grouped = groups(3);
    for (let index = 0; index < 10; index += 1) grouped.add(error(start, `failure kind ${'x'.repeat(index)}`), { source: 0, file: 'app.log', run: 0, isRecent: false });
    const result = grouped.finish();
    expect(result.foldedGroups).toBe(7);
    expect(result.groups.map((group) => `${group.exception.type} ${group.count}`)).toEqual(['(other errors) 7', 'ValueError 1', 'ValueError 1', 'ValueError 1']);
  });
});

describe('findPredictingFinding', () => {
  const finding = (checkId: string, stage: Finding['stage'], line: number, evidence: string): Finding => ({ checkId, stage, severity: 'moderate', category: 'portability', message: 'm', remediation: 'r', location: { file: 'app/settings.py', line }, evidence, fingerprint: `${checkId}-${line}` });
  const group = (line: number, code: string): LogErrorGroup => ({
    fingerprint: 'f', signature: 's', module: { name: 'app/settings.py', via: 'frame' }, level: 'error', exception: { type: 'E', message: '' },
    projectFrames: [{ file: 'app/settings.py', line, code }], count: 1, recentCount: 1, example: { file: 'app.log', line: 1, text: [] },
  });
  const findings = [finding('scan/a', 'scan', 3, 'A = 1'), finding('scan/b', 'scan', 6, 'B = 2'), finding('logs/no-recent-errors', 'logs', 7, 'C = 3'), finding('scan/c', 'scan', 40, 'DATA = load("/Users/ana/data")')];

  it('takes the closest static finding within 3 lines of a frame, never a finding of the logs stage', () => {
    expect(findPredictingFinding(group(5, 'x = 0'), findings)?.checkId).toBe('scan/b');
    expect(findPredictingFinding(group(7, 'C = 3'), findings)?.checkId).toBe('scan/b');
    expect(findPredictingFinding(group(12, 'y = 0'), findings)).toBeUndefined();
  });

  it('matches the very line of code the trace printed even after edits moved it', () => {
    expect(findPredictingFinding(group(52, 'DATA = load("/Users/ana/data")'), findings)?.checkId).toBe('scan/c');
  });
});
