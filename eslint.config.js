// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'net', 'os', 'http', 'https', 'stream', 'crypto', 'url', 'util', 'events', 'tls', 'zlib', 'buffer'];

// DESIGN.md layering rules, enforced so that `npm test` fails on a violation.
const layering = [
  {
    // Rule 1: runtime never imports Electron, React or the DOM.
    files: ['runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'react', 'react-dom', 'react/*', 'zustand', '@xterm/*'], message: 'runtime/ never imports Electron, React or DOM code (DESIGN.md rule 1).' },
        { group: ['**/renderer/**', '**/electron/**'], message: 'runtime/ never imports from renderer/ or electron/.' },
      ] }],
    },
  },
  {
    // Rule 2: the contract imports nothing outside itself (zod is its schema language).
    files: ['runtime/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../*', '!./*'], message: 'runtime/api imports nothing outside itself (DESIGN.md rule 2).' },
        { group: [...nodeBuiltins, 'dockerode', 'ws', 'electron', 'react'], message: 'runtime/api has no Node, Electron or DOM dependencies (DESIGN.md rule 2).' },
      ] }],
    },
  },
  {
    // Rules 2 and 3: renderer, preload and e2e reach the backend only through runtime/api.
    files: ['renderer/**/*.{ts,tsx}', 'electron/preload.cts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/runtime/*', '!**/runtime/api', '!**/runtime/api/*'], message: 'Only runtime/api may be imported from runtime (DESIGN.md rule 2).' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/runtime/*', '!**/runtime/api', '!**/runtime/api/*'], message: 'Only runtime/api may be imported from runtime (DESIGN.md rule 2).' },
        { group: [...nodeBuiltins, 'electron', 'dockerode', 'ws'], message: 'renderer/ never imports Node built-ins or Electron (DESIGN.md rule 3).' },
      ] }],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.berth-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Plain-JS entry points (bin, npm start) import compiled or untyped modules at run time.
    files: ['bin/**/*.js', 'scripts/**/*.js'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-call': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  ...layering,
);
