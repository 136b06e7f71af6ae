// node bench/logs.js [--size-mb 1024] [--keep]      (also: npm run bench -- --logs)
// Generates a log of mixed formats (Python logging with tracebacks, uvicorn access lines, pino JSON
// lines, Node stacks) in a temporary directory, runs `liveready logs` on it under /usr/bin/time, and
// prints the time, the throughput and the peak RSS. Deletes the file afterwards. A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const sizeMb = Number(option('--size-mb', '1024'));
const bin = fileURLToPath(new URL('../bin/liveready.js', import.meta.url));

/** The project the log belongs to, so frames resolve to project files. */
function writeProject(root) {
  mkdirSync(join(root, 'app'), { recursive: true });
  mkdirSync(join(root, 'src'), { recursive: true });
  for (const name of ['__init__', 'orders', 'payments', 'search', 'mailer']) writeFileSync(join(root, 'app', `${name}.py`), 'def handle(x):\n    return x\n');
  writeFileSync(join(root, 'src', 'cart.js'), 'module.exports = (cart) => cart.total;\n');
  writeFileSync(join(root, 'requirements.txt'), 'fastapi\n');
}

const ERRORS = [
  ['app/orders.py', 41, 'ship', "KeyError: 'address'"],
  ['app/payments.py', 18, 'charge', 'ValueError: amount must be positive, got -{n}'],
  ['app/search.py', 77, 'query', 'TimeoutError: search backend did not answer in {n} ms'],
  ['app/mailer.py', 12, 'send', 'ConnectionRefusedError: [Errno 111] Connection refused'],
];

/** About 1 MB of log lines starting at line `index`, with times 10 ms apart. */
function batch(startIndex, start) {
  const lines = [];
  let bytes = 0;
  let index = startIndex;
  while (bytes < 1024 * 1024) {
    const time = new Date(start + index * 10).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
    let text;
    if (index % 5000 === 0) {
      const [file, line, fn, error] = ERRORS[(index / 5000) % ERRORS.length];
      text = `${time} ERROR app.${fn}: request ${index} failed\nTraceback (most recent call last):\n  File "/srv/app/app/main.py", line 12, in dispatch\n    return handler(request)\n  File "/srv/app/${file}", line ${line}, in ${fn}\n    result = do_${fn}(request)\n${error.replace('{n}', String(index % 997))}`;
    } else if (index % 7001 === 0) {
      text = `{"level":50,"time":${start + index * 10},"name":"cart","msg":"total failed","err":{"type":"TypeError","message":"Cannot read properties of undefined (reading 'total')","stack":"TypeError: Cannot read properties of undefined (reading 'total')\\n    at module.exports (/srv/app/src/cart.js:1:32)"}}`;
    } else if (index % 11003 === 0) {
      text = `Error: connect ECONNREFUSED 10.0.3.${index % 250}:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n  code: 'ECONNREFUSED'\n}`;
    } else if (index % 3 === 0) {
      text = `INFO:     10.0.${index % 250}.${index % 199}:${40000 + (index % 20000)} - "GET /items/${index % 9973} HTTP/1.1" ${index % 997 === 0 ? 500 : 200} OK`;
    } else {
      text = `${time} INFO app.orders: order ${index} shipped to warehouse ${index % 17} in ${index % 431} ms`;
    }
    lines.push(text);
    bytes += text.length + 1;
    index += 1;
  }
  return { text: `${lines.join('\n')}\n`, next: index };
}

async function writeLog(path, targetBytes) {
  const stream = createWriteStream(path);
  const start = Date.UTC(2024, 2, 1);
  let written = 0;
  let index = 1;
  while (written < targetBytes) {
    const { text, next } = batch(index, start);
    index = next;
    written += Buffer.byteLength(text);
    if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  await new Promise((resolve) => stream.end(resolve));
  return index - 1;
}

const dir = mkdtempSync(join(tmpdir(), 'liveready-logs-bench-'));
try {
  writeProject(dir);
  const logPath = join(dir, 'app.log');
  const generated = performance.now();
  const entries = await writeLog(logPath, sizeMb * 1024 * 1024);
  const bytes = statSync(logPath).size;
  console.log(`generated ${(bytes / 1024 / 1024).toFixed(0)} MB (${entries} entries) in ${((performance.now() - generated) / 1000).toFixed(1)} s: ${logPath}`);
  const reportPath = join(dir, 'report.json');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, 'logs', logPath, '--root', dir, '--format', `json=${reportPath}`], { encoding: 'utf8' });
  const [elapsed, maxRssKb] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  console.log(`liveready logs: exit ${result.status}, ${elapsed.toFixed(2)} s, ${(bytes / 1024 / 1024 / elapsed).toFixed(0)} MB/s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const section = report.sections.logs;
  const source = section.sources[0];
  console.log(`  ${source.lines} lines, ${source.events} error events, ${section.groups.length} groups, ${section.modules.filter((module) => module.overThreshold).length} modules over the threshold; window ${section.window.description}`);
} finally {
  if (args.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
