// The version constant the CLI, SARIF, the cache and the LSP handshake report is package.json's.

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { runCli } from './helpers/cli.js';

it('src/version.ts matches package.json and --version prints it', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
  expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
});
