const GLOBAL_USE = /\b(document|window|localStorage|sessionStorage|navigator)\s*\./g;

/**
 * The code uses a browser global (`document.title`, `window.location`, `localStorage.getItem`),
 * not a local that shares its name: a parameter, variable, import or destructured name
 * (`function f(window: LogWindow)`, `const document = parseDocument(text)`). Masked code.
 */
export function usesBrowserGlobals(code: string): boolean {
  const used = new Set<string>();
  for (const match of code.matchAll(GLOBAL_USE)) used.add(match[1] as string);
  for (const name of used) if (!declaresLocally(code, name)) return true;
  return false;
}

function declaresLocally(code: string, name: string): boolean {
  // `const window =`, `let { document } =`, `function document(`, `import document from`, `import { window as ...`
  const declaration = new RegExp(`\\b(?:const|let|var|function|class|import)\\s+(?:\\{[^}]*\\b)?${name}\\b(?!\\s*\\.)`);
  // A parameter: `(window)`, `(a, window: T)`, `(window = x) =>`, `{ window }` destructured in a parameter list.
  const parameter = new RegExp(`[(,{]\\s*${name}\\s*[?]?\\s*[:,)=}]`);
  return declaration.test(code) || parameter.test(code);
}
