// The CI recipes of the README (recipes/*), run here as far as they can run without the hosted
// services: the GitHub Action's own steps (action.yml: install from a fresh checkout, lint, fail)
// in a temporary git repository with the GITHUB_* variables a runner sets, fed the inputs of
// recipes/github-workflow.yml and of every shard of recipes/github-shards.yml, then that
// workflow's merge commands; the script lines of recipes/gitlab-ci.yml for each parallel node;
// the pre-commit hook of recipes/pre-commit in a temporary repository. Steps that are other
// actions (checkout, setup-node, upload-sarif, artifacts) or installs from the network are not
// run; the README must show each recipe file as it is.

import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneRepo, reportsRepo, ROOT, sh, tmp, yamlFile } from './helpers.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface ActionYml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: Record<string, unknown[]> } }>;
}

const action = yamlFile<ActionYml>(join(ROOT, 'action.yml'));
const INSTALL = 'npm install -g "$(npm pack "git+https://github.com/reportlint/reportlint.git#v1" | tail -n 1)"';
let actionPath: string;

/** `${{ ... }}` as the runner fills it in, for the expressions our files use. */
function fill(text: string, ctx: { inputs?: Record<string, string>; matrix?: Record<string, unknown>; outputs?: Record<string, string> }): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
    const [head, ...rest] = expr.split('.');
    if (head === 'inputs') return ctx.inputs?.[rest.join('.')] ?? '';
    if (head === 'matrix') return String(ctx.matrix?.[rest.join('.')] ?? '');
    if (head === 'steps' && rest[1] === 'outputs') return ctx.outputs?.[rest[2]] ?? '';
    throw new Error(`expression not understood here: ${expr}`);
  });
}

/** An `if:` condition of ours: always(), inputs.x and steps.id.outputs.y compared with == and !=, joined by &&. */
function evaluate(cond: string, inputs: Record<string, string>, outputs: Record<string, string>): boolean {
  return cond.split('&&').every((part) => {
    const p = part.trim();
    if (p === 'always()' || p === 'true') return true;
    const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(p);
    if (!m) throw new Error(`condition not understood here: ${p}`);
    const [, ref, op, lit] = m;
    const value = ref.startsWith('inputs.') ? inputs[ref.slice(7)] : ref.startsWith('steps.') ? outputs[ref.split('.')[3]] ?? '' : undefined;
    if (value === undefined) throw new Error(`reference not understood here: ${ref}`);
    return op === '==' ? value === lit : value !== lit;
  });
}

function outputsOf(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

interface ActionRun {
  log: string;
  outputs: Record<string, string>;
  /** Exit code of the action (its last step). */
  code: number;
  /** Steps that are other actions: whether their condition holds, and their inputs filled in. */
  skipped: Array<{ uses: string; runs: boolean; with: Record<string, unknown> }>;
}

/** The action's steps after the install, as a runner runs a composite action, in `workspace`. */
function runAction(workspace: string, given: Record<string, unknown>, matrix: Record<string, unknown> = {}): ActionRun {
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) inputs[k] = v.default ?? '';
  for (const [k, v] of Object.entries(given)) inputs[k] = fill(String(v), { matrix });
  const runner = tmp('runner');
  const env = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: actionPath,
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_PATH: join(runner, 'path'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary'),
    GITHUB_REPOSITORY: 'office/reports',
    GITHUB_SHA: sh('git rev-parse HEAD', { cwd: workspace }).stdout.trim(),
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: runner,
  };
  let log = '';
  let code = 0;
  const skipped: ActionRun['skipped'] = [];
  for (const step of action.runs.steps) {
    if (step.name === 'Install reportlint') continue; // run once, in beforeAll
    const outputs = outputsOf(env.GITHUB_OUTPUT);
    if (step.uses) {
      // another action: not run here; its condition and inputs must hold what the lint step wrote
      skipped.push({ uses: step.uses, runs: evaluate(step.if ?? 'true', inputs, outputs), with: JSON.parse(fill(JSON.stringify(step.with ?? {}), { inputs, outputs })) });
      continue;
    }
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v), { inputs, outputs })]));
    expect(step.shell).toBe('bash');
    const r = sh(step.run!, { cwd: workspace, env: { ...env, ...stepEnv } });
    log += r.stdout + r.stderr;
    code = r.code;
    if (step.id !== 'lint') expect(step.if).toBe('always()');
    else expect(r.code, r.stderr).toBe(0);
  }
  return { log, outputs: outputsOf(env.GITHUB_OUTPUT), code, skipped };
}

beforeAll(() => {
  // the runner unpacks the action's repository at the ref in `uses:`: a fresh checkout, no dist/
  actionPath = cloneRepo();
  const install = action.runs.steps.find((s) => s.name === 'Install reportlint')!;
  const runner = tmp('runner');
  const r = sh(install.run!, { cwd: tmp('ws'), env: { GITHUB_ACTION_PATH: actionPath, GITHUB_PATH: join(runner, 'path'), CI: 'true' } });
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(runner, 'path'), 'utf8')).toBe(`${actionPath}/.bin\n`);
}, 900_000);

const bin = () => ({ PATH: `${actionPath}/.bin:${process.env.PATH}` });

describe('GitHub Action', () => {
  it("recipes/github-workflow.yml: annotations, the SARIF file for upload, the job fails on errors", () => {
    const wf = yamlFile<Workflow>(join(ROOT, 'recipes/github-workflow.yml'));
    const step = wf.jobs.reports.steps.find((s) => s.uses === 'reportlint/reportlint@v1')!;
    const repo = reportsRepo();
    const r = runAction(repo, step.with!);
    const annotations = r.log.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.filter((l) => l.startsWith('::error file=reports/bao-cao.txt,'))).toHaveLength(3);
    expect(annotations.filter((l) => l.startsWith('::warning file=reports/bao-cao.txt,'))).toHaveLength(5);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.outputs['sarif-file']).toBe('reportlint.sarif');
    const sarif = JSON.parse(readFileSync(join(repo, 'reportlint.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(12);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('reports/bao-cao.txt');
    expect(r.skipped).toEqual([{ uses: 'github/codeql-action/upload-sarif@v3', runs: true, with: { sarif_file: 'reportlint.sarif', category: 'reportlint' } }]);
    expect(r.code).toBe(1);
  });

  it('a baseline input hides what it records; the job passes', () => {
    const repo = reportsRepo();
    sh(`reportlint --baseline .reportlint-baseline.json --update-baseline reports/`, { cwd: repo, env: bin() });
    const r = runAction(repo, { paths: 'reports/', baseline: '.reportlint-baseline.json' });
    // lang: auto (the action's default): the report is Vietnamese, so is what reportlint says about it
    expect(r.log).toContain('reportlint: baseline .reportlint-baseline.json đã ẩn 12 vấn đề đã biết; chỉ hiện vấn đề mới');
    expect(r.outputs['exit-code']).toBe('0');
    expect(r.code).toBe(0);
  });

  it('recipes/github-shards.yml: four shards through the action, merged into one report', () => {
    const wf = yamlFile<Workflow>(join(ROOT, 'recipes/github-shards.yml'));
    const lintStep = wf.jobs.lint.steps.find((s) => s.uses === 'reportlint/reportlint@v1')!;
    const repo = reportsRepo();
    for (let i = 1; i <= 6; i++) copyFileSync(join(repo, 'reports/bao-cao.txt'), join(repo, `reports/copy-${i}.txt`));
    const shards = wf.jobs.lint.strategy!.matrix.shard as number[];
    expect(shards).toEqual([1, 2, 3, 4]);
    for (const shard of shards) runAction(repo, lintStep.with!, { shard });
    for (const shard of shards) expect(existsSync(join(repo, `shard-${shard}.json`))).toBe(true);
    const runs = wf.jobs.report.steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs[0]).toBe(INSTALL); // the network install: the same command on the local clone is in install.test.ts
    const merged: string[] = [];
    for (const cmd of runs.slice(1)) {
      const r = sh(cmd, { cwd: repo, env: bin() });
      merged.push(r.stdout);
      expect(r.code).toBe(1);
    }
    const sarif = JSON.parse(readFileSync(join(repo, 'reportlint.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(7 * 12);
    expect(merged[1].split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(7 * 3);
    // the merge is the one run over all the files
    const whole = sh('reportlint --lang auto --format json reports/', { cwd: repo, env: bin() }).stdout;
    expect(sh('reportlint merge shard-*.json --format json', { cwd: repo, env: bin() }).stdout).toBe(whole);
  });
});

describe('GitLab CI', () => {
  it('recipes/gitlab-ci.yml: each parallel node writes its Code Quality and JUnit reports', () => {
    const ci = yamlFile<Record<string, { parallel: number; script: string[]; artifacts: { reports: Record<string, string> } }>>(join(ROOT, 'recipes/gitlab-ci.yml'));
    const job = ci.reportlint;
    expect(job.script[0]).toBe(INSTALL); // the same command on the local clone is in install.test.ts
    const repo = reportsRepo();
    for (let i = 1; i <= 3; i++) copyFileSync(join(repo, 'reports/bao-cao.txt'), join(repo, `reports/copy-${i}.txt`));
    let issues = 0;
    for (let node = 1; node <= job.parallel; node++) {
      const dir = tmp(`node-${node}`);
      sh(`cp -r "${repo}/." .`, { cwd: dir });
      let code = 0;
      for (const line of job.script.slice(1)) code = sh(line, { cwd: dir, env: { ...bin(), CI: 'true', GITLAB_CI: 'true', CI_NODE_INDEX: String(node), CI_NODE_TOTAL: String(job.parallel) } }).code;
      const quality = JSON.parse(readFileSync(join(dir, job.artifacts.reports.codequality), 'utf8')) as unknown[];
      issues += quality.length;
      expect(readFileSync(join(dir, job.artifacts.reports.junit), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="reportlint" /);
      expect(code).toBe(quality.some((i) => (i as { severity: string }).severity === 'major') ? 1 : 0);
    }
    expect(issues).toBe(4 * 12);
  });
});

describe('pre-commit hook', () => {
  it('recipes/pre-commit stops a commit of a report with errors and lets a clean one through', () => {
    const repo = tmp('hook');
    sh('git init -q -b main . && git config user.email a@example.org && git config user.name A', { cwd: repo });
    copyFileSync(join(ROOT, 'recipes/pre-commit'), join(repo, '.git/hooks/pre-commit'));
    chmodSync(join(repo, '.git/hooks/pre-commit'), 0o755);
    mkdirSync(join(repo, 'bao cao'));
    copyFileSync(join(ROOT, 'fixtures/example/bao-cao-164-TB-TU.txt'), join(repo, 'bao cao/quy 1.txt'));
    writeFileSync(join(repo, 'notes.js'), 'not a report\n');
    const bad = sh('git add -A && git commit -qm "add report"', { cwd: repo, env: bin() });
    expect(bad.code).not.toBe(0);
    const said = bad.stdout + bad.stderr; // git passes a hook's output on to stderr
    expect(said).toContain('bao cao/quy 1.txt');
    expect(said).toContain('✖ 12 problems (3 errors, 5 warnings, 4 info)');
    expect(sh('git rev-parse --verify -q HEAD', { cwd: repo }).code).not.toBe(0); // nothing committed
    writeFileSync(join(repo, 'bao cao/quy 1.txt'), 'Báo cáo tình hình thực hiện nhiệm vụ quý I.\n');
    const good = sh('git add -A && git commit -qm "add report"', { cwd: repo, env: bin() });
    expect(good.code, good.stdout + good.stderr).toBe(0);
    // a commit with no report does not run reportlint at all
    writeFileSync(join(repo, 'notes.js'), 'still not a report\n');
    expect(sh('git commit -qam notes', { cwd: repo, env: { PATH: '/usr/bin:/bin' } }).code).toBe(0);
  });
});

describe('README', () => {
  it('shows every recipe file as it is', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of ['recipes/github-workflow.yml', 'recipes/github-shards.yml', 'recipes/gitlab-ci.yml', 'recipes/pre-commit']) {
      expect(readme, f).toContain(readFileSync(join(ROOT, f), 'utf8'));
    }
  });
});
