import { describe, expect, it } from 'vitest';
import { tagLiteral } from './literal-tags.js';
import { parseHostLiteral } from './network-literals.js';

describe('parseHostLiteral', () => {
  it.each([
    ['http://localhost:8000/api', { host: 'localhost', port: '8000', scheme: 'http', kind: 'loopback' }],
    ['redis://127.0.0.1:6379/0', { host: '127.0.0.1', port: '6379', scheme: 'redis', kind: 'loopback' }],
    ['http://[::1]:3000', { host: '[::1]', port: '3000', scheme: 'http', kind: 'loopback' }],
    ['http://0.0.0.0:8000', { host: '0.0.0.0', port: '8000', scheme: 'http', kind: 'loopback' }],
    ['http://localhost:{}/items', { host: 'localhost', port: '{}', scheme: 'http', kind: 'loopback' }],
    ['localhost', { host: 'localhost', kind: 'loopback' }],
    ['192.168.1.50:9000', { host: '192.168.1.50', port: '9000', kind: 'private-ip' }],
    ['postgres://app:pw@10.1.2.3/shop', { host: '10.1.2.3', scheme: 'postgres', kind: 'private-ip' }],
    ['http://172.20.0.4', { host: '172.20.0.4', scheme: 'http', kind: 'private-ip' }],
    ['100.101.102.103', { host: '100.101.102.103', kind: 'private-ip' }],
    ['169.254.10.20', { host: '169.254.10.20', kind: 'link-local' }],
    ['http://[fe80::1]:80', { host: '[fe80::1]', port: '80', scheme: 'http', kind: 'link-local' }],
    ['deploy@192.168.1.20:/srv/shop', { host: '192.168.1.20', kind: 'private-ip' }],
    ['nas.local', { host: 'nas.local', kind: 'lan-name' }],
    ['smtp://mail.corp:25', { host: 'mail.corp', port: '25', scheme: 'smtp', kind: 'lan-name' }],
    ['http://host.docker.internal:9091', { host: 'host.docker.internal', port: '9091', scheme: 'http', kind: 'docker-host' }],
    ['API_URL=http://localhost:8000', { host: 'localhost', port: '8000', scheme: 'http', kind: 'loopback' }],
  ])('%s', (value, expected) => {
    expect(parseHostLiteral(value)).toEqual(expected);
  });

  it.each([
    '0.0.0.0', '10.0.0.0/8', '172.16.0.0/12', '8.8.8.8', 'http://172.32.0.1', 'https://api.stripe.com', 'shop-db.railway.internal',
    'redis://cache.svc.cluster.local:6379', 'http://metadata.google.internal', 'see 192.168.1.1 for the router', 'version 10.0.0.1',
    'localhost is where the dev server runs', '1.2.3', '999.168.1.1', 'my.localhost.example.com', 'root@localhost', 'admin@nas.local',
    // Cloud instance and task metadata services answer on every VM and container platform.
    'http://169.254.169.254/latest/meta-data/iam/security-credentials', '169.254.169.254', 'http://169.254.170.2/v2/credentials', 'http://[fd00:ec2::254]/latest/api/token',
  ])('ignores %s', (value) => {
    expect(parseHostLiteral(value)).toBeUndefined();
  });
});

describe('tagLiteral network tags', () => {
  it('tells URLs to this machine from bare hosts and private addresses', () => {
    expect(tagLiteral('http://localhost:8000')).toEqual(['loopback-url']);
    expect(tagLiteral('127.0.0.1')).toEqual(['loopback-host']);
    expect(tagLiteral('http://10.0.0.12:8080/print')).toEqual(['private-address']);
    expect(tagLiteral('/home/dana/app')).toEqual(['machine-path', 'absolute-path']);
    expect(tagLiteral('hello world')).toEqual([]);
  });
});
