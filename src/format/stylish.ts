// The default, for people: findings grouped by file, coloured, then what was checked and a summary.
// Every field is shown through escapeTerminal (src/format/escape.ts): a control character from a
// document or a file name is printed as an escape, never sent to the terminal.

import { Chalk } from 'chalk';
import { escapeTerminal as t } from './escape.js';
import type { Formatter } from './types.js';
import type { Lang } from '../engine/types.js';
import { wordLocation } from './where.js';

const WORDS: Record<Lang, Record<string, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info', problems: 'problems', errors: 'errors', warnings: 'warnings', infos: 'info', checked: 'Checked', unpaired: 'not paired', none: 'No problems found', fixable: 'fixable with --fix', read: 'read', notRead: 'not read', skipped: 'skipped', file: 'file', files: 'files' },
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý', problems: 'vấn đề', errors: 'lỗi', warnings: 'cảnh báo', infos: 'lưu ý', checked: 'Đã kiểm tra', unpaired: 'chưa ghép được', none: 'Không phát hiện vấn đề', fixable: 'sửa được bằng --fix', read: 'đã đọc', notRead: 'không đọc được', skipped: 'bỏ qua', file: 'tệp', files: 'tệp' },
};

const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const w = WORDS[ctx.lang];
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  const checked = new Map<string, number>();
  const unpaired = new Map<string, number>();
  for (const r of results) {
    errors += r.errorCount + (r.fatal ? 1 : 0);
    warnings += r.warningCount;
    infos += r.infoCount;
    for (const [id, n] of Object.entries(r.checked)) checked.set(id, (checked.get(id) ?? 0) + n);
    for (const [id, n] of Object.entries(r.unpaired ?? {})) unpaired.set(id, (unpaired.get(id) ?? 0) + n);
    if (!r.fatal && r.findings.length === 0 && !r.internalErrors) continue;
    out.push(c.underline(t(r.path)));
    if (r.fatal) out.push(`  ${c.red(w.error)}  ${t(r.fatal)}`);
    for (const f of r.findings) {
      if (f.fix && f.fix.applicability === 'safe') fixable++;
      const sev = f.severity === 'error' ? c.red(w.error) : f.severity === 'warning' ? c.yellow(w.warning) : c.blue(w.info);
      // a spreadsheet cell is found by its reference (Thu!C12), not by a line of the rebuilt text
      const where = c.dim(t(f.extras?.ref ?? `${f.line}:${f.column}`).padEnd(8));
      out.push(`  ${where} ${sev}  ${t(f.message)}  ${c.dim(t(f.ruleId))}`);
      const inWord = f.extras?.ref === undefined ? wordLocation(f.extras, ctx.lang) : undefined; // a cell reference says it all
      if (inWord) out.push(c.dim(`           ${t(inWord)}`));
      for (const rel of f.related.slice(0, 3)) out.push(c.dim(`           ↳ ${t(rel.extras?.ref ?? `${rel.line}:${rel.column}`)} ${t(rel.message)}`));
      if (f.related.length > 3) out.push(c.dim(`           ↳ … +${f.related.length - 3}`));
    }
    for (const e of r.internalErrors ?? []) out.push(`  ${c.red(w.error)}  internal error in ${t(e.ruleId)}: ${t(e.message)}`);
    out.push('');
  }
  const total = errors + warnings + infos;
  // One entry per label: several rules read the same words or citations (counting them a little
  // differently), and "34 words, 31 words, 32 words" tells a reviewer nothing; the largest count is
  // what was looked at. "2 totals (5 not paired)": what was read but could not be checked.
  const byLabel = new Map<string, { n: number; u: number }>();
  for (const rule of ctx.rules) {
    const n = checked.get(rule.id) ?? 0;
    const u = unpaired.get(rule.id) ?? 0;
    const label = rule.meta.checkedLabel?.[ctx.lang];
    if (!label || (!n && !u)) continue;
    const seen = byLabel.get(label);
    if (!seen) byLabel.set(label, { n, u });
    else byLabel.set(label, { n: Math.max(seen.n, n), u: Math.max(seen.u, u) });
  }
  const parts = [...byLabel].map(([label, { n, u }]) => `${n} ${label}${u ? ` (${u} ${w.unpaired})` : ''}`);
  if (parts.length) out.push(c.dim(`${w.checked}: ${parts.join(', ')}`));
  // every file accounted for: read, not read (an error above), skipped on purpose
  const notRead = results.filter((r) => r.fatal).length;
  const read = results.length - notRead;
  const skipped = ctx.skipped?.length ?? 0;
  const n = (k: number): string => (ctx.lang === 'vi' ? `${k} ${w.file}` : `${k} ${k === 1 ? w.file : w.files}`);
  const files = [ctx.lang === 'vi' ? `${w.read} ${n(read)}` : `${n(read)} ${w.read}`];
  if (notRead) files.push(`${notRead} ${w.notRead}`);
  if (skipped) files.push(`${skipped} ${w.skipped}`);
  if (total === 0) out.push(c.green(`✔ ${w.none} (${files.join(', ')})`));
  else {
    const color = errors ? c.red : warnings ? c.yellow : c.blue;
    out.push(color(`✖ ${total} ${w.problems} (${errors} ${w.errors}, ${warnings} ${w.warnings}, ${infos} ${w.infos}) · ${files.join(', ')}`));
    if (fixable) out.push(c.dim(`  ${fixable} ${w.fixable}`));
  }
  return out.join('\n') + '\n';
};
export default stylish;
