// The version constant the CLI, SARIF, the cache and the LSP handshake report is package.json's.

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { HOMEPAGE, VERSION, ruleDocsUrl } from '../src/version.js';
import { runCli } from './helpers/cli.js';

it('src/version.ts matches package.json and --version prints it', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
  expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
});

it('homepage and repository in package.json are the HOMEPAGE rule links point into', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { homepage: string; repository: { url: string }; bugs: { url: string } };
  expect(pkg.homepage).toBe(HOMEPAGE);
  expect(pkg.repository.url).toBe(`git+${HOMEPAGE}.git`);
  expect(pkg.bugs.url).toBe(`${HOMEPAGE}/issues`);
  expect(ruleDocsUrl('sum-mismatch')).toBe('https://github.com/reportlint/reportlint/blob/main/docs/rules/sum-mismatch.md');
});
