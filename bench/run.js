// npm run bench [-- <dir>] [--files N] [--runs N] [--keep] [--no-git]   |   npm run bench -- --logs [--size-mb N]
// Times the static audit of a tree (a generated corpus when no dir is given) against ripgrep
// searching the same tree for a handful of patterns: a first run with an empty facts cache (cold),
// and a second run on the unchanged tree (warm). Rounds are interleaved and the best of each is
// kept, because other processes share the machine. A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';

// `npm run bench -- --logs [--size-mb N]`: the log-stage benchmark instead (bench/logs.js).
if (process.argv.includes('--logs')) {
  await import('./logs.js');
  process.exit(0);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const given = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.match(/^--(?:files|runs)$/));
const runs = Number(option('--runs', '3'));
const fileCount = Number(option('--files', '10000'));
const bin = fileURLToPath(new URL('../bin/liveready.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'liveready-bench-'));
// Numbers only mean something next to the machine's state: other processes move them by 20-30%.
const machine = () => `${availableParallelism()} cores, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`;
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${machine()}`);

let root = given ? resolve(given) : undefined;
if (!root) {
  root = join(scratch, 'corpus');
  const summary = generateCorpus(root, fileCount);
  const isGit = !args.includes('--no-git') && makeGitRepository(root);
  console.log(`corpus: ${summary.files} files (${summary.python} .py, ${summary.typescript} .ts/.tsx, ${summary.other} other), ${(summary.bytes / 1024 / 1024).toFixed(1)} MB in ${root}${isGit ? ', committed to a git repository' : ''}`);
}

function makeGitRepository(directory) {
  const git = (...gitArgs) => spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=bench', '-c', 'user.email=bench@liveready.dev', ...gitArgs], { cwd: directory, stdio: 'ignore' }).status === 0;
  return git('init', '-q') && git('add', '-A') && git('commit', '-qm', 'corpus');
}

function timeOnce(command, commandArgs) {
  const start = performance.now();
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { ms: performance.now() - start, result };
}

const auditArgs = (cacheDir) => [bin, 'audit', root, '--static', '--format', 'json', '--fail-on', 'info', '--cache-dir', cacheDir];
const patterns = ['os\\.environ', 'process\\.env', 'while True', '/Users/', 'sk_live_'];
const hasRg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
const samples = { cold: [], warm: [], rg: [] };
let lastCold;
let lastWarm;
for (let round = 0; round < runs; round += 1) {
  if (hasRg) samples.rg.push(timeOnce('rg', ['-c', ...patterns.flatMap((pattern) => ['-e', pattern]), root]).ms);
  const cacheDir = join(scratch, `cache-${round}`);
  const cold = timeOnce(process.execPath, auditArgs(cacheDir));
  samples.cold.push(cold.ms);
  lastCold = cold.result;
  const warm = timeOnce(process.execPath, auditArgs(cacheDir));
  samples.warm.push(warm.ms);
  lastWarm = warm.result;
}

const best = (values) => Math.min(...values);
const format = (values) => `best ${(best(values) / 1000).toFixed(3)} s  (runs: ${values.map((value) => (value / 1000).toFixed(3)).join(', ')})`;
describe('liveready audit --static, cold cache', samples.cold, lastCold);
describe('liveready audit --static, warm cache', samples.warm, lastWarm);
if (hasRg) {
  console.log(`${'rg (5 patterns, same tree)'.padEnd(40)} ${format(samples.rg)}`);
  console.log(`ratio cold audit / rg: ${(best(samples.cold) / best(samples.rg)).toFixed(2)}x   warm audit / rg: ${(best(samples.warm) / best(samples.rg)).toFixed(2)}x`);
} else {
  console.log('rg is not installed: no ratio (apt-get install ripgrep to compare)');
}
console.log(`second run speed-up (cold / warm): ${(best(samples.cold) / best(samples.warm)).toFixed(2)}x`);
console.log(`after the runs: ${machine()}`);
if (!args.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
else console.log(`kept ${scratch}`);

function describe(label, values, result) {
  console.log(`${label.padEnd(40)} ${format(values)}`);
  try {
    const report = JSON.parse(result.stdout);
    const reused = report.stats.cache?.reused ? `, ${report.stats.cache.reused} results reused` : '';
    const cache = report.stats.cache ? `, cache ${report.stats.cache.hits} hits / ${report.stats.cache.misses} misses${reused}` : '';
    console.log(`  ${report.stats.files} files, ${(report.stats.bytes / 1024 / 1024).toFixed(1)} MB read, ${report.findings.length} findings, ${report.stats.skipped.length} skipped, in-process ${report.stats.durationMs} ms${cache}`);
  } catch {
    console.log(`  (no JSON report: exit ${result.status}) ${result.stderr.slice(0, 300)}`);
  }
}
