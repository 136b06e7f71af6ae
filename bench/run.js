// npm run bench [-- <dir>] [--files N] [--runs N] [--keep]   |   npm run bench -- --logs [--size-mb N]
// Times the static audit of a tree (a generated corpus when no dir is given) against ripgrep
// searching the same tree for a handful of patterns, and prints the ratio. A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const given = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const runs = Number(option('--runs', '3'));
const fileCount = Number(option('--files', '10000'));
const bin = fileURLToPath(new URL('../bin/liveready.js', import.meta.url));

let root = given ? resolve(given) : undefined;
let generated;
if (!root) {
  generated = mkdtempSync(join(tmpdir(), 'liveready-bench-'));
  const summary = generateCorpus(generated, fileCount);
  root = generated;
  console.log(`corpus: ${summary.files} files (${summary.python} .py, ${summary.typescript} .ts/.tsx, ${summary.other} other), ${(summary.bytes / 1024 / 1024).toFixed(1)} MB in ${root}`);
}

function time(label, command, commandArgs) {
  const samples = [];
  let last;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    last = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    samples.push(performance.now() - start);
  }
  const best = Math.min(...samples);
  console.log(`${label.padEnd(34)} best ${(best / 1000).toFixed(3)} s  (runs: ${samples.map((sample) => (sample / 1000).toFixed(3)).join(', ')})`);
  return { best, result: last };
}

const audit = time('liveready audit --static', process.execPath, [bin, 'audit', root, '--static', '--format', 'json', '--fail-on', 'info']);
try {
  const report = JSON.parse(audit.result.stdout);
  console.log(`  ${report.stats.files} files, ${(report.stats.bytes / 1024 / 1024).toFixed(1)} MB read, ${report.findings.length} findings, ${report.stats.skipped.length} skipped, in-process duration ${report.stats.durationMs} ms`);
} catch {
  console.log(`  (no JSON report: exit ${audit.result.status}) ${audit.result.stderr.slice(0, 300)}`);
}

const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
if (rg.status === 0) {
  const patterns = ['os\\.environ', 'process\\.env', 'while True', '/Users/', 'sk_live_'];
  const rgRun = time('rg (5 patterns, same tree)', 'rg', ['-c', ...patterns.flatMap((pattern) => ['-e', pattern]), root]);
  console.log(`ratio audit/rg: ${(audit.best / rgRun.best).toFixed(2)}x`);
} else {
  console.log('rg is not installed: no ratio (apt-get install ripgrep to compare)');
}
if (generated && !args.includes('--keep')) rmSync(generated, { recursive: true, force: true });
