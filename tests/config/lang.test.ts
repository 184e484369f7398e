// Message language: --lang wins; otherwise LC_ALL, LC_MESSAGES, LANG starting with `vi` mean Vietnamese.

import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const BROKEN = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';
const VI = 'Đoạn này dừng giữa câu';
const EN = 'This paragraph ends mid-sentence';

function message(args: string[], env: NodeJS.ProcessEnv): string {
  const r = runCli(['--stdin', '--format', 'unix', '--rule', 'broken-paragraph', ...args], { input: BROKEN, env });
  return r.stdout;
}

describe('message language', () => {
  it('defaults from the environment', () => {
    expect(message([], { LANG: 'vi_VN.UTF-8' })).toContain(VI);
    expect(message([], { LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' })).toContain(VI);
    expect(message([], { LANG: 'C' })).toContain(EN);
  });

  it('--lang wins over the environment', () => {
    expect(message(['--lang', 'en'], { LANG: 'vi_VN.UTF-8' })).toContain(EN);
    expect(message(['--lang', 'vi'], { LANG: 'C' })).toContain(VI);
    expect(runCli(['--lang', 'fr', '--stdin'], { input: '' }).code).toBe(2);
  });
});
