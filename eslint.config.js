// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_IO = [
  { name: 'node:fs', message: 'Checks, facts, parsers, reporters and the verdict do no I/O: read the facts the engine gives you.' },
  { name: 'node:fs/promises', message: 'No I/O in this layer.' },
  { name: 'node:child_process', message: 'No processes in this layer: only runtime/ spawns.' },
  { name: 'fs', message: 'Use node: imports, and no I/O in this layer.' },
  { name: 'child_process', message: 'No processes in this layer.' },
];

/** Layers point one way: cli -> engine -> (checks, runtime, reporters) -> (facts, model, parsers) -> util. */
const layer = (files, forbidden, io = true) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: io ? NO_IO : [],
        patterns: forbidden.map((group) => ({ group: ['../', '../../', '../../../', '../../../../'].map((up) => `${up}${group}/**`), message: `This layer must not import from ${group}/ (layers point one way).` })),
      },
    ],
    'no-console': 'error',
    'no-restricted-globals': ['error', { name: 'process', message: 'No process access in this layer: take what you need as arguments.' }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-typecheck/**', 'node_modules/**', '**/fixtures/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
      eqeqeq: ['error', 'always'],
    },
  },
  layer(['src/checks/**/*.ts'], ['cli', 'engine', 'runtime', 'reporters', 'config', 'discovery']),
  layer(['src/reporters/**/*.ts'], ['cli', 'engine', 'runtime', 'checks', 'config', 'discovery']),
  layer(['src/verdict/**/*.ts'], ['cli', 'engine', 'runtime', 'checks', 'reporters', 'config', 'discovery']),
  layer(['src/facts/**/*.ts', 'src/parsers/**/*.ts', 'src/model/**/*.ts', 'src/util/**/*.ts'], ['cli', 'engine', 'runtime', 'checks', 'reporters', 'config', 'discovery']),
  // Log parsing and grouping are pure (the checks use them); only src/logs/read and the collector read files.
  layer(['src/logs/parse/**/*.ts', 'src/logs/group/**/*.ts', 'src/logs/event.ts'], ['cli', 'engine', 'runtime', 'checks', 'reporters', 'config', 'discovery']),
  // Goal tracking is pure (the checks use it) except the collector, which reads the tracker.
  { ...layer(['src/goals/**/*.ts'], ['cli', 'runtime', 'checks', 'reporters', 'discovery']), ignores: ['src/goals/collector.ts'] },
  {
    files: ['eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off', 'no-console': 'off' },
  },
);
