#!/usr/bin/env node
// `prepare`: build dist/ (npm runs it for `npm ci`/`npm install` in a checkout, before `npm pack`,
// and in the clone behind `npm install -g <git url>`). In that clone npm passes `-g` on to the
// install it runs there (npm 10 and 11), so the devDependencies the build needs (typescript,
// esbuild) are missing: install them into the clone first (locally, as the lockfile pins them),
// then build.

import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args, env = process.env) {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tools = ['typescript', 'esbuild'].every((p) => existsSync(join(root, 'node_modules', p, 'package.json')));
if (!tools) {
  // the outer install's -g, --prefix and --force must not reach this one
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|prefix|location|force)$/i.test(k)));
  run(['install', '--include=dev', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--global=false', '--location=project', '--prefix', root], env);
}
run(['run', 'build']);

// That inner install, being global, has also linked this clone into the global folder; npm then
// unpacks the real package through the link, into a clone it deletes. Remove the link so the
// package lands in the global folder itself.
if (/^true$/i.test(process.env.npm_config_global ?? '')) {
  const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const globalRoot = spawnSync(npm, ['root', '-g'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' }).stdout.trim();
  const link = join(globalRoot, name);
  try {
    if (lstatSync(link).isSymbolicLink() && realpathSync(link) === realpathSync(root)) unlinkSync(link);
  } catch {
    // no link: nothing to undo
  }
}
