import type { CallCategory } from '../../code-types.js';

type Rule = [RegExp, CallCategory];

const PYTHON_RULES: Rule[] = [
  [/^(?:requests|httpx)\.(?:get|post|put|patch|delete|head|options|request|stream)$/, 'http'],
  [/^(?:httpx\.)?(?:Client|AsyncClient)$/, 'http'],
  [/^(?:aiohttp\.)?ClientSession$/, 'http'],
  [/^(?:urllib\.request\.|request\.)?urlopen$/, 'http'],
  [/^subprocess\.(?:run|call|check_call|check_output|getoutput|getstatusoutput)$/, 'subprocess'],
  [/^os\.(?:system|popen)$/, 'subprocess'],
  [/^(?:subprocess\.)?Popen$/, 'child-process'],
  [/^(?:multiprocessing\.|mp\.)?Process$/, 'child-process'],
  [/^os\.(?:fork|forkpty|spawn\w*|posix_spawnp?)$/, 'child-process'],
  [/^asyncio\.create_subprocess_(?:exec|shell)$/, 'child-process'],
  [/^os\.(?:wait|waitpid|wait3|wait4|waitid)$/, 'supervise'],
  [/(?:^|\.)(?:wait|communicate|poll)$/, 'supervise'],
  // thread.join() / process.join(), not os.path.join or ", ".join
  [/^(?!os\.path\.|posixpath\.|ntpath\.|path\.|str\.)[A-Za-z_][\w.]*\.join$/, 'supervise'],
  [/^os\.(?:kill|killpg)$/, 'kill'],
  [/\.(?:kill|terminate|send_signal)$/, 'kill'],
  [/^(?:sys\.exit|exit|quit|os\._exit|os\.abort)$/, 'exit'],
  [/^(?:io\.|codecs\.)?open$/, 'file-write'],
  [/\.(?:write_text|write_bytes)$/, 'file-write'],
  [/^(?:json|yaml|toml|tomli_w|tomlkit|pickle|simplejson|ujson|orjson)\.dump$/, 'file-write'],
  [/^(?:dotenv\.)?(?:set_key|unset_key)$/, 'file-write'],
  [/^sys\.path\.(?:insert|append|extend)$/, 'sys-path'],
  [/^(?:site\.addsitedir|os\.chdir)$/, 'sys-path'],
  [/^(?:app|application|server|api|flask_app|socketio|sio)\.run$/, 'server'],
  [/^(?:uvicorn\.run|web\.run_app|waitress\.serve|serve|run_simple|werkzeug\.serving\.run_simple)$/, 'server'],
  [/\.serve_forever$/, 'server'],
];

const JAVASCRIPT_RULES: Rule[] = [
  [/^(?:globalThis\.|window\.)?fetch$/, 'http'],
  [/^axios(?:\.(?:get|post|put|patch|delete|head|options|request|create))?$/, 'http'],
  [/^got(?:\.(?:get|post|put|patch|delete|head|extend|stream))?$/, 'http'],
  [/^(?:child_process\.|childProcess\.|cp\.)?(?:execSync|spawnSync|execFileSync)$/, 'subprocess'],
  [/^(?:child_process\.|childProcess\.|cp\.)(?:spawn|exec|execFile|fork)$/, 'child-process'],
  [/^(?:spawn|execFile|fork|execa|execaNode)$/, 'child-process'],
  [/^process\.(?:kill)$/, 'kill'],
  [/\.kill$/, 'kill'],
  [/^process\.(?:exit|abort|reallyExit)$/, 'exit'],
  [/^(?:fs|fsp|fsPromises|fse|fsExtra|fs\.promises|promises)\.(?:writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|outputFile|outputFileSync|writeJson|writeJsonSync|writeJSON|writeJSONSync|outputJson|outputJsonSync)$/, 'file-write'],
  [/^(?:writeFile|writeFileSync|appendFile|appendFileSync|outputFile|outputFileSync|writeJson|writeJsonSync)$/, 'file-write'],
  [/^process\.chdir$/, 'sys-path'],
  [/\.listen$/, 'server'],
  [/\.(?:on|once)$/, 'supervise'],
];

/**
 * Last parts of every callee a rule can match: most calls are rejected by one set lookup. Keep in
 * step with the rules above (a test checks that every rule's examples pass the filter).
 */
const PYTHON_LAST = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'Client', 'AsyncClient', 'ClientSession', 'urlopen',
  'run', 'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput', 'system', 'popen', 'Popen', 'Process', 'fork', 'forkpty',
  'posix_spawn', 'posix_spawnp', 'create_subprocess_exec', 'create_subprocess_shell', 'wait', 'waitpid', 'wait3', 'wait4', 'waitid',
  'communicate', 'poll', 'join', 'kill', 'killpg', 'terminate', 'send_signal', 'exit', 'quit', '_exit', 'abort', 'open', 'write_text',
  'write_bytes', 'dump', 'set_key', 'unset_key', 'insert', 'append', 'extend', 'addsitedir', 'chdir', 'run_app', 'serve', 'run_simple',
  'serve_forever',
]);
const JAVASCRIPT_LAST = new Set([
  'fetch', 'axios', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'create', 'got', 'extend', 'stream', 'execSync',
  'spawnSync', 'execFileSync', 'spawn', 'exec', 'execFile', 'fork', 'execa', 'execaNode', 'kill', 'exit', 'abort', 'reallyExit',
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'outputFile', 'outputFileSync', 'writeJson',
  'writeJsonSync', 'writeJSON', 'writeJSONSync', 'outputJson', 'outputJsonSync', 'chdir', 'listen', 'on', 'once',
]);

function isCandidate(language: 'python' | 'javascript', last: string): boolean {
  return (language === 'python' ? PYTHON_LAST : JAVASCRIPT_LAST).has(last) || (language === 'python' && last.startsWith('spawn'));
}

/** The category of a callee liveready's checks care about, or undefined for every other call. */
export function categorizeCall(language: 'python' | 'javascript', callee: string, hasChildProcessImport: boolean): CallCategory | undefined {
  const name = callee.startsWith('.') ? callee.slice(1) : callee;
  const dot = name.lastIndexOf('.');
  const last = dot === -1 ? name : name.slice(dot + 1);
  if (!isCandidate(language, last)) return undefined;
  if (language === 'javascript' && name === 'exec' && hasChildProcessImport) return 'child-process';
  for (const [pattern, category] of language === 'python' ? PYTHON_RULES : JAVASCRIPT_RULES) {
    if (pattern.test(name)) return category;
  }
  return undefined;
}

/** Calls that make a loop iteration wait (sleep, block on I/O or a queue, wait for a process or event). */
const WAITING_CALLS = new Set([
  'sleep', 'wait', 'wait_for', 'waitFor', 'join', 'communicate', 'recv', 'recv_into', 'recvfrom', 'recvmsg', 'accept', 'read', 'readline',
  'readlines', 'readinto', 'input', 'select', 'poll', 'epoll', 'blpop', 'brpop', 'brpoplpush', 'bzpopmin', 'xread', 'xreadgroup',
  'get_message', 'consume', 'basic_get', 'start_consuming', 'process_data_events', 'listen', 'serve_forever', 'run_forever',
  'run_until_complete', 'waitpid', 'pause', 'sigwait', 'acquire', 'getch', 'urlopen', 'request', 'fetch', 'setTimeout', 'setImmediate',
  'nextTick', 'delay', 'receive', 'receive_json', 'receive_text', 'receive_bytes', 'iter_content', 'iter_lines', 'run', 'call',
  'check_call', 'check_output', 'system', 'get_nowait', 'put', 'send', 'sendall', 'flush', 'write', 'execute', 'query', 'commit',
  // Advancing an iterator or generator may wait inside it.
  'next', 'anext', '__next__',
]);

/** A call whose name says the iteration waits (`time.sleep`, `queue.get(timeout=...)`, `sock.recv`). */
export function isWaitingCall(name: string): boolean {
  const dot = name.lastIndexOf('.');
  const last = dot === -1 ? name : name.slice(dot + 1);
  if (WAITING_CALLS.has(last)) return true;
  if (last === 'get' && /(?:^|\.)(?:\w*queue\w*|q|jobs|tasks|inbox|work|channel|chan|requests|session|client|httpx|redis|r)\.get$/i.test(name)) return true;
  if (/^(?:requests|httpx|aiohttp|urllib|socket|ssl|os|subprocess|asyncio|select|selectors|sys\.stdin)\./.test(name)) return true;
  return false;
}
