// node bench/facts-parity.js [--dist DIR] [--out FILE] [--compare FILE] <dir>...
// Proves that a change to the extraction pipeline, the engine or the checks left the results alone:
// writes one digest per file (its facts as canonical JSON, keys sorted, array order kept) for every
// file under the given directories, and one digest per audit report (a static audit of each given
// directory that is a project: its JSON report without times), then compares them with a file
// written the same way by another build (`--dist` points at that build's dist/ folder).
//
//   node bench/facts-parity.js --dist /tmp/old/dist --out /tmp/before.json /tmp/corpus test/fixtures src
//   npm run build && node bench/facts-parity.js --compare /tmp/before.json /tmp/corpus test/fixtures src
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const [value] = args.splice(index, 2).slice(1);
  return value;
};
const dist = resolve(option('--dist') ?? new URL('../dist', import.meta.url).pathname);
const out = option('--out');
const against = option('--compare');
const roots = args.map((arg) => resolve(arg));
if (roots.length === 0 || (!out && !against)) {
  console.error('usage: node bench/facts-parity.js [--dist DIR] (--out FILE | --compare FILE) <dir>...');
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { extractFile } = await load('engine/extract-file.js');
const { kindFromName } = await load('discovery/file-kind.js');
const { audit } = await load('engine/audit.js');

/** JSON with object keys sorted, so two builds that create keys in another order still compare equal. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
const digest = (value) => createHash('sha1').update(canonical(value)).digest('hex');

function* walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function isProject(directory) {
  if (/^(?:ok|bad)\./.test(directory.split(sep).pop())) return true;
  const names = readdirSync(directory);
  return ['package.json', 'requirements.txt', 'pyproject.toml', 'Procfile', '.replit', 'Dockerfile'].some((name) => names.includes(name));
}

function* projects(directory) {
  const stack = [directory];
  while (stack.length > 0) {
    const current = stack.pop();
    if (isProject(current)) yield current;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') stack.push(join(current, entry.name));
    }
  }
}

const digests = {};
let files = 0;
for (const root of roots) {
  for (const absolutePath of walk(root)) {
    const path = relative(root, absolutePath).split(sep).join('/');
    const job = { path, absolutePath, size: lstatSync(absolutePath).size, kind: kindFromName(path) };
    digests[`facts:${root}:${path}`] = digest(extractFile(job, 2 * 1024 * 1024));
    files += 1;
  }
}
let reports = 0;
for (const root of roots) {
  for (const project of [...projects(root)].sort()) {
    let report;
    try {
      report = await audit({ root: project, isStatic: true, threads: 0, useSuppressions: true });
    } catch (error) {
      report = { error: error instanceof Error ? error.message : String(error) };
    }
    if (report.stats) delete report.stats.durationMs;
    for (const run of report.checks ?? []) delete run.durationMs;
    delete report.generatedAt;
    digests[`report:${project}`] = digest(report);
    reports += 1;
  }
}
console.log(`${files} files, ${reports} reports digested with ${dist}`);

if (out) writeFileSync(out, JSON.stringify(digests, null, 1));
if (against) {
  const before = JSON.parse(readFileSync(against, 'utf8'));
  const keys = new Set([...Object.keys(before), ...Object.keys(digests)]);
  const differing = [...keys].filter((key) => before[key] !== digests[key]);
  for (const key of differing.slice(0, 40)) console.log(`DIFFERS ${key}${before[key] ? '' : ' (new)'}${digests[key] ? '' : ' (gone)'}`);
  console.log(differing.length === 0 ? `identical: ${keys.size} digests` : `${differing.length} of ${keys.size} digests differ`);
  process.exitCode = differing.length === 0 ? 0 : 1;
}
