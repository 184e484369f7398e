// A stated total followed by its parts (list items at any depth, or inline) must add up, within
// the precision the figures are stated to. The analysis (which figure is the total, which are
// the parts, the cue's promise, nesting, the root cause) lives in facts/breakdowns.ts.

import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { defineRule, type RelatedReport } from '../engine/types.js';
import { breakdowns, checkTree, partAboveTotal, partsArePlaces, type Basis, type LevelResult } from '../facts/breakdowns.js';
import { formatDecimal, writtenAs } from '../i18n/format.js';
import { quantities, type Quantity } from '../facts/quantities.js';
import { figureCandidates, unpairedCount } from '../facts/figures-coverage.js';
import { partitions } from '../facts/figures-partitions.js';

const PART_COVERAGE = new Decimal('0.95');
/** A closed inline list under a subset cue (trong đó A, B và C) is read as complete only when its parts come this close to the total. */
const CLOSED_UNDER = new Decimal('0.97');
const CLOSED_OVER = new Decimal('1.03');
/** "including" names examples (among others): a list after it is never read as complete. */
const EXAMPLES_CUE = /^including$/i;
const COMPLETE_MESSAGE: Record<Basis, string> = { cue: 'mismatch', 'total-word': 'mismatchTotal', remainder: 'mismatchRest', enumeration: 'mismatchList', formula: 'mismatchFormula', complement: 'mismatchComplement' };

export default defineRule({
  id: 'sum-mismatch',
  meta: {
    category: 'figures',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      en: 'A total broken down into parts (gồm, trong đó, of which, …) whose parts do not add up to it.',
      vi: 'Một tổng số được chia thành các phần (gồm, trong đó, …) mà các phần cộng lại không bằng tổng.',
    },
    checkedLabel: { en: 'totals', vi: 'tổng số' },
  },
  options: z
    .object({
      /** Under `trong đó` / `of which`, parts covering at least this share of the total with an unexplained shortfall are reported as a possibly missing item. */
      missingItemCoverage: z.number().min(0).max(1).default(0.95),
    })
    .strict(),
  messages: {
    mismatch: {
      en: 'The parts add up to {sum}, not the stated total {total} (difference {diff}). Read as a complete breakdown: "{cue}" says the parts make up the total.',
      vi: 'Các phần cộng lại được {sum}, không bằng tổng đã nêu {total} (chênh lệch {diff}). Đọc là phân chia đầy đủ: "{cue}" cho biết các phần hợp thành tổng.',
    },
    mismatchTotal: {
      en: 'The parts listed before "{cue}" add up to {sum}, not {total} (difference {diff}). Read as a complete breakdown: "{cue}" totals the parts before it.',
      vi: 'Các phần nêu trước "{cue}" cộng lại được {sum}, không bằng {total} (chênh lệch {diff}). Đọc là phân chia đầy đủ: "{cue}" là tổng của các phần nêu trước.',
    },
    mismatchRest: {
      en: 'The parts add up to {sum}, not the stated total {total} (difference {diff}). Read as a complete breakdown: the last part is the rest of the total.',
      vi: 'Các phần cộng lại được {sum}, không bằng tổng đã nêu {total} (chênh lệch {diff}). Đọc là phân chia đầy đủ: phần cuối là phần còn lại của tổng.',
    },
    mismatchComplement: {
      en: 'The parts add up to {sum}, not the stated total {total} (difference {diff}). Read as a complete breakdown: the last part ("{no}") is the complement of the others ("{yes}"), so together they make the total.',
      vi: 'Các phần cộng lại được {sum}, không bằng tổng đã nêu {total} (chênh lệch {diff}). Đọc là phân chia đầy đủ: phần cuối ("{no}") là phần bù của các phần trước ("{yes}"), nên các phần hợp thành tổng.',
    },
    mismatchList: {
      en: 'The parts in parentheses add up to {sum}, not {total} (difference {diff}). Read as a complete breakdown: the list closes with "and" and names every part.',
      vi: 'Các phần trong ngoặc cộng lại được {sum}, không bằng {total} (chênh lệch {diff}). Đọc là phân chia đầy đủ: danh sách kết thúc bằng "và", nêu đủ các phần.',
    },
    mismatchFormula: {
      en: 'The calculation written here does not hold: {calc} comes to {computed}, not {stated} (difference {diff}).',
      vi: 'Phép tính ghi ở đây không đúng: {calc} bằng {computed}, không phải {stated} (chênh lệch {diff}).',
    },
    mismatchRoot: {
      en: 'The parts add up to {sum}, not the stated total {total} (difference {diff}). Likely root cause: {culprit} should probably be {expected}, which makes every level add up.',
      vi: 'Các phần cộng lại được {sum}, không bằng tổng đã nêu {total} (chênh lệch {diff}). Nguyên nhân có thể: số {culprit} có lẽ phải là {expected}, khi đó mọi cấp đều khớp.',
    },
    isRoot: {
      en: 'The parts add up to {sum}, not the stated {total} (difference {diff}). This figure is probably the error (likely root cause): with {expected} here, every level adds up, including {others}.',
      vi: 'Các phần cộng lại được {sum}, không bằng số đã nêu {total} (chênh lệch {diff}). Đây có lẽ là số sai (nguyên nhân gốc): nếu là {expected} thì mọi cấp đều khớp, kể cả {others}.',
    },
    overlap: {
      en: 'The parts listed after "{cue}" add up to {sum}, more than the stated total {total} (by {diff}). Read as parts of the total: "{cue}" promises only parts within it, so unless they overlap a figure is wrong.',
      vi: 'Các phần nêu sau "{cue}" cộng lại được {sum}, lớn hơn tổng đã nêu {total} ({diff}). Đọc là các phần của tổng: "{cue}" chỉ cho biết các phần nằm trong tổng, nên nếu các phần không trùng nhau thì có số liệu sai.',
    },
    exceeds: {
      en: 'The parts listed after "{cue}" add up to {sum}, more than the stated total {total} (by {diff}). Read as parts of the total: "{cue}" promises parts within it, and amounts of money listed one by one do not overlap.',
      vi: 'Các phần nêu sau "{cue}" cộng lại được {sum}, lớn hơn tổng đã nêu {total} ({diff}). Đọc là các phần của tổng: "{cue}" cho biết các phần nằm trong tổng, mà các khoản tiền liệt kê riêng thì không trùng nhau.',
    },
    exceedsPlaces: {
      en: 'The parts listed after "{cue}" add up to {sum}, more than the stated total {total} (by {diff}). Read as parts of the total: "{cue}" promises parts within it, and parts named by different places do not overlap.',
      vi: 'Các phần nêu sau "{cue}" cộng lại được {sum}, lớn hơn tổng đã nêu {total} ({diff}). Đọc là các phần của tổng: "{cue}" cho biết các phần nằm trong tổng, mà các phần thuộc các địa bàn khác nhau thì không trùng nhau.',
    },
    partExceeds: {
      en: 'The part {part} listed after "{cue}" is by itself more than the stated total {total} (the parts add up to {sum}). Read as parts of the total: whatever the parts share, no part can be more than the whole.',
      vi: 'Phần {part} nêu sau "{cue}" tự nó đã lớn hơn tổng đã nêu {total} (các phần cộng lại được {sum}). Đọc là các phần của tổng: dù các phần có trùng nhau, không phần nào lớn hơn tổng.',
    },
    missingItem: {
      en: 'The parts add up to {sum}, {coverage} of the stated total {total} (short by {diff}). Read as parts of the total ("{cue}"), but the list looks complete; is an item missing?',
      vi: 'Các phần cộng lại được {sum}, bằng {coverage} tổng đã nêu {total} (thiếu {diff}). Đọc là các phần của tổng ("{cue}") nhưng danh sách có vẻ đầy đủ; có khoản nào bị bỏ sót?',
    },
    part: { en: 'part: {value}', vi: 'thành phần: {value}' },
    culprit: { en: 'probably wrong: should be {expected}', vi: 'có lẽ sai: phải là {expected}' },
  },
  check(ctx, opts) {
    const conv = ctx.settings.numberFormat;
    const list = ctx.facts.get(breakdowns);
    const results = checkTree(list, ctx.settings.rounding);
    // coverage: stated totals no breakdown or status split could pair
    const used = [...list.map((b) => b.total.index), ...ctx.facts.get(partitions).map((p) => p.whole.index)];
    ctx.unpaired(unpairedCount(ctx.facts.get(figureCandidates).totals.map((q) => q.index), used));
    const fmt = (v: Decimal, d: number): string => formatDecimal(v, conv, d);
    // a figure written with its unit as the document writes it: "$4.3 million", "1.200 triệu đồng"
    const show = (q: Quantity, v: Decimal, d: number): string => writtenAs(ctx.doc.text, q, v, conv, d);
    for (const r of results) {
      const bd = r.breakdown;
      ctx.checked();
      if (r.consistent || bd.hedged) continue;
      let severity: 'error' | 'warning';
      let messageId: string;
      let extra: Record<string, string> = {};
      if (bd.reading === 'complete') {
        // a reading the text states (the cue, a total word, a part named as the rest) is an error; an inferred one (kinds of the whole, an enumeration) a warning
        severity = bd.kinds || bd.basis === 'enumeration' || bd.basis === 'complement' ? 'warning' : 'error';
        messageId = COMPLETE_MESSAGE[bd.basis];
      } else if (r.rootCause) {
        severity = 'error';
        messageId = 'mismatch';
      } else if (r.direction === 'over') {
        const above = partAboveTotal(bd, ctx.settings.rounding, ctx.facts.get(quantities));
        if (above) {
          // one part alone is more than the whole: an error whatever the parts may share
          severity = 'error';
          messageId = 'partExceeds';
          extra = { part: ctx.doc.slice(above.span) };
        } else if (bd.kind === 'list' || bd.announced) {
          // a list, or a cue that announces one with a colon ("trong đó: A …, B …"): items listed one by one
          severity = bd.total.unit.family === 'money' ? 'error' : 'warning';
          messageId = severity === 'error' ? 'exceeds' : 'overlap';
        } else if (partsArePlaces(ctx.doc.text, bd, ctx.settings.locale === 'en')) {
          // parts named by different places cannot overlap (examples of places, after "including", neither)
          severity = 'error';
          messageId = 'exceedsPlaces';
        } else if (bd.closed && bd.total.unit.family === 'money' && bd.parts.every((p) => p.unit.family === 'money')) {
          // a closed list of amounts of money (A, B and C) names each amount once: they do not overlap (examples after "including" neither)
          severity = 'error';
          messageId = 'exceeds';
        } else if (bd.closed && !EXAMPLES_CUE.test(bd.cue) && r.coverage.lessThanOrEqualTo(CLOSED_OVER)) {
          // inline subsets may overlap ("1.000 lao động, trong đó 600 nữ, 700 qua đào tạo"), but a closed list just over its total is a slip
          severity = 'warning';
          messageId = 'overlap';
        } else continue;
      } else if ((bd.kind === 'list' && r.coverage.greaterThanOrEqualTo(opts.missingItemCoverage ?? PART_COVERAGE)) || (bd.closed && !EXAMPLES_CUE.test(bd.cue) && r.coverage.greaterThanOrEqualTo(CLOSED_UNDER))) {
        // only a list that looks complete: an inline "trong đó" often names a few notable parts
        severity = 'warning';
        messageId = 'missingItem';
      } else continue;
      const total = bd.total;
      const diff = r.sum.minus(total.value).abs();
      const data: Record<string, string> = {
        sum: show(total, r.sum, r.sumDecimals),
        total: ctx.doc.slice(total.span),
        diff: show(total, diff, Math.max(r.sumDecimals, total.decimals)),
        cue: bd.cue,
        yes: bd.complement?.yes ?? '',
        no: bd.complement?.no ?? '',
        coverage: fmt(r.coverage.times(100).toDecimalPlaces(1), r.coverage.times(100).toDecimalPlaces(1).decimalPlaces()) + '%',
        ...extra,
      };
      const related: RelatedReport[] = bd.parts.map((p) => ({ span: p.span, messageId: 'part', data: { value: ctx.doc.slice(p.span) } }));
      if (bd.formula && !r.rootCause) {
        // the calculation as written, its result recomputed in the result's unit
        const { op, result } = bd.formula;
        const terms = op === '+' ? bd.parts : [bd.total, ...bd.parts.filter((p) => p.index !== result.index)];
        const base = op === '+' ? terms.reduce((a, q) => a.plus(q.base), new Decimal(0)) : terms.slice(1).reduce((a, q) => a.minus(q.base), terms[0].base);
        const computed = base.div(result.unit.scale);
        const decimals = Math.max(computed.decimalPlaces(), ...terms.map((q) => q.decimals));
        const tail = /^\/\p{L}+/u.exec(ctx.doc.text.slice(result.span.end, result.span.end + 16))?.[0] ?? '';
        const calc = ctx.doc.text.slice(terms[0].span.start, result.span.end + tail.length);
        ctx.report({
          messageId: 'mismatchFormula',
          span: result.span,
          data: {
            calc: calc.length > 90 ? calc.slice(0, 87) + '…' : calc,
            computed: show(result, computed, decimals),
            stated: ctx.doc.slice(result.span),
            diff: show(result, computed.minus(result.value).abs(), Math.max(decimals, result.decimals)),
          },
          related: terms.map((p) => ({ span: p.span, messageId: 'part', data: { value: ctx.doc.slice(p.span) } })),
          severity,
        });
        continue;
      }
      const rc = r.rootCause;
      if (rc) {
        data.culprit = ctx.doc.slice(rc.quantity.span);
        data.expected = show(rc.quantity, rc.expected, rc.expectedDecimals);
        if (rc.quantity.index === total.index) {
          messageId = 'isRoot';
          data.others = otherTotals(results, r).map((o) => fmt(o.breakdown.total.value, o.breakdown.total.decimals)).join(', ');
        } else {
          messageId = 'mismatchRoot';
          related.unshift({ span: rc.quantity.span, messageId: 'culprit', data: { expected: data.expected } });
        }
      }
      ctx.report({ messageId, span: total.span, data, related, severity });
    }
  },
});

/** The other failing totals of the same tree as `r`. */
function otherTotals(results: LevelResult[], r: LevelResult): LevelResult[] {
  const rc = r.rootCause;
  return results.filter((o) => o !== r && !o.consistent && o.rootCause && rc && o.rootCause.quantity.index === rc.quantity.index);
}
