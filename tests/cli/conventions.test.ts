// The conventions a linter's users expect (ESLint, textlint, markdownlint as the reference), each
// asserted by its exact output or exit code: a closed pipe, --max-warnings, the baseline line,
// errors in both languages, the message language, .reportlintignore, --init, --print-config.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'fixtures/example/bao-cao-164-TB-TU.txt');
const BROKEN_VI = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';
const BROKEN_EN = 'The committee reviewed the plan and agreed that the\n\nbudget should be revised before the next meeting.\n';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'rl-conv-'));
}

/** The environment of a Windows machine or a CI container: no locale variable at all. */
function noLocale(): NodeJS.ProcessEnv {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.LANG;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return env;
}

function runBare(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: opts.env ?? noLocale(), input: opts.input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('a closed pipe', () => {
  it('`reportlint -f json dir/ | head -c 100` ends quietly with the exit code of its findings', () => {
    const dir = tmp();
    for (let i = 0; i < 20; i++) copyFileSync(EXAMPLE, join(dir, `r${String(i).padStart(2, '0')}.txt`));
    const full = runCli(['-f', 'json', '-j', '1', dir]);
    expect(full.stdout.length).toBeGreaterThan(200_000); // more than a pipe holds, so the writer meets EPIPE
    expect(full.code).toBe(1);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" -f json -j 1 "${dir}" | head -c 100 > /dev/null`], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });
});

describe('--max-warnings', () => {
  it('says why the run failed', () => {
    const r = runCli(['--rule', 'name-variant', '--max-warnings', '1', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('reportlint: too many warnings: 2, more than --max-warnings 1\n');
    const ok = runCli(['--rule', 'name-variant', '--max-warnings', '2', EXAMPLE]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const vi = runCli(['--lang', 'vi', '--rule', 'name-variant', '--max-warnings', '0', EXAMPLE]);
    expect(vi.stderr).toBe('reportlint: quá nhiều cảnh báo: 2, nhiều hơn --max-warnings 0\n');
  });
});

describe('the baseline line', () => {
  it('says how many findings the baseline hid', () => {
    const dir = tmp();
    const report = join(dir, 'r.txt');
    copyFileSync(EXAMPLE, report);
    const baseline = join(dir, 'baseline.json');
    expect(runCli(['--baseline', baseline, '--update-baseline', report]).stderr).toBe(`reportlint: baseline ${baseline} updated (12 findings recorded)\n`);
    const r = runCli(['--baseline', baseline, report]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`reportlint: the baseline ${baseline} hid 12 known finding(s); new findings are shown\n`);
    // one new finding: the rest stay hidden
    writeFileSync(report, readFileSync(EXAMPLE, 'utf8') + `\n${BROKEN_VI}`);
    const after = runCli(['--baseline', baseline, '-f', 'json', report]);
    expect(JSON.parse(after.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['broken-paragraph']);
    expect(after.stderr).toBe(`reportlint: the baseline ${baseline} hid 12 known finding(s); new findings are shown\n`);
    // the same count from worker threads and from the cache
    expect(runCli(['--baseline', baseline, '-j', '2', report, EXAMPLE]).stderr).toBe(`reportlint: the baseline ${baseline} hid 12 known finding(s); new findings are shown\n`);
    const cache = join(dir, 'cache');
    runCli(['--baseline', baseline, '--cache', '--cache-location', cache, report]);
    expect(runCli(['--baseline', baseline, '--cache', '--cache-location', cache, report]).stderr).toBe(`reportlint: the baseline ${baseline} hid 12 known finding(s); new findings are shown\n`);
    expect(runCli(['--lang', 'vi', '--baseline', baseline, report]).stderr).toBe(`reportlint: baseline ${baseline} đã ẩn 12 vấn đề đã biết; chỉ hiện vấn đề mới\n`);
  });
});

describe('errors in both languages', () => {
  it('usage errors', () => {
    expect(runCli(['--jobs', '0', EXAMPLE]).stderr).toBe("reportlint: --jobs expects a whole number of at least 1, got '0'\n");
    const vi = runCli(['--lang', 'vi', '--jobs', '0', EXAMPLE]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe("reportlint: --jobs cần một số nguyên từ 1 trở lên, nhận được '0'\n");
    expect(runCli(['--lang', 'vi']).stderr).toBe('reportlint: chưa có tệp nào để kiểm tra (xem reportlint --help)\n');
    expect(runCli(['--lang', 'vi', '--explain', 'nope']).stderr).toBe("reportlint: không có quy tắc 'nope' (xem reportlint --list-rules)\n");
  });

  it('files that cannot be read, with the parser reason translated', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x41, 0xff, 0x42]));
    const r = runCli(['--lang', 'vi', 'no/such.txt', join(dir, 'bad.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${join(dir, 'bad.txt')}: không đọc được: UTF-8 không hợp lệ ở byte 1; nếu tệp dùng bảng mã khác, hãy ghi rõ bằng --encoding (ví dụ utf-16le, windows-1258)\n` +
        'no/such.txt: không đọc được: không có tệp hoặc thư mục này\n',
    );
    const en = runCli(['no/such.txt']);
    expect(en.stderr).toBe('no/such.txt: cannot read: no such file or directory\n');
  });

  it('config errors', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'reportlint.config.json'), '{"rules": {"nope": "error"}}');
    writeFileSync(join(dir, 'a.txt'), BROKEN_VI);
    expect(runCli(['a.txt'], { cwd: dir }).stderr).toBe("reportlint: reportlint.config.json: rules.nope: unknown rule 'nope' (see reportlint --list-rules)\n");
    expect(runCli(['--lang', 'vi', 'a.txt'], { cwd: dir }).stderr).toBe("reportlint: reportlint.config.json: rules.nope: không có quy tắc 'nope' (xem reportlint --list-rules)\n");
  });
});

describe('message language', () => {
  const unix = (text: string, env: NodeJS.ProcessEnv, args: string[] = []) =>
    runBare(['--stdin', '--format', 'unix', '--rule', 'broken-paragraph', ...args], { input: text, env }).stdout;

  it("with no locale in the environment, each document's own language", () => {
    expect(unix(BROKEN_VI, noLocale())).toContain('Đoạn này dừng giữa câu');
    expect(unix(BROKEN_EN, noLocale())).toContain('This paragraph ends mid-sentence');
  });

  it('a locale in the environment, or --lang, decides; --lang auto asks for the document', () => {
    expect(unix(BROKEN_VI, { ...noLocale(), LANG: 'C' })).toContain('This paragraph ends mid-sentence');
    expect(unix(BROKEN_EN, { ...noLocale(), LANG: 'vi_VN.UTF-8' })).toContain('Đoạn này dừng giữa câu');
    expect(unix(BROKEN_VI, { ...noLocale(), LANG: 'en_US.UTF-8' }, ['--lang', 'auto'])).toContain('Đoạn này dừng giữa câu');
  });

  it('the summary follows the documents, unreadable files too', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), BROKEN_VI);
    const r = runBare(['a.txt', 'missing.txt'], { cwd: dir });
    expect(r.stdout).toContain('✖ 2 vấn đề (1 lỗi, 0 cảnh báo, 1 lưu ý)');
    expect(r.stderr).toBe('missing.txt: không đọc được: không có tệp hoặc thư mục này\n');
  });
});

describe('.reportlintignore', () => {
  function repo(): string {
    const dir = tmp();
    mkdirSync(join(dir, 'reports/archive'), { recursive: true });
    mkdirSync(join(dir, 'drafts'));
    for (const p of ['reports/a.txt', 'reports/archive/old.txt', 'drafts/d.txt', 'reports/b.md']) writeFileSync(join(dir, p), BROKEN_VI);
    writeFileSync(join(dir, '.reportlintignore'), '# gitignore syntax\narchive/\n*.md\n!reports/b.md\ndrafts\n');
    return dir;
  }
  const paths = (out: string) => JSON.parse(out).files.map((f: { path: string }) => f.path);

  it('skips what it names, in gitignore syntax, and says so for a file named explicitly', () => {
    const dir = repo();
    expect(paths(runCli(['-f', 'json', '.'], { cwd: dir }).stdout)).toEqual(['./reports/a.txt', './reports/b.md']);
    const r = runCli(['-f', 'json', 'drafts/d.txt', 'reports/a.txt'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['reports/a.txt']);
    expect(r.stderr).toBe('drafts/d.txt: ignored by .reportlintignore (use --no-ignore to lint it)\n');
  });

  it('--ignore-path names another file; --no-ignore lints everything', () => {
    const dir = repo();
    writeFileSync(join(dir, '.other-ignore'), 'reports/\n');
    expect(paths(runCli(['-f', 'json', '--ignore-path', '.other-ignore', '.'], { cwd: dir }).stdout)).toEqual(['./drafts/d.txt']);
    expect(paths(runCli(['-f', 'json', '--no-ignore', '.'], { cwd: dir }).stdout)).toEqual(['./drafts/d.txt', './reports/a.txt', './reports/archive/old.txt', './reports/b.md']);
    const missing = runCli(['--ignore-path', 'nope', '.'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('reportlint: nope: cannot read the ignore file: no such file\n');
  });

  it('--no-ignore also lints what the config ignorePatterns name', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'reportlint.config.json'), '{"ignorePatterns": ["old.txt"]}');
    writeFileSync(join(dir, 'old.txt'), BROKEN_VI);
    const r = runCli(['-f', 'json', 'old.txt'], { cwd: dir });
    expect(paths(r.stdout)).toEqual([]);
    expect(r.stderr).toBe(`old.txt: ignored by ignorePatterns in ${join(dir, 'reportlint.config.json')} (use --no-ignore to lint it)\n`);
    expect(paths(runCli(['-f', 'json', '--no-ignore', 'old.txt'], { cwd: dir }).stdout)).toEqual(['old.txt']);
  });
});

describe('--init and --print-config', () => {
  it('--init writes a starter config with $schema that validates, once', () => {
    const dir = tmp();
    const r = runCli(['--init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('reportlint: wrote reportlint.config.json; edit it, then run reportlint on your reports\n');
    const text = readFileSync(join(dir, 'reportlint.config.json'), 'utf8');
    expect(text).toBe(
      JSON.stringify(
        {
          $schema: 'https://raw.githubusercontent.com/reportlint/reportlint/main/schema/reportlint.schema.json',
          locale: 'auto',
          numberFormat: 'auto',
          rounding: 'any',
          dictionary: [],
          rules: {},
          ignorePatterns: [],
        },
        null,
        2,
      ) + '\n',
    );
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/reportlint.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(schema, JSON.parse(text))).toBe(true);
    writeFileSync(join(dir, 'a.txt'), BROKEN_VI);
    expect(runCli(['a.txt'], { cwd: dir }).code).toBe(0);
    const again = runCli(['--init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('reportlint: reportlint.config.json already exists; remove it first or edit it\n');
  });

  it('--init points $schema at the installed package when there is one', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules/reportlint/schema'), { recursive: true });
    copyFileSync(join(ROOT, 'schema/reportlint.schema.json'), join(dir, 'node_modules/reportlint/schema/reportlint.schema.json'));
    runCli(['--init'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'reportlint.config.json'), 'utf8')).$schema).toBe('./node_modules/reportlint/schema/reportlint.schema.json');
  });

  it('--print-config prints what applies to one file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(
      join(dir, 'reportlint.config.json'),
      JSON.stringify({ locale: 'vi', rules: { 'broken-paragraph': 'off', 'sum-mismatch': 'warning' }, overrides: [{ files: ['drafts/**'], rules: { 'tone-style': 'off' } }] }),
    );
    const r = runCli(['--print-config', 'drafts/x.txt', '--rounding', 'round'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe('drafts/x.txt');
    expect(out.configFile).toBe('reportlint.config.json');
    expect(out.ignored).toBe(false);
    expect(out.settings).toEqual({ locale: 'vi', rounding: 'round' });
    expect(out.rules['broken-paragraph']).toBe('off');
    expect(out.rules['tone-style']).toBe('off');
    expect(out.rules['sum-mismatch'][0]).toBe('warning');
    expect(out.rules['citation-mismatch'][0]).toBe('error');
    expect(existsSync(join(dir, 'drafts/x.txt'))).toBe(false); // the file need not exist
  });
});
