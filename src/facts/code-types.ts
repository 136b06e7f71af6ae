/**
 * Code facts of one Python or JS/TS file: imports, functions and what they call, loops and what
 * their bodies contain, calls of interest, route declarations, swallowed exceptions. Plain JSON data
 * (cached by content hash); positions are 1-based.
 */
export interface CodeFacts {
  imports: ImportFact[];
  functions: FunctionFact[];
  loops: LoopFact[];
  calls: CallFact[];
  routes: RouteFact[];
  swallowed: SwallowedFact[];
  /** Names called by statements that run when the module is imported (module level, outside a `__main__` guard). */
  importTimeCalls: string[];
  /** Names called under `if __name__ == "__main__":` (Python). */
  mainCalls: string[];
  /** Python: the module has an `if __name__ == "__main__":` block. */
  hasMainGuard?: boolean;
  /** JS/TS: the code uses `document`, `window`, `localStorage` or `navigator` (it runs in a browser). */
  usesBrowserGlobals?: boolean;
}

export type ImportKind = 'import' | 'from' | 'require' | 'dynamic' | 'export';

export interface ImportFact {
  /** As written: `os.path`, `.models`, `..`, `express`, `../db/client`, `@scope/pkg/sub`. Python relative imports keep their dots. */
  module: string;
  /** import: `import x` / `import x from 'y'` / `import 'y'`; from: Python `from x import y`; require; dynamic: `import('x')`, `importlib.import_module('x')`, `__import__('x')`; export: `export ... from 'y'`. */
  kind: ImportKind;
  /** Python `from x import a, b`: the imported names (`*` for a star import). */
  names?: string[];
  line: number;
  column: number;
  /** `import type` / `export type` (erased by the compiler: never loaded at run time). */
  isTypeOnly?: boolean;
  /** Not run unconditionally at import time: inside a function, an `if`, or `if TYPE_CHECKING:`. */
  isConditional?: boolean;
  /** Guarded by a handler for ImportError/ModuleNotFoundError, or a JS try/catch: an optional dependency. */
  isOptional?: boolean;
}

/** Where a statement runs: when the module is imported, under `__main__`, or when its function is called. */
export type CodeScope = 'import' | 'main' | 'function';

export interface FunctionFact {
  /** '' for anonymous functions (an inline route handler, a callback). */
  name: string;
  line: number;
  column: number;
  endLine: number;
  /** The class that defines it (Python and JS methods). */
  className?: string;
  isAsync?: boolean;
  /** Python decorators as dotted names without `@` and arguments (`app.get`, `staticmethod`). */
  decorators?: string[];
  /** Names this function calls in its own body (the last part: `self.save()` -> `save`), deduplicated. */
  calls: string[];
  /** A request handler: a route decorator, or passed to `app.get(...)`-style registration. */
  isHandler?: boolean;
  /** A startup hook that must return (`@app.on_event("startup")`). */
  isStartupHook?: boolean;
  /** The function calls itself on every path: no return/raise/yield before the call, no condition around it. */
  recursion?: { line: number; column: number; isAccessor?: boolean };
}

export type LoopExit = 'break' | 'return' | 'raise' | 'exit';

export interface LoopFact {
  kind: 'while' | 'for' | 'do-while';
  line: number;
  column: number;
  endLine: number;
  /** The condition as written (code only, whitespace folded); '' for `for (;;)`. */
  condition: string;
  /** `while True`, `while 1`, `while (true)`, `for (;;)`, `do {} while (true)`. */
  isConstantTrue: boolean;
  /** Plain names and attributes the condition reads (`running`, `self.stopped`). */
  conditionNames: string[];
  /** The condition calls something (or assigns, `while (i--)`), so its value can change with no assignment in the body. */
  conditionHasCall: boolean;
  /** Names the condition calls (last parts): `time`, `is_set`, `moveNext`. */
  conditionCalls: string[];
  /** Ways out found in the body (a break that leaves a nested loop or switch does not count). */
  exits: LoopExit[];
  /** A break/return/raise stands directly in the body (not under an if/try): the loop runs at most once. */
  exitsUnconditionally?: boolean;
  /** The loop sits inside a try block of its function: an exception from its body is a way out. */
  isInsideTry?: boolean;
  /** What makes an iteration wait: `sleep`, `await`, `yield`, or the name of a blocking call (`recv`, `get`). */
  waits: string[];
  /** Condition names the body assigns, mutates (`queue.pop()`) or hands to a call. */
  changed: string[];
  /** Condition names that are local variables of the enclosing function (nothing outside it can change them). */
  localNames: string[];
  /** The body assigns or updates some variable (`x = ...`, `x += 1`, `i++`). */
  assigns: boolean;
  /** Names called in the body (last parts, deduplicated). */
  calls: string[];
  /** The innermost enclosing function's name ('' at module level or in an anonymous function). */
  functionName: string;
  /** Index in `functions` of the innermost enclosing function (-1 at module level). */
  functionIndex: number;
  scope: CodeScope;
}

export type CallCategory = 'http' | 'subprocess' | 'child-process' | 'kill' | 'exit' | 'file-write' | 'sys-path' | 'server' | 'supervise';

/** A call liveready's checks care about, with what its arguments say. */
export interface CallFact {
  category: CallCategory;
  /** The callee as written, whitespace removed: `requests.get`, `subprocess.Popen`, `fs.writeFileSync`, `fetch`. */
  callee: string;
  line: number;
  column: number;
  /** Keyword argument names (Python) or option keys of an object-literal argument (JS): `timeout`, `signal`, `detached`. */
  options: string[];
  /** Number of arguments (positional and keyword). */
  arity: number;
  /** Under an if/try/loop (so it does not run every time its scope runs). */
  isConditional?: boolean;
  /** The first argument when it is a string literal, or a module-level string constant of the same file. */
  target?: string;
  /** `open(path, "w")`: the mode, when it is a literal. */
  mode?: string;
  /** The call has arguments that liveready cannot see into (`**kwargs`, `...options`, an options variable). */
  hasOpaqueOptions?: boolean;
  /** `with subprocess.Popen(...) as p:` waits for the process when the block ends. */
  isManaged?: boolean;
  functionName: string;
  functionIndex: number;
  scope: CodeScope;
}

export interface RouteFact {
  /** GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, WEBSOCKET, or ANY (`route`, `all`, `use`, `api_route`). */
  method: string;
  /** The path as written ('' when it is not a literal). */
  path: string;
  line: number;
  column: number;
  /** The object it is registered on (`app`, `router`, `bp`). */
  owner: string;
  /** The handler's name; '' for an inline function. */
  handler: string;
  /** Index in `functions` of the handler when it is defined in this file. */
  handlerIndex?: number;
}

/** An exception handler that catches everything and does nothing. */
export interface SwallowedFact {
  line: number;
  column: number;
  /** `except:`, `except Exception:`, `catch (error) {}`, `.catch(() => {})`. */
  form: string;
  /** A comment inside the handler says why (deliberate). */
  hasComment: boolean;
  functionName: string;
  functionIndex: number;
}
