import { describe, expect, it } from 'vitest';
import { FILTER_SCRIPT } from './filter-script.js';

/** Just enough of a DOM for the filter script: the cards, the bar's controls and its events. */
function fakePage(cards: Array<{ severity: string; stage: string; text: string }>) {
  const listeners: Record<string, Array<() => void>> = {};
  const boxes = ['critical', 'moderate', 'low'].map((value) => ({ value, checked: true }));
  const stage = { value: '' };
  const search = { value: '' };
  const count = { textContent: '' };
  const articles = cards.map((card) => ({ hidden: false, textContent: card.text, getAttribute: (name: string) => (name === 'data-severity' ? card.severity : card.stage) }));
  const bar = {
    hidden: true,
    querySelectorAll: () => boxes,
    querySelector: (selector: string) => (selector.startsWith('select') ? stage : search),
    addEventListener: (event: string, listener: () => void) => (listeners[event] ??= []).push(listener),
  };
  const document = { getElementById: (id: string) => (id === 'filters' ? bar : count), querySelectorAll: () => articles };
  new Function('document', FILTER_SCRIPT)(document);
  const fire = (): void => listeners.change?.forEach((listener) => listener());
  const shown = (): boolean[] => articles.map((article) => !article.hidden);
  return { bar, boxes, stage, search, count, fire, shown };
}

describe('the filter script', () => {
  const page = fakePage([
    { severity: 'critical', stage: 'config', text: 'env/no-missing-required app/settings.py:3 DATABASE_URL' },
    { severity: 'moderate', stage: 'scan', text: 'resilience/require-http-timeout frontend/lib/api.ts:2' },
    { severity: 'low', stage: 'config', text: 'env/require-documented app/settings.py:9 SENTRY_DSN' },
  ]);

  it('reveals the bar and starts with every finding shown', () => {
    expect(page.bar.hidden).toBe(false);
    expect(page.shown()).toEqual([true, true, true]);
    expect(page.count.textContent).toBe('3 of 3 findings shown');
  });

  it('combines severity boxes, the stage and case-insensitive text', () => {
    page.boxes[2]!.checked = false;
    page.fire();
    expect(page.shown()).toEqual([true, true, false]);
    page.stage.value = 'config';
    page.fire();
    expect(page.shown()).toEqual([true, false, false]);
    page.boxes[2]!.checked = true;
    page.search.value = '  Sentry ';
    page.fire();
    expect(page.shown()).toEqual([false, false, true]);
    expect(page.count.textContent).toBe('1 of 3 findings shown');
  });
});
