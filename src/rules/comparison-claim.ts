// Words that claim a relation between a figure and its target (vượt chỉ tiêu, chưa đạt, bằng,
// exceeds, below, hoàn thành kế hoạch) must agree with the figures they relate. The claims are
// read by the `ratios` fact; this rule only checks them, within the stated precision.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { changeProblem, comparisonConsistent, ratios } from '../facts/ratios.js';
import { writtenAs } from '../i18n/format.js';

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
    changeUp: {
      en: '"{claim}" says {current} is higher than {previous}, but {current} is not higher than {previous}.',
      vi: '"{claim}" nói {current} tăng so với {previous}, nhưng {current} không cao hơn {previous}.',
    },
    changeDown: {
      en: '"{claim}" says {current} is lower than {previous}, but {current} is not lower than {previous}.',
      vi: '"{claim}" nói {current} giảm so với {previous}, nhưng {current} không thấp hơn {previous}.',
    },
    changeAmount: {
      en: 'The change of {change} does not match the figures it joins: {current} against {previous} is a change of {diff}.',
      vi: 'Mức thay đổi {change} không khớp với hai số liệu: {current} so với {previous} chênh lệch {diff}.',
    },
    valueHere: { en: 'the figure: {value}', vi: 'số liệu: {value}' },
    previousHere: { en: 'the earlier figure: {value}', vi: 'số liệu kỳ trước: {value}' },
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
    for (const c of ctx.facts.get(ratios).changes) {
      ctx.checked();
      const problem = changeProblem(c, settings.rounding);
      if (!problem) continue;
      const current = doc.slice(c.current.span);
      const previous = doc.slice(c.previous.span);
      const related = [
        { span: c.current.span, messageId: 'valueHere', data: { value: current } },
        { span: c.previous.span, messageId: 'previousHere', data: { value: previous } },
      ];
      if (problem === 'direction') {
        ctx.report({ messageId: c.direction === 'up' ? 'changeUp' : 'changeDown', span: c.cue, data: { claim: doc.slice(c.cue), current, previous }, related });
        continue;
      }
      if (!c.change) continue;
      // the difference in the change's unit, written as the document writes the change ("80 hộ", "$80 million")
      const diff = c.current.value.times(c.current.scale).minus(c.previous.value.times(c.previous.scale)).abs().div(c.change.scale);
      const decimals = Math.max(c.current.decimals, c.previous.decimals, c.change.decimals);
      ctx.report({ messageId: 'changeAmount', span: c.change.span, data: { change: doc.slice(c.change.span), current, previous, diff: writtenAs(doc.text, c.change, diff, settings.numberFormat, decimals) }, related });
    }
  },
});
