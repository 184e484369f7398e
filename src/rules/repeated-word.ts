// A word or syllable typed twice in a row ("của của", "thực hiện thực hiện", "the the"). The
// judgement is the language model's (facts/language.ts, doublings): silent where two words meet
// on one syllable ("hành vi vi phạm"), where the model writes the repeat in that context, on
// numbers, names and across line, cell and list boundaries. The fix removes the second copy.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { doublings } from '../facts/language.js';

export default defineRule({
  id: 'repeated-word',
  meta: {
    category: 'text',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'A word or syllable written twice in a row by accident.',
      vi: 'Một từ hoặc tiếng bị viết lặp hai lần liền nhau.',
    },
    checkedLabel: { en: 'words', vi: 'tiếng' },
  },
  options: z.object({}).strict(),
  messages: {
    phrase: {
      en: '"{word}" is written twice; "{phrase}" is how {docs} documents of the reference corpus write it, the repeat is not.',
      vi: '"{word}" bị viết lặp hai lần; {docs} văn bản của kho văn bản mẫu viết "{phrase}", không lặp.',
    },
    stranded: {
      en: '"{word}" is written twice in a row; the reference corpus writes "{phrase}" ({docs} documents), but never the other copy with its neighbour.',
      vi: '"{word}" bị viết lặp hai lần liền nhau; kho văn bản mẫu viết "{phrase}" ({docs} văn bản) nhưng không bao giờ ghép bản còn lại với tiếng bên cạnh.',
    },
    ending: {
      en: '"{word}" is written twice in a row at the end of a phrase; "{phrase}" is a word ({docs} documents of the reference corpus), the second copy stands alone.',
      vi: '"{word}" bị viết lặp hai lần ở cuối cụm từ; "{phrase}" là một từ ({docs} văn bản của kho văn bản mẫu), bản thứ hai đứng riêng.',
    },
    free: {
      en: '"{word}" is written twice in a row; neither copy forms a word with its neighbour.',
      vi: '"{word}" bị viết lặp hai lần liền nhau; không bản nào ghép được thành từ với tiếng bên cạnh.',
    },
    avoided: {
      en: '"{word}" is written twice in a row; the reference corpus writes it doubled {doubled} times where chance alone would give {chance}: a doubling the language avoids.',
      vi: '"{word}" bị viết lặp hai lần liền nhau; kho văn bản mẫu chỉ viết lặp từ này {doubled} lần, trong khi nếu ngẫu nhiên sẽ là {chance} lần: tiếng Việt không lặp từ này.',
    },
    grammar: {
      en: '"{word}" is written twice in a row; English grammar never writes it twice (an article, a modal verb, "to", "of").',
      vi: '"{word}" bị viết lặp hai lần liền nhau; ngữ pháp tiếng Anh không bao giờ lặp từ này (mạo từ, động từ khuyết thiếu, "to", "of").',
    },
    boundBefore: {
      en: '"{word}" is written twice in a row; "{unit}" is a word, and the reference corpus writes "{phrase}" ({docs} documents) only where "{part}" belongs to the word before it: the second copy stands alone.',
      vi: '"{word}" bị viết lặp hai lần liền nhau; "{unit}" là một từ, còn "{phrase}" ({docs} văn bản của kho văn bản mẫu) chỉ xuất hiện khi "{part}" gắn với tiếng đứng trước: bản thứ hai đứng lẻ.',
    },
    boundAfter: {
      en: '"{word}" is written twice in a row; "{unit}" is a word, and the reference corpus writes "{phrase}" ({docs} documents) only where "{part}" belongs to the word after it: the first copy stands alone.',
      vi: '"{word}" bị viết lặp hai lần liền nhau; "{unit}" là một từ, còn "{phrase}" ({docs} văn bản của kho văn bản mẫu) chỉ xuất hiện khi "{part}" gắn với tiếng đứng sau: bản thứ nhất đứng lẻ.',
    },
    word: {
      en: 'The word "{word}" is written twice in a row.',
      vi: 'Từ "{word}" bị viết lặp hai lần liền nhau.',
    },
    remove: { en: 'Remove the repeated "{word}"', vi: 'Xoá "{word}" bị lặp' },
  },
  check(ctx) {
    const { found, checked } = ctx.facts.get(doublings);
    ctx.checked(checked);
    for (const d of found) {
      const first = d.first[0];
      const last = d.second[d.second.length - 1];
      const word = ctx.doc.text.slice(d.second[0].span.start, last.span.end);
      const firstEnd = d.first[d.first.length - 1].span.end;
      ctx.report({
        messageId: d.avoided ? 'avoided' : d.reason,
        span: { start: first.span.start, end: last.span.end },
        data: { word, docs: d.phraseDocs, phrase: d.phrase, ...(d.unit ? { unit: d.unit, part: d.part ?? word } : {}), ...(d.avoided ? { chance: d.avoided.chance, doubled: d.avoided.doubled } : {}) },
        ...(d.sure ? {} : { severity: 'info' as const }),
        fix: { edits: [{ span: { start: firstEnd, end: last.span.end }, text: '' }], applicability: 'safe', messageId: 'remove', data: { word } },
      });
    }
  },
});
