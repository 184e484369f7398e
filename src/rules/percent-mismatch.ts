// A stated percentage (or multiple) that is computed from two stated figures must equal that
// computation within the precision it is written to; shares of one whole in a breakdown must not
// add up to more than 100 %. The phrases are read by the `ratios` fact; this rule only checks.

import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { RelatedReport } from '../engine/types.js';
import { defineRule } from '../engine/types.js';
import { ratios, rateConsistent, rateValue, sharesProblem, type RateClaim } from '../facts/ratios.js';
import { formatDecimal } from '../i18n/format.js';
import { figureCandidates, unpairedCount } from '../facts/figures-coverage.js';

const MESSAGE_BY_FORMULA: Record<RateClaim['formula'], string> = {
  part: 'part',
  ratio: 'ratio',
  growth: 'growth',
  decline: 'decline',
  excess: 'excess',
  multiple: 'multiple',
  oneIn: 'oneIn',
  growthBy: 'growthBy',
  declineBy: 'declineBy',
  product: 'product',
};

export default defineRule({
  id: 'percent-mismatch',
  meta: {
    category: 'percentages',
    defaultSeverity: 'error',
    fixable: true,
    description: {
      en: 'A percentage, rate of change or multiple that does not match the two figures it is computed from.',
      vi: 'Tỷ lệ phần trăm, tốc độ tăng/giảm hoặc số lần không khớp với hai số liệu dùng để tính ra nó.',
    },
    checkedLabel: { en: 'percentages', vi: 'tỷ lệ' },
  },
  options: z.object({}).strict(),
  messages: {
    part: {
      en: '{stated} does not match {numerator} of {denominator}: {numerator} / {denominator} = {computed}%.',
      vi: '{stated} không khớp với {numerator} trên {denominator}: {numerator} / {denominator} = {computed}%.',
    },
    ratio: {
      en: '{stated} does not match {numerator} against {denominator}: {numerator} / {denominator} = {computed}%.',
      vi: '{stated} không khớp với {numerator} so với {denominator}: {numerator} / {denominator} = {computed}%.',
    },
    growth: {
      en: 'An increase of {stated} does not match {denominator} to {numerator}: ({numerator} − {denominator}) / {denominator} = {computed}%.',
      vi: 'Mức tăng {stated} không khớp với {denominator} lên {numerator}: ({numerator} − {denominator}) / {denominator} = {computed}%.',
    },
    decline: {
      en: 'A decrease of {stated} does not match {denominator} to {numerator}: ({denominator} − {numerator}) / {denominator} = {computed}%.',
      vi: 'Mức giảm {stated} không khớp với {denominator} xuống {numerator}: ({denominator} − {numerator}) / {denominator} = {computed}%.',
    },
    excess: {
      en: 'Exceeding by {stated} does not match {numerator} against {denominator}: {numerator} / {denominator} − 1 = {computed}%.',
      vi: 'Mức vượt {stated} không khớp với {numerator} so với {denominator}: {numerator} / {denominator} − 1 = {computed}%.',
    },
    multiple: {
      en: '{stated} times does not match {denominator} to {numerator}: {numerator} / {denominator} = {computed}.',
      vi: 'Gấp {stated} lần không khớp với {denominator} lên {numerator}: {numerator} / {denominator} = {computed}.',
    },
    growthBy: {
      en: 'An increase of {numerator} ({stated}) does not match {denominator} now: {numerator} / ({denominator} − {numerator}) = {computed}%.',
      vi: 'Mức tăng {numerator} ({stated}) không khớp với số hiện nay {denominator}: {numerator} / ({denominator} − {numerator}) = {computed}%.',
    },
    declineBy: {
      en: 'A decrease of {numerator} ({stated}) does not match {denominator} now: {numerator} / ({denominator} + {numerator}) = {computed}%.',
      vi: 'Mức giảm {numerator} ({stated}) không khớp với số hiện nay {denominator}: {numerator} / ({denominator} + {numerator}) = {computed}%.',
    },
    oneIn: {
      en: '"{stated}" does not match {denominator} of {numerator}: {numerator} / {denominator} = {computed}, which is not one in {n}.',
      vi: '"{stated}" không khớp với {denominator} trên {numerator}: {numerator} / {denominator} = {computed}, không phải 1 trên {n}.',
    },
    product: {
      en: 'The calculation written here does not hold: {denominator} × {stated} comes to {computed}, not {numerator}.',
      vi: 'Phép tính ghi ở đây không đúng: {denominator} × {stated} bằng {computed}, không phải {numerator}.',
    },
    sharesOver: {
      en: 'The shares of one whole add up to {sum}% ({shares}), more than 100%.',
      vi: 'Các tỷ lệ của cùng một tổng cộng lại được {sum}% ({shares}), vượt quá 100%.',
    },
    sharesUnder: {
      en: 'The shares of one whole, the rest included, add up to {sum}% ({shares}), not 100%.',
      vi: 'Các tỷ lệ của cùng một tổng, kể cả phần còn lại, cộng lại chỉ được {sum}% ({shares}), không đủ 100%.',
    },
    numeratorHere: { en: 'computed from {value}', vi: 'tính từ {value}' },
    denominatorHere: { en: 'against {value}', vi: 'so với {value}' },
    shareHere: { en: 'share {value}', vi: 'tỷ lệ {value}' },
    replace: { en: 'Replace with {value}', vi: 'Thay bằng {value}' },
  },
  check(ctx) {
    const { doc, settings } = ctx;
    const conv = settings.numberFormat;
    const found = ctx.facts.get(ratios);
    // coverage: percentages of the running text no rate phrase or share group could pair
    const used = [...found.rates.map((c) => c.rate.valueSpan.start), ...found.shareGroups.flatMap((g) => g.shares.map((s) => s.valueSpan.start))];
    ctx.unpaired(unpairedCount(ctx.facts.get(figureCandidates).percentages.map((q) => q.valueSpan.start), used));
    for (const c of found.rates) {
      ctx.checked();
      if (rateConsistent(c, settings.rounding)) continue;
      const value = rateValue(c);
      if (!value) continue;
      const shown = c.formula === 'product' ? Math.max(c.numerator.decimals, value.decimalPlaces() > 6 ? 6 : value.decimalPlaces()) : c.rate.decimals + 2;
      const numerator = doc.slice(c.numerator.valueSpan);
      const denominator = doc.slice(c.denominator.valueSpan);
      const related: RelatedReport[] = [
        { span: c.numerator.span, messageId: 'numeratorHere', data: { value: doc.slice(c.numerator.span) } },
        { span: c.denominator.span, messageId: 'denominatorHere', data: { value: doc.slice(c.denominator.span) } },
      ];
      const fixable = c.formula === 'part' && c.numerator.exact && c.denominator.exact;
      const replacement = formatDecimal(value.toDecimalPlaces(c.rate.decimals, Decimal.ROUND_HALF_UP), conv, c.rate.decimals);
      ctx.report({
        messageId: MESSAGE_BY_FORMULA[c.formula],
        // a calculation is wrong in its result as written; a rate in the rate
        span: c.formula === 'product' ? c.numerator.span : c.rate.span,
        data: { stated: doc.slice(c.rate.span), numerator, denominator, computed: formatDecimal(value.toDecimalPlaces(shown, Decimal.ROUND_HALF_UP), conv), n: formatDecimal(c.rate.value, conv) },
        related,
        ...(fixable
          ? { fix: { edits: [{ span: c.rate.valueSpan, text: replacement }], applicability: 'unsafe' as const, messageId: 'replace', data: { value: replacement } } }
          : {}),
      });
    }
    for (const g of found.shareGroups) {
      ctx.checked(g.shares.length);
      const problem = sharesProblem(g, settings.rounding);
      if (!problem) continue;
      let sum = new Decimal(0);
      for (const s of g.shares) sum = sum.plus(s.value);
      const last = g.shares[g.shares.length - 1];
      ctx.report({
        messageId: problem === 'over' ? 'sharesOver' : 'sharesUnder',
        span: last.span,
        data: { sum: formatDecimal(sum, conv), shares: g.shares.map((s) => doc.slice(s.span)).join(' + ') },
        related: g.shares.slice(0, -1).map((s) => ({ span: s.span, messageId: 'shareHere', data: { value: doc.slice(s.span) } })),
      });
    }
  },
});
