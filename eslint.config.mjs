// @ts-check
import { statSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SRC = path.resolve(import.meta.dirname, 'src');

/** The room (src/<room>/) a file or import target lies in; files directly in src/ (server.ts) belong to none. */
function roomOf(target) {
  const [room, ...rest] = path.relative(SRC, target).split(path.sep);
  if (!room || room.startsWith('..') || path.isAbsolute(room)) return undefined;
  if (rest.length > 0) return room;
  try {
    return statSync(path.join(SRC, room)).isDirectory() ? room : undefined;
  } catch {
    return undefined;
  }
}

const isModelName = (name) => /^[A-Z]\w*Model$/.test(name);

/**
 * Rooms are closed (DESIGN "Rooms and who may touch what"): a room's mongoose models are its own. Outside its
 * folder nobody imports a `*.model` file of it or a `…Model` value from it (not even a type: the room's
 * index.ts exports the types others need), and an index.ts never re-exports a model. Others call the services
 * the room's index.ts exports.
 */
const closedRooms = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      foreign: "'{{what}}' belongs to the {{owner}} room: call a service its index.ts exports instead.",
      reexport: "An index.ts exports services, not models ('{{what}}').",
    },
  },
  create(context) {
    const file = context.filename;
    const room = roomOf(file);
    const isIndex = path.basename(file) === 'index.ts';
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const isModelFile = /\.model$/.test(source);
      const names = (node.specifiers ?? []).map((s) => (s.type === 'ImportSpecifier' ? s.imported.name : s.type === 'ExportSpecifier' ? s.local.name : undefined));
      const modelNames = names.filter((name) => name && isModelName(name));
      const owner = roomOf(path.resolve(path.dirname(file), source));
      if (owner && owner !== room && (isModelFile || modelNames.length > 0)) {
        context.report({ node, messageId: 'foreign', data: { what: isModelFile ? source : modelNames.join(', '), owner } });
      }
      if (isIndex && node.type !== 'ImportDeclaration') {
        const values = (node.specifiers ?? []).filter((s) => s.exportKind !== 'type' && node.exportKind !== 'type').map((s) => s.local.name);
        const exported = node.type === 'ExportAllDeclaration' && isModelFile ? [source] : values.filter(isModelName);
        if (exported.length > 0) context.report({ node, messageId: 'reexport', data: { what: exported.join(', ') } });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'data/**', 'coverage/**', 'views/static/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Configuration is parsed once in src/config; nothing else reads the environment.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.' }],
    },
  },
  {
    // Closed rooms in src/. Exempt: src/seed (like test/ and bench/, it builds fixtures: demo users with their
    // password hashes, organizations, certificates dated in the past, which no service creates and no request
    // may; it runs once at start, never on a request's path) and test/, bench/, scripts/, which are not rooms.
    files: ['src/**/*.ts'],
    ignores: ['src/seed/**'],
    plugins: { rooms: { rules: { closed: closedRooms } } },
    rules: { 'rooms/closed': 'error' },
  },
  {
    files: ['src/config/**', 'src/server.ts', 'src/db/ferretdb-binary.ts', 'test/**', 'bench/**', 'scripts/**', '*.js', '*.mjs'],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    // Small progressive-enhancement scripts that run in the browser.
    files: ['views/static/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', window: 'readonly', HTMLInputElement: 'readonly' } },
  },
  {
    files: ['*.js', '*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
