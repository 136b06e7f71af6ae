import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { writeTree } from '../support/temp-tree.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of the parsed page, depth first, without recursion. */
function elementsOf(html: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) stack.push(...node.childNodes);
  }
  return out;
}

const classOf = (element: Element): string[] => (element.attrs.find((attribute) => attribute.name === 'class')?.value ?? '').split(' ');

const fixture = materializeFixture(join(REPO_ROOT, 'test/fixtures/apps/fullstack-fastapi-next'));
const out = writeTree({});
const hostile = writeTree({
  'app/main.py': 'import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\n',
  'app/<img src=x onerror=alert(1)>.py': 'import os\nAPI_KEY = os.environ["API_KEY"]\nDATA = "/Users/alice/data"\n',
  'requirements.txt': 'fastapi\n',
});
afterAll(() => {
  fixture.cleanup();
  out.cleanup();
  hostile.cleanup();
});

describe('--format html', () => {
  it('writes a self-contained page for the FastAPI + Next.js app: graph, cards, filters', () => {
    const result = runCli(['audit', fixture.root, '--static', '--format', 'html=report.html', '--format', 'json=report.json'], { cwd: out.root });
    expect(result.status).toBe(0);
    const html = readFileSync(join(out.root, 'report.html'), 'utf8');
    const report = JSON.parse(readFileSync(join(out.root, 'report.json'), 'utf8')) as { findings: unknown[]; sections: { moduleMap: { modules: unknown[] } } };
    const elements = elementsOf(html);
    expect(elements.filter((element) => element.tagName === 'g' && classOf(element).includes('module'))).toHaveLength(report.sections.moduleMap.modules.length);
    expect(elements.filter((element) => element.tagName === 'path' && classOf(element).includes('violation'))).toHaveLength(1);
    expect(elements.filter((element) => element.tagName === 'article')).toHaveLength(report.findings.length);
    expect(elements.some((element) => element.attrs.some((attribute) => attribute.name === 'id' && attribute.value === 'filters'))).toBe(true);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
  });

  it('shows a hostile file name as text, never as markup', () => {
    const result = runCli(['audit', hostile.root, '--static', '--format', 'html'], { cwd: out.root });
    expect(result.status).not.toBe(3);
    expect(result.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;.py');
    const elements = elementsOf(result.stdout);
    expect(elements.some((element) => element.tagName === 'img')).toBe(false);
    expect(elements.filter((element) => element.tagName === 'script')).toHaveLength(1);
  });
});
