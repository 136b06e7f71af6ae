import { describe, expect, it } from 'vitest';
import { isConfigFile } from './config-files.js';
import { summarizeLines } from './diff.js';

describe('summarizeLines', () => {
  it('counts a replaced line and shows it', () => {
    expect(summarizeLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ linesAdded: 1, linesRemoved: 1, excerpt: ['- b', '+ B'] });
  });

  it('appended lines and a new file', () => {
    expect(summarizeLines('A=1\n', 'A=1\nB=2\n')).toEqual({ linesAdded: 1, linesRemoved: 0, excerpt: ['+ B=2'] });
    expect(summarizeLines('', 'x\ny\n')).toMatchObject({ linesAdded: 2, linesRemoved: 0 });
  });

  it('moved lines inside the changed block are not counted as changes', () => {
    expect(summarizeLines('h\n1\n2\n3\nt\n', 'h\n3\n1\n2\nt\n')).toMatchObject({ linesAdded: 0, linesRemoved: 0 });
  });

  it('keeps the excerpt short', () => {
    const many = Array.from({ length: 50 }, (_, index) => `line ${index}`).join('\n');
    expect(summarizeLines('', many).excerpt).toHaveLength(8);
  });
});

describe('isConfigFile', () => {
  it.each(['.env', '.env.production', 'config/.env.local', 'prod.env', '.replit', 'package.json', 'config.json', 'settings.prod.json', 'app/appsettings.json', 'config/app.yaml', 'fly.toml', 'setup.cfg', 'uwsgi.ini', 'nginx.conf'])('%s is config', (path) => {
    expect(isConfigFile(path)).toBe(true);
  });

  it.each(['data/visits.json', 'cache/products.json', 'logs/app.log', 'orders.csv', 'app.py', 'README.md', 'environment.py'])('%s is not', (path) => {
    expect(isConfigFile(path)).toBe(false);
  });
});
