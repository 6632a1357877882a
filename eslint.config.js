// Lint rules: typescript-eslint's recommended set, plus the house rules from STYLE.md
// (no `any`, no non-null assertions).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'data-*/', '.scratch/', 'src/public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The import-graph rules' config is CommonJS, as dependency-cruiser reads it.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
