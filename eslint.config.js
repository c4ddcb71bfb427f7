// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules everywhere, a few
// type-aware rules on the TypeScript sources, React's rules of hooks in the renderer.
// Formatting is Prettier's business, not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'dist-electron/', 'release/', 'test-results/', '.tmp/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore says "deliberately unused" (a destructured field left out, a callback's
      // unused parameter): the house's convention.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: the control characters are the point where the rule fires (the characters XML 1.0
      // forbids, those a file name may not hold).
      'no-control-regex': 'off',
      // Off: it flags the initial value of a variable set in a try block and read after it
      // (`let nom = ''; try { nom = ... } catch { continue; }`); TypeScript's definite-assignment
      // analysis already guards what the rule is for.
      'no-useless-assignment': 'off',
      // A Proxy trap needs both its own `this` and the wrapper's: that one alias is allowed.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['soi'] }],
    },
  },
  {
    // Type-aware rules, where a promise nobody awaits loses an error (a sync run, a signature, a
    // server): the main process and the sandbox. They cost a TypeScript program: on the whole
    // tree they tripled the lint's time (measured), for findings only in React event handlers.
    files: ['electron/**/*.ts', 'sandbox/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The main process, the sandbox, the tests, the CLI and the build scripts run in Node.
    files: ['electron/**', 'sandbox/**', 'tests/**', 'bin/**', 'build/**', '*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS files load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Test helpers hand back loosely typed answers (`appeler<T = any>`) that each test narrows.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
    rules: {
      // Warning, not error: resetting a dialog's fields when it opens, or loading on mount, is
      // written as setState in an effect in about ten components; moving them to keys or event
      // handlers is a refactor of the screens of its own.
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
);
