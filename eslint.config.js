import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LIBRARIES = ['react', 'react-dom', 'zustand', 'd3'];

/**
 * Room rules: data flows one way (data -> core -> nn -> train -> state -> ui; gpu and kernels register
 * ops under core's names). A room's production files may not import the rooms listed for it. Tests
 * are exempt: they may drive a lower room with a higher one (e.g. an nn test trains with train's runner).
 */
function room(name, forbidden) {
  return {
    files: [`src/${name}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBRARIES, message: `src/${name} runs without React, zustand or d3.` },
            ...forbidden.map((other) => ({
              group: [`**/${other}/**`],
              message: `src/${name} must not import src/${other}: rooms import downward only (README, architecture).`,
            })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      '.scratch*',
      '**/*.tmp.ts',
      'node_modules',
      'reports',
      'test-results',
      'playwright-report',
      'public',
      'screenshots',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'No innerHTML.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/**', 'src/nn/**', 'src/data/**', 'src/train/**', 'src/cli/**', 'src/bench/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand', 'd3', '**/ui/**', '**/state/**'] }],
    },
  },
  room('core', ['gpu', 'kernels', 'nn', 'data', 'train', 'platform', 'state', 'ui', 'cli', 'bench']),
  room('gpu', ['kernels', 'nn', 'data', 'train', 'platform', 'state', 'ui', 'cli', 'bench']),
  room('data', ['gpu', 'kernels', 'nn', 'train', 'platform', 'state', 'ui', 'cli', 'bench']),
  room('kernels', ['nn', 'data', 'train', 'state', 'ui', 'cli', 'bench']),
  room('nn', ['gpu', 'kernels', 'train', 'platform', 'state', 'ui', 'cli', 'bench']),
  room('train', ['state', 'ui', 'cli', 'bench']),
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@tensorflow/*'] }],
    },
  },
);
