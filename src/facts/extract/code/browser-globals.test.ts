import { describe, expect, it } from 'vitest';
import { usesBrowserGlobals } from './browser-globals.js';

describe('usesBrowserGlobals', () => {
  it('sees the DOM and storage globals', () => {
    expect(usesBrowserGlobals('document.title = "x";')).toBe(true);
    expect(usesBrowserGlobals('const token = localStorage.getItem("t");')).toBe(true);
    expect(usesBrowserGlobals('if (window.location.hash) go();')).toBe(true);
  });

  it('ignores locals that share the name: parameters, variables, destructuring', () => {
    expect(usesBrowserGlobals('function phrase(groups, window: LogWindow) { return window.to; }')).toBe(false);
    expect(usesBrowserGlobals('const document = parseDocument(text); const e = document.errors[0];')).toBe(false);
    expect(usesBrowserGlobals('const render = ({ window }) => window.width;')).toBe(false);
  });

  it('still sees a real global next to an unrelated local', () => {
    expect(usesBrowserGlobals('const document = parse(text); navigator.clipboard.writeText(document.text);')).toBe(true);
  });
});
