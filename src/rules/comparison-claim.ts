// Words that claim a relation between a figure and its target (vượt chỉ tiêu, chưa đạt, bằng,
// exceeds, below, hoàn thành kế hoạch) must agree with the figures they relate. The claims are
// read by the `ratios` fact; this rule only checks them, within the stated precision.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { comparisonConsistent, ratios } from '../facts/ratios.js';

export default defineRule({
  id: 'comparison-claim',
  meta: {
    category: 'percentages',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      en: 'A word that claims a figure is above, below, equal to or has met its target, contradicted by the figures.',
      vi: 'Từ khẳng định số liệu vượt, chưa đạt, bằng hoặc hoàn thành chỉ tiêu nhưng mâu thuẫn với chính các số liệu đó.',
    },
    checkedLabel: { en: 'comparisons', vi: 'so sánh' },
  },
  options: z.object({}).strict(),
  messages: {
    above: {
      en: '"{claim}" says {value} is above {target}, but {value} is not above {target}.',
      vi: '"{claim}" khẳng định {value} cao hơn {target}, nhưng {value} không cao hơn {target}.',
    },
    below: {
      en: '"{claim}" says {value} is below {target}, but {value} is not below {target}.',
      vi: '"{claim}" khẳng định {value} thấp hơn {target}, nhưng {value} không thấp hơn {target}.',
    },
    atLeast: {
      en: '"{claim}" says {value} reaches {target}, but {value} is below {target}.',
      vi: '"{claim}" khẳng định {value} đạt {target}, nhưng {value} thấp hơn {target}.',
    },
    equal: {
      en: '"{claim}" says {value} equals {target}, but the two figures differ.',
      vi: '"{claim}" khẳng định {value} bằng {target}, nhưng hai số liệu khác nhau.',
    },
    planAbove: {
      en: '"{claim}" says the plan was exceeded, but {value} of the plan is not above 100%.',
      vi: '"{claim}" khẳng định vượt kế hoạch, nhưng {value} kế hoạch không vượt 100%.',
    },
    planMet: {
      en: '"{claim}" says the plan was met, but {value} of the plan is below 100%.',
      vi: '"{claim}" khẳng định hoàn thành kế hoạch, nhưng {value} kế hoạch chưa đạt 100%.',
    },
    valueHere: { en: 'the figure: {value}', vi: 'số liệu: {value}' },
  },
  check(ctx) {
    const { doc, settings } = ctx;
    for (const c of ctx.facts.get(ratios).comparisons) {
      ctx.checked();
      if (comparisonConsistent(c, settings.rounding)) continue;
      const value = doc.slice(c.value.span);
      const messageId = c.implicitTarget ? (c.relation === 'above' ? 'planAbove' : 'planMet') : c.relation;
      ctx.report({
        messageId,
        span: c.cue,
        data: { claim: doc.slice(c.cue), value, target: c.implicitTarget ? '100%' : doc.slice(c.target.span) },
        related: [{ span: c.value.span, messageId: 'valueHere', data: { value } }],
      });
    }
  },
});
