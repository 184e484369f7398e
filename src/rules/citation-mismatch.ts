// The same cited document must carry the same number, form and date everywhere. A form cited once
// against one cited several times (same type, symbol and date; or same number and symbol) is the
// likely slip; two forms each cited several times are two documents and stay silent. Two
// documents cited side by side whose dates each belong to the other are reported as a swap.

import { z } from 'zod';
import { defineRule, type RuleContext } from '../engine/types.js';
import { asRight, citationFacts, codeMissing, fold, inCapitals, unstroke, formScore, likelyTypo, oneDigitApart, sameFullTitle, sameIssuer, TYPE_CODES, type Citation, type CitationGroup } from '../facts/citations.js';
import { ENGLISH_TYPE_WORDS } from '../facts/lexicon/citations.js';
import { dateFacts, dateSlip, dateValue, type DateMention } from '../facts/dates.js';
import { hasYear, registry, ymd } from '../facts/registry.js';

const options = z
  .object({
    /** How many times the majority form must be cited before a lone variant is called a typo. */
    minMajority: z.number().int().min(2).default(2),
    /** Two numbers closer than this on the same day with the same symbol may be two documents issued together. */
    minNumberGap: z.number().int().min(1).default(10),
  })
  .strict();
type Options = z.output<typeof options>;
// the evidence shown with a finding: its first places (the message gives the count)
const MAX_RELATED = 10;
type Ctx = RuleContext<Options>;

export default defineRule({
  id: 'citation-mismatch',
  meta: {
    category: 'citations',
    defaultSeverity: 'error',
    fixable: true,
    description: {
      en: 'The same cited document with a different number, form or date in one place.',
      vi: 'Cùng một văn bản được trích dẫn với số hiệu, cách viết ký hiệu hoặc ngày khác nhau.',
    },
    checkedLabel: { en: 'citations', vi: 'trích dẫn' },
  },
  options,
  messages: {
    differentNumber: {
      en: '"{found}" is cited once; the same document ({symbol}, dated {date}) is cited {count} times elsewhere as "{expected}".',
      vi: '"{found}" chỉ được trích dẫn một lần; cùng văn bản đó ({symbol}, ngày {date}) được trích dẫn {count} lần ở chỗ khác là "{expected}".',
    },
    differentNumberNear: {
      en: '"{found}" is cited once; "{expected}", one digit away, is cited {count} times elsewhere with the same symbol and date ({symbol}, {date}), and no other document of that symbol is cited with that date: the number looks mistyped (two documents issued that day would look the same).',
      vi: '"{found}" chỉ được trích dẫn một lần; "{expected}", chỉ khác một chữ số, được trích dẫn {count} lần ở chỗ khác với cùng ký hiệu và ngày ({symbol}, ngày {date}), và không có văn bản nào khác cùng ký hiệu được trích dẫn với ngày đó: số hiệu có vẻ bị gõ nhầm (hai văn bản ban hành cùng ngày cũng có thể như vậy).',
    },
    differentNumberTitle: {
      en: '"{found}" is cited once; the same document ({symbol}, "{title}") is cited {count} times elsewhere as "{expected}".',
      vi: '"{found}" chỉ được trích dẫn một lần; cùng văn bản đó ({symbol}, "{title}") được trích dẫn {count} lần ở chỗ khác là "{expected}".',
    },
    twoNumbers: {
      en: '"{found}" here and "{other}" elsewhere have the same symbol and the same title ("{title}") and numbers one digit apart: one of the two numbers looks mistyped.',
      vi: '"{found}" ở đây và "{other}" ở chỗ khác có cùng ký hiệu, cùng trích yếu ("{title}") và số hiệu chỉ khác một chữ số: một trong hai số hiệu có vẻ bị gõ nhầm.',
    },
    differentNumberAbove: {
      en: '"{found}" is said to be cited earlier ("{cue}"), but no earlier citation has this number; "{expected}", one digit away, is cited earlier ({count}×).',
      vi: '"{found}" được ghi là đã trích dẫn ở trên ("{cue}") nhưng phía trên không có trích dẫn nào mang số này; "{expected}", chỉ khác một chữ số, được trích dẫn ở trên ({count} lần).',
    },
    twoNumbersDated: {
      en: '"{found}" here and "{other}" elsewhere have the same symbol and the same date ({date}), numbers one digit apart, and no other document of that symbol is cited with that date: one of the two numbers looks mistyped.',
      vi: '"{found}" ở đây và "{other}" ở chỗ khác có cùng ký hiệu, cùng ngày ({date}), số hiệu chỉ khác một chữ số và không có văn bản nào khác cùng ký hiệu được trích dẫn với ngày đó: một trong hai số hiệu có vẻ bị gõ nhầm.',
    },
    ownNumberAttached: {
      en: '"{found}" cites this document itself (attached to it, dated as its header), whose header gives the number "{expected}": the number looks mistyped.',
      vi: '"{found}" là trích dẫn chính văn bản này (kèm theo văn bản, cùng ngày với phần đầu), nhưng phần đầu văn bản ghi số hiệu "{expected}": số hiệu có vẻ bị gõ nhầm.',
    },
    ownNumberBlank: {
      en: '"{found}" cites this document itself (attached to it, its date left blank), whose header gives the number "{expected}": the number looks mistyped.',
      vi: '"{found}" là trích dẫn chính văn bản này (kèm theo văn bản, ngày để trống), nhưng phần đầu văn bản ghi số hiệu "{expected}": số hiệu có vẻ bị gõ nhầm.',
    },
    ownHeaderNumber: {
      en: 'The header gives the number "{found}"; the annexes attached to the document cite it {count} time(s) as "{expected}": one of the two looks mistyped.',
      vi: 'Phần đầu văn bản ghi số hiệu "{found}"; phần kèm theo văn bản trích dẫn chính văn bản này {count} lần là "{expected}": một trong hai có vẻ bị gõ nhầm.',
    },
    differentForm: {
      en: '"{found}" is written differently from the other citations of the same document: "{expected}" ({count}×).',
      vi: '"{found}" được viết khác với các lần trích dẫn khác của cùng văn bản: "{expected}" ({count} lần).',
    },
    differentDate: {
      en: '{doc} is dated {found} here; elsewhere it is cited {count} times with the date {expected}.',
      vi: '{doc} ở đây ghi ngày {found}; ở chỗ khác văn bản này được trích dẫn {count} lần với ngày {expected}.',
    },
    swappedDates: {
      en: '{doc} is dated {found} here but {expected} elsewhere, and {other}, cited beside it, is dated {expected} here but {found} elsewhere: the two dates look swapped.',
      vi: '{doc} ở đây ghi ngày {found} nhưng ở chỗ khác ghi {expected}, còn {other} trích dẫn ngay bên cạnh ở đây ghi ngày {expected} nhưng ở chỗ khác ghi {found}: hai ngày có vẻ bị đổi chỗ cho nhau.',
    },
    registryDate: {
      en: '{doc} is dated {found} here; the document itself is dated {expected} ("{title}").',
      vi: '{doc} ở đây ghi ngày {found}; chính văn bản đó ghi ngày {expected} ("{title}").',
    },
    registryNumber: {
      en: '"{found}" is dated {date}, the date of "{expected}", the same symbol one digit away ("{title}"): the number looks mistyped.',
      vi: '"{found}" ghi ngày {date}, là ngày của "{expected}" cùng ký hiệu chỉ khác một chữ số ("{title}"): số hiệu có vẻ bị gõ nhầm.',
    },
    twoDates: {
      en: '{doc} is cited with two dates, {found} here and {other} elsewhere: they cannot both be right.',
      vi: '{doc} được trích dẫn với hai ngày khác nhau, ở đây là {found} và ở chỗ khác là {other}: không thể cả hai đều đúng.',
    },
    otherDateHere: { en: 'dated {form} here', vi: 'ghi ngày {form} ở đây' },
    ownDate: {
      en: '{doc} is the number of this document itself, dated {expected} in its header; here it is dated {found}.',
      vi: '{doc} là số hiệu của chính văn bản này, phần đầu văn bản ghi ngày {expected}; ở đây lại ghi ngày {found}.',
    },
    ownHeader: { en: "the document's own number and date", vi: 'số hiệu và ngày của chính văn bản' },
    differentType: {
      en: '{doc} is called "{found}" here; elsewhere it is cited {count} times as "{expected}".',
      vi: '{doc} ở đây được gọi là "{found}"; ở chỗ khác văn bản này được trích dẫn {count} lần là "{expected}".',
    },
    replaceType: { en: 'Replace with "{expected}"', vi: 'Sửa thành "{expected}"' },
    citedHere: { en: 'cited here as {form}', vi: 'trích dẫn ở đây là {form}' },
    replaceNumber: { en: 'Replace with {expected}', vi: 'Sửa thành {expected}' },
    replaceForm: { en: 'Write it "{expected}"', vi: 'Viết thành "{expected}"' },
    replaceDate: { en: 'Replace the date with {expected}', vi: 'Sửa ngày thành {expected}' },
    // --cross-file (src/rules/citation-cross-file.ts): the other files of the run as the evidence
    crossDate: {
      en: '{doc} is dated {found} here; {count} other files of this run cite it with the date {expected} ({file}).',
      vi: '{doc} ở đây ghi ngày {found}; {count} tệp khác trong lần kiểm tra này trích dẫn văn bản này với ngày {expected} ({file}).',
    },
    crossOwnDate: {
      en: '{doc} is dated {found} here; the document itself ({file}) is dated {expected} in its header.',
      vi: '{doc} ở đây ghi ngày {found}; chính văn bản đó ({file}) ghi ngày {expected} ở phần đầu.',
    },
    crossTwoDates: {
      en: '{doc} is dated {found} here and {other} in {file}: they cannot both be right.',
      vi: '{doc} ở đây ghi ngày {found}, còn trong {file} ghi ngày {other}: không thể cả hai đều đúng.',
    },
    crossForm: {
      en: '"{found}" is written "{expected}" in {count} other file(s) of this run ({file}).',
      vi: '"{found}" được viết là "{expected}" trong {count} tệp khác của lần kiểm tra này ({file}).',
    },
    crossNumber: {
      en: '"{found}" ({date}) is cited as "{expected}" with the same symbol, date and title in {count} other files of this run ({file}): the number looks mistyped.',
      vi: '"{found}" (ngày {date}) được trích dẫn là "{expected}" với cùng ký hiệu, ngày và trích yếu trong {count} tệp khác của lần kiểm tra này ({file}): số hiệu có vẻ bị gõ nhầm.',
    },
    citedInFile: { en: 'cited as {form} in {file}', vi: 'trích dẫn là {form} trong {file}' },
  },
  check(ctx, opts) {
    const { all, groups, groupOf, own } = ctx.facts.get(citationFacts);
    ctx.checked(all.length);
    if (own) ownDates(ctx, own, groupOf.get(own)!);
    const reported = numbers(ctx, opts, groups);
    if (own) ownNumbers(ctx, own, groups, groupOf, reported);
    forms(ctx, groups);
    const swapped = swaps(ctx, all, groupOf);
    const known = registryChecks(ctx, opts, groups, own ? groupOf.get(own) : undefined, swapped, reported);
    dates(ctx, opts, groups.filter((g) => !known.has(g)), swapped);
    types(ctx, opts, groups);
  },
});

/** Same symbol and date, different number: the lone form against the majority one. */
function numbers(ctx: Ctx, opts: Options, groups: CitationGroup[]): Set<Citation> {
  const out = new Set<Citation>();
  const pairs = new Set<string>();
  const bySymbol = new Map<string, CitationGroup[]>();
  for (const g of groups) push(bySymbol, g.key.slice(g.key.indexOf('|') + 1), g);
  for (const forms of bySymbol.values()) {
    if (forms.length < 2) continue;
    for (const lone of forms) {
      if (lone.members.length !== 1) continue;
      const c = lone.members[0];
      // laws passed on a session's last day share its date whatever their numbers
      if (c.system === 'law') continue;
      if (!c.date || !c.date.valid) {
        if (aboveNumber(ctx, c, forms.filter((f) => f !== lone))) {
          out.add(c);
          continue;
        }
        if (titledNumber(ctx, opts, c, forms.filter((f) => f !== lone), out, pairs)) out.add(c);
        continue;
      }
      const day = dateValue(c.date);
      const matches = forms.filter(
        (f) =>
          f !== lone &&
          f.members.length >= opts.minMajority &&
          f.members.some((o) => o.date !== undefined && dateValue(o.date) === day) &&
          typeAgrees(c, f.members) &&
          !issuerConflict(c, f.members) &&
          likelyTypo(c.number, f.members[0].number, opts.minNumberGap),
      );
      if (matches.length !== 1) {
        const others = forms.filter((f) => f !== lone);
        if (!matches.length && (aboveNumber(ctx, c, others) || titledNumber(ctx, opts, c, others, out, pairs) || datedPair(ctx, opts, c, others, out, pairs) || nearNumber(ctx, opts, c, others, lone.key))) out.add(c);
        continue;
      }
      const major = matches[0].members;
      reportDatedNumber(ctx, c, major, 'differentNumber', major.length, 'safe');
      out.add(c);
    }
  }
  return out;
}

/**
 * A lone citation one digit away from a document of the same symbol cited twice or more WITH THE
 * SAME DATE, in another paragraph, when no other document of that symbol is cited with that date:
 * closer than `minNumberGap`, so two documents issued the same day would look alike, but two of
 * them cited apart while no third of that day's run is cited is the rarer reading (warning).
 * Consecutive numbers stay silent (documents issued together come numbered in a run: Thông tư
 * 38/2015/TT-BTC and 39/2015/TT-BTC are both of 25/3/2015), and so does a number the registry knows.
 */
function nearNumber(ctx: Ctx, opts: Options, c: Citation, others: CitationGroup[], key: string): boolean {
  if (!c.date || !c.date.valid || c.date.day === undefined || c.system === 'law' || c.system === 'us') return false;
  const day = dateValue(c.date);
  const onDay = (o: Citation) => o.date !== undefined && o.date.valid && o.date.day !== undefined && dateValue(o.date) === day;
  const sameDay = others.filter((f) => f.members.some(onDay));
  if (sameDay.length !== 1) return false;
  const major = sameDay[0].members;
  const dated = major.filter(onDay);
  if (dated.length < opts.minMajority || major.some((o) => o.date && o.date.valid && !onDay(o))) return false;
  if (!oneDigitApart(c.number, major[0].number) || !typeAgrees(c, major) || issuerConflict(c, major)) return false;
  if (Math.abs(Number.parseInt(c.number, 10) - Number.parseInt(major[0].number, 10)) < 2) return false;
  if (ctx.facts.get(registry).get(key)) return false;
  const block = ctx.doc.blockAt(c.rawSpan.start)?.index;
  if (major.some((o) => ctx.doc.blockAt(o.rawSpan.start)?.index === block)) return false;
  if (c.title && major.some((o) => o.title && !c.title!.startsWith(o.title) && !o.title.startsWith(c.title!))) return false;
  reportDatedNumber(ctx, c, major, 'differentNumberNear', dated.length, 'unsafe', 'warning');
  return true;
}

/** A dated citation's number against the number of `major` (cited `count` times that day). */
function reportDatedNumber(ctx: Ctx, c: Citation, major: Citation[], messageId: string, count: number, applicability: 'safe' | 'unsafe', severity?: 'warning'): void {
  const expected = major[0].number;
  ctx.report({
    messageId,
    span: c.rawSpan,
    data: { found: c.raw, expected: withNumber(c, expected), symbol: c.symbol || c.typeWord || '', date: c.date!.raw, count },
    related: major.slice(0, MAX_RELATED).map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } })),
    fix: { edits: [{ span: c.numberSpan, text: expected }], applicability, messageId: 'replaceNumber', data: { expected } },
    ...(severity ? { severity } : {}),
  });
}

/**
 * A lone citation whose whole title is that of exactly one other document of the same symbol, one
 * digit away (and far enough not to be two documents issued together), dated alike or undated:
 * against a document cited twice or more the lone number is the slip; cited once each, both
 * places are reported (warning). Titles of six words or more: two documents seldom share one.
 */
function titledNumber(ctx: Ctx, opts: Options, c: Citation, others: CitationGroup[], out: Set<Citation>, pairs: Set<string>): boolean {
  if (!c.fullTitle) return false;
  const day = c.date && c.date.valid ? dateValue(c.date) : undefined;
  const onDay = (f: CitationGroup) => day !== undefined && f.members.some((o) => o.date !== undefined && o.date.valid && dateValue(o.date) === day);
  // numbers closer than minNumberGap may be documents issued together: only against a document
  // cited twice or more on the same day, and no third document of the symbol issued that day (a
  // list of decisions of one day and one title, "73/2000/QĐ-UB … 78/2000/QĐ-UB", stays silent)
  const alone = others.filter(onDay).length === 1;
  const near = (f: CitationGroup) => alone && onDay(f) && f.members.length >= opts.minMajority;
  const matches = others.filter((f) => {
    const m = f.members;
    if (!m.some((o) => sameFullTitle(o.fullTitle, c.fullTitle))) return false;
    if (!typeAgrees(c, m) || issuerConflict(c, m) || !likelyTypo(c.number, m[0].number, near(f) ? 1 : opts.minNumberGap)) return false;
    // a date of its own on either side: two documents, or a slip of the date too
    const dates = new Set(m.filter((o) => o.date && o.date.valid).map((o) => dateValue(o.date!)));
    return dates.size <= 1 && (day === undefined || dates.size === 0 || dates.has(day));
  });
  if (matches.length !== 1) return false;
  const major = matches[0].members;
  const title = c.fullTitle.split(' ').slice(0, 12).join(' ');
  if (major.length >= opts.minMajority) {
    const expected = major[0].number;
    const form = withNumber(c, expected);
    ctx.report({
      messageId: 'differentNumberTitle',
      span: c.rawSpan,
      data: { found: c.raw, expected: form, symbol: c.symbol || c.typeWord || '', title, count: major.length },
      related: major.slice(0, MAX_RELATED).map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } })),
      fix: { edits: [{ span: c.numberSpan, text: expected }], applicability: 'unsafe', messageId: 'replaceNumber', data: { expected } },
    });
    return true;
  }
  reportBoth(ctx, c, major[0], out, pairs, 'twoNumbers', (x, y) => ({ data: { found: x.raw, other: y.raw, title }, form: y.raw }));
  return true;
}

/**
 * A citation said to be cited earlier ("Công văn số 13479/BTC-TCT … nêu trên") whose number no
 * earlier citation has, while exactly one document of the same symbol one digit away is cited
 * earlier, with no other date, type word or issuer: the lone number is the slip.
 */
function aboveNumber(ctx: Ctx, c: Citation, others: CitationGroup[]): boolean {
  if (!c.above) return false;
  const day = c.date && c.date.valid ? dateValue(c.date) : undefined;
  const earlier = others.filter((f) => {
    const before = f.members.filter((o) => o.rawSpan.start < c.rawSpan.start);
    if (!before.length || !oneDigitApart(c.number, f.members[0].number) || !typeAgrees(c, before) || issuerConflict(c, before)) return false;
    return day === undefined || !before.some((o) => o.date && o.date.valid) || before.some((o) => o.date && o.date.valid && dateValue(o.date) === day);
  });
  if (earlier.length !== 1) return false;
  const major = earlier[0].members.filter((o) => o.rawSpan.start < c.rawSpan.start);
  const expected = major[0].number;
  const form = withNumber(c, expected);
  ctx.report({
    messageId: 'differentNumberAbove',
    span: c.rawSpan,
    data: { found: c.raw, cue: c.above!, expected: form, count: major.length },
    related: major.slice(0, MAX_RELATED).map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } })),
    fix: { edits: [{ span: c.numberSpan, text: expected }], applicability: 'unsafe', messageId: 'replaceNumber', data: { expected } },
  });
  return true;
}

/**
 * Two documents of one symbol, each cited once, in two paragraphs, on the same day, numbers one
 * digit and at least `minNumberGap` apart, no title telling them apart and no third document of the
 * symbol cited with that day (documents issued together come in runs): one number is a slip; both
 * places are reported (warning).
 */
function datedPair(ctx: Ctx, opts: Options, c: Citation, others: CitationGroup[], out: Set<Citation>, pairs: Set<string>): boolean {
  if (!c.date || !c.date.valid || c.date.day === undefined || c.system === 'law' || c.system === 'us') return false;
  const day = dateValue(c.date);
  const sameDay = others.filter((f) => f.members.some((o) => o.date !== undefined && o.date.valid && dateValue(o.date) === day));
  if (sameDay.length !== 1 || sameDay[0].members.length !== 1) return false;
  const o = sameDay[0].members[0];
  // cited in one paragraph ("Thông báo số 164-TB/TU ngày 19/01/2026 và Thông báo số 64-TB/TU ngày 19/01/2026"): two documents
  if (ctx.doc.blockAt(c.rawSpan.start)?.index === ctx.doc.blockAt(o.rawSpan.start)?.index) return false;
  if (!likelyTypo(c.number, o.number, opts.minNumberGap) || !typeAgrees(c, [o]) || !typeAgrees(o, [c]) || issuerConflict(c, [o]) || issuerConflict(o, [c])) return false;
  if (c.title && o.title && !c.title.startsWith(o.title) && !o.title.startsWith(c.title)) return false;
  reportBoth(ctx, c, o, out, pairs, 'twoNumbersDated', (x, y) => ({ data: { found: x.raw, other: y.raw, date: x.date!.raw }, form: `${y.raw} ${y.date!.raw}` }));
  return true;
}

/**
 * The document cites itself (in an annex "Kèm theo Quyết định số … ngày …", or with its symbol and
 * its header's date) with a number one digit away from its header's: the lone writing is the
 * slip. The header itself is reported when annexes agree on another number twice or more and
 * nothing else cites the header's.
 */
function ownNumbers(ctx: Ctx, own: Citation, groups: CitationGroup[], groupOf: Map<Citation, CitationGroup>, reported: Set<Citation>): void {
  const head = ctx.facts.get(dateFacts).reportDate;
  const mine = groupOf.get(own)!;
  const onHeadDay = (c: Citation) => head !== undefined && c.date !== undefined && c.date.valid && c.date.day !== undefined && dateValue(c.date) === dateValue(head);
  // an annex naming the document it is attached to, dated as the header or left blank for signing
  const attached = (c: Citation) => c !== own && c.attached === true && fitsCode(c) && (onHeadDay(c) || (c.blankDate === true && !c.date));
  const agreeing = mine.members.filter(attached);
  for (const g of groups) {
    const first = g.members[0];
    if (g === mine || first.system === 'us' || first.system === 'law' || first.symbolKey !== own.symbolKey || first.year !== own.year) continue;
    if (!oneDigitApart(first.number, own.number) || !g.members.every(attached) || g.members.some((c) => reported.has(c))) continue;
    const refs = g.members;
    // the header and an annex agree, another annex differs: that one is the slip
    if (refs.length === 1) {
      const c = refs[0];
      ctx.report({
        messageId: onHeadDay(c) ? 'ownNumberAttached' : 'ownNumberBlank',
        span: c.rawSpan,
        data: { found: c.raw, expected: withNumber(c, own.number) },
        related: [{ span: own.rawSpan, messageId: 'ownHeader' }, ...agreeing.slice(0, MAX_RELATED).map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } }))],
        fix: { edits: [{ span: c.numberSpan, text: own.number }], applicability: 'unsafe', messageId: 'replaceNumber', data: { expected: own.number } },
        ...(agreeing.length ? {} : { severity: 'warning' as const }),
      });
      reported.add(c);
    }
    // no annex agrees with the header: the header may be the slip (both reported when one annex)
    if (!agreeing.length) {
      ctx.report({
        messageId: 'ownHeaderNumber',
        span: own.rawSpan,
        data: { found: own.raw, expected: withNumber(own, first.number), count: refs.length },
        related: refs.slice(0, MAX_RELATED).map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } })),
        severity: 'warning',
      });
      reported.add(own);
    }
  }
}

/**
 * One document written two ways: the lone writing against the one the other citations share
 * (or, cited once each, the one that keeps the grammar). Never towards a writing that keeps the
 * grammar less. A space inside a symbol or a number's leading zero is a typographic remark (info).
 */
function forms(ctx: Ctx, groups: CitationGroup[]): void {
  for (const g of groups) {
    if (g.members.length < 2 || g.members[0].system === 'us') continue;
    const byForm = new Map<string, Citation[]>();
    for (const c of g.members) push(byForm, c.raw, c);
    if (byForm.size < 2) continue;
    const ranked = [...byForm.values()].sort((a, b) => b.length - a.length || formScore(b[0]) - formScore(a[0]));
    let top = ranked[0];
    const second = ranked[1];
    if (second.length === top.length && formScore(second[0]) >= formScore(top[0])) {
      // cited once each, one with Đ and one with D where it has Đ: the stroke is what gets lost
      const [a, b] = [top[0].raw, second[0].raw];
      const stroked = ranked.length === 2 && a !== b && unstroke(a) === unstroke(b) ? (unstroke(a) === b ? top : unstroke(b) === a ? second : undefined) : undefined;
      if (!stroked) continue;
      top = stroked;
    }
    const expected = top[0].raw;
    for (const f of ranked) {
      if (f === top || f.length !== 1) continue;
      const c = f[0];
      // a symbol cut by a line or page end is the layout's slip, not another writing
      if (c.cut || formScore(c) > formScore(top[0])) continue;
      // a title in capitals writes `TTg` as `TTG`: not a slip
      if (inCapitals(ctx.doc.text, c) && c.raw === expected.toUpperCase()) continue;
      if (!asRight(expected, c.raw)) continue;
      // an English type word before it: English writes Đ as D (Decree No. 82/2023/ND-CP)
      if (c.typeWord && ENGLISH_TYPE_WORDS.has(c.typeWord.toLowerCase()) && c.raw === unstroke(expected)) continue;
      const typographic = c.raw.replace(/ /g, '').replace(/^0+(?=\d)/, '') === expected.replace(/ /g, '').replace(/^0+(?=\d)/, '');
      ctx.report({
        messageId: 'differentForm',
        span: c.rawSpan,
        data: { found: c.raw, expected, count: top.length },
        related: top.slice(0, MAX_RELATED).map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } })),
        fix: { edits: [{ span: c.rawSpan, text: expected }], applicability: 'safe', messageId: 'replaceForm', data: { expected } },
        severity: typographic ? 'info' : 'warning',
      });
    }
  }
}

/**
 * Two documents cited side by side, each dated elsewhere with the other's date here: both
 * citations are reported. Returns them, so that the date check does not report them again.
 */
function swaps(ctx: Ctx, all: Citation[], groupOf: Map<Citation, CitationGroup>): Set<Citation> {
  const out = new Set<Citation>();
  const dated = all.filter((c) => c.date && c.date.valid && c.date.day !== undefined && c.system !== 'us');
  const block = (c: Citation) => ctx.doc.blockAt(c.rawSpan.start)?.index;
  const elsewhere = (g: CitationGroup, c: Citation, v: number) => g.members.some((o) => o !== c && o.date && o.date.valid && dateValue(o.date) === v);
  // candidate pairs per pair of documents: cited twice each, the two pairs look alike
  const byDocs = new Map<string, Array<[Citation, Citation]>>();
  for (let i = 0; i + 1 < dated.length; i++) {
    const a = dated[i];
    const b = dated[i + 1];
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (!ga || !gb || ga === gb || b.rawSpan.start - a.span.end > 200 || block(a) !== block(b)) continue;
    const da = dateValue(a.date!);
    const db = dateValue(b.date!);
    if (da === db) continue;
    // each is dated elsewhere with the other's date here, and never with its own date here
    if (!elsewhere(ga, a, db) || !elsewhere(gb, b, da) || elsewhere(ga, a, da) || elsewhere(gb, b, db)) continue;
    push(byDocs, [ga.key, gb.key].sort().join(' '), [a, b]);
  }
  // two documents cited twice each, side by side both times, one pair with the dates swapped: the
  // pair whose dates contradict the years in their numbers is the swapped one; else undecided
  const yearOff = (c: Citation) => c.year !== undefined && c.year !== c.date!.year;
  for (const pairs of byDocs.values()) {
    const kept = pairs.length === 1 ? pairs : pairs.filter(([a, b]) => yearOff(a) || yearOff(b));
    if (kept.length !== 1) continue;
    const [a, b] = kept[0];
    for (const [c, other] of [[a, b], [b, a]] as const) {
      const expected = restyle(c.date!, other.date!);
      ctx.report({
        messageId: 'swappedDates',
        span: c.date!.span,
        data: { doc: c.raw, found: c.date!.raw, expected: other.date!.raw, other: other.raw },
        related: [{ span: other.date!.span, messageId: 'citedHere', data: { form: `${other.raw} ${other.date!.raw}` } }],
        fix: { edits: [{ span: c.date!.span, text: expected }], applicability: 'unsafe', messageId: 'replaceDate', data: { expected } },
      });
      out.add(c);
    }
  }
  return out;
}

/** The document cites its own number with a date one slip away from its header's (same year). */
function ownDates(ctx: Ctx, own: Citation, group: CitationGroup): void {
  const head = ctx.facts.get(dateFacts).reportDate;
  if (!head) return;
  for (const c of group.members) {
    // another year: date-invalid reports a date after the document's own
    if (c === own || !c.date || !c.date.valid || c.date.year !== head.year || dateValue(c.date) === dateValue(head) || !dateSlip(c.date, head)) continue;
    const expected = restyle(c.date, head);
    ctx.report({
      messageId: 'ownDate',
      span: c.date.span,
      data: { doc: c.raw, found: c.date.raw, expected: head.raw },
      related: [{ span: { start: own.rawSpan.start, end: head.span.end }, messageId: 'ownHeader' }],
      fix: { edits: [{ span: c.date.span, text: expected }], applicability: 'safe', messageId: 'replaceDate', data: { expected } },
    });
  }
}

/**
 * Documents the registry knows (src/facts/registry.ts): a citation dated otherwise than the
 * document's own header (reported at each such place; the registry then settles a document the
 * text cites with two dates), and a citation of an unknown number dated as a known document one
 * digit away with the same symbol. Returns the groups the registry settled.
 */
function registryChecks(ctx: Ctx, opts: Options, groups: CitationGroup[], own: CitationGroup | undefined, swapped: Set<Citation>, reported: Set<Citation>): Set<CitationGroup> {
  const reg = ctx.facts.get(registry);
  const settled = new Set<CitationGroup>();
  for (const g of groups) {
    if (g === own || g.members[0].system === 'us') continue;
    const e = reg.get(g.key);
    const dated = g.members.filter((c) => c.date && c.date.valid && c.date.day !== undefined && !swapped.has(c) && !reported.has(c));
    if (e) {
      // a number without its year names one document per year: compare within the registry's year
      const inYear = (c: Citation) => hasYear(e.number) || c.date!.year === Math.floor(e.date / 10000);
      const mine = dated.filter(inYear);
      if (!mine.length) continue;
      settled.add(g);
      const d = { day: e.date % 100, month: Math.floor(e.date / 100) % 100, year: Math.floor(e.date / 10000) };
      for (const c of mine) {
        if (ymd(c.date!) === e.date || (c.year !== undefined && c.year !== c.date!.year)) continue;
        const expected = restyleParts(c.date!, d);
        ctx.report({
          messageId: 'registryDate',
          span: c.date!.span,
          data: { doc: c.raw, found: c.date!.raw, expected, title: e.title ?? e.type ?? e.number },
          fix: { edits: [{ span: c.date!.span, text: expected }], applicability: 'unsafe', messageId: 'replaceDate', data: { expected } },
        });
      }
      continue;
    }
    // an unknown number dated as a known document of the same symbol one digit away
    for (const c of dated) {
      // a session of the National Assembly passes laws numbered far apart on its last day
      if ((!hasYear(c.raw) && c.system !== 'admin') || c.system === 'law') continue;
      const sym = g.key.split('|')[1];
      const near = reg.bySymbol(sym).filter((o) => o.date === ymd(c.date!) && likelyTypo(c.number, o.number.slice(0, o.number.search(/[-/]/)), opts.minNumberGap));
      if (near.length !== 1) continue;
      const o = near[0];
      const expected = o.number.slice(0, o.number.search(/[-/]/));
      const form = withNumber(c, expected);
      ctx.report({
        messageId: 'registryNumber',
        span: c.rawSpan,
        data: { found: c.raw, date: c.date!.raw, expected: form, title: o.title ?? o.type ?? o.number },
        fix: { edits: [{ span: c.numberSpan, text: expected }], applicability: 'unsafe', messageId: 'replaceNumber', data: { expected } },
      });
    }
  }
  return settled;
}

/** A yyyy/mm/dd date written in this citation's own style. */
function restyleParts(lone: DateMention, d: { day: number; month: number; year: number }): string {
  const dd = lone.dayDigits && lone.dayDigits.length === 2 ? String(d.day).padStart(2, '0') : String(d.day);
  const mm = lone.monthDigits && lone.monthDigits.length === 2 ? String(d.month).padStart(2, '0') : String(d.month);
  if (lone.style === 'words') return `${dd} tháng ${mm} năm ${d.year}`;
  return `${dd}${lone.sep ?? '/'}${mm}${lone.sep ?? '/'}${d.year}`;
}

/**
 * Same document, a different date in one place: one slip of the day, the month or the year. Cited
 * twice with two dates, neither is the majority: both places are reported (warning).
 */
function dates(ctx: Ctx, opts: Options, groups: CitationGroup[], swapped: Set<Citation>): void {
  for (const group of groups) {
    const dated = group.members.filter((c) => c.date && c.date.valid && c.date.day !== undefined && !swapped.has(c));
    if (dated.length < 2) continue;
    const byDate = new Map<number, Citation[]>();
    for (const c of dated) push(byDate, dateValue(c.date!), c);
    if (byDate.size < 2) continue;
    const ranked = [...byDate.values()].sort((a, b) => b.length - a.length);
    const major = ranked[0];
    // a legal number whose year disagrees with its date: citation-type names that slip
    const yearOff = (c: Citation) => c.year !== undefined && c.year !== c.date!.year;
    if (dated.length === 2) {
      const [a, b] = dated;
      if (!dateSlip(a.date!, b.date!) || issuerConflict(a, [b]) || yearOff(a) || yearOff(b)) continue;
      for (const [c, o] of [[a, b], [b, a]] as const) {
        ctx.report({
          messageId: 'twoDates',
          span: c.date!.span,
          data: { doc: c.raw, found: c.date!.raw, other: o.date!.raw },
          related: [{ span: o.date!.span, messageId: 'otherDateHere', data: { form: o.date!.raw } }],
          severity: 'warning',
        });
      }
      continue;
    }
    if (major.length < opts.minMajority || ranked[1].length === major.length) continue;
    // quote the majority's date as running text writes it, not from a title in capitals
    const md = (major.find((o) => o.date!.raw !== o.date!.raw.toUpperCase()) ?? major[0]).date!;
    for (const lone of ranked.slice(1)) {
      if (lone.length !== 1) continue;
      const c = lone[0];
      if (!dateSlip(c.date!, md) || issuerConflict(c, major) || yearOff(c)) continue;
      const expected = restyle(c.date!, md);
      ctx.report({
        messageId: 'differentDate',
        span: c.date!.span,
        data: { doc: c.raw, found: c.date!.raw, expected: md.raw, count: major.length },
        related: major.slice(0, MAX_RELATED).map((o) => ({ span: o.date!.span, messageId: 'citedHere', data: { form: `${o.raw} ${o.date!.raw}` } })),
        fix: { edits: [{ span: c.date!.span, text: expected }], applicability: 'safe', messageId: 'replaceDate', data: { expected } },
      });
    }
  }
}

/**
 * Same document, another type word in one place (when the symbol does not already settle it:
 * citation-type reports a word that contradicts the code).
 */
function types(ctx: Ctx, opts: Options, groups: CitationGroup[]): void {
  for (const group of groups) {
    const typed = group.members.filter((c) => c.typeKind && c.typeWordSpan && c.system !== 'us');
    const byKind = new Map<string, Citation[]>();
    for (const c of typed) push(byKind, c.typeKind!, c);
    if (byKind.size < 2) continue;
    const ranked = [...byKind.values()].sort((a, b) => b.length - a.length);
    const major = ranked[0];
    if (major.length < opts.minMajority || ranked[1].length === major.length) continue;
    for (const lone of ranked.slice(1)) {
      if (lone.length !== 1) continue;
      const c = lone[0];
      // a kind that needs a code its symbol lacks: citation-type's finding
      if (!fitsCode(c) || !fitsCode(major[0]) || codeMissing(c)) continue;
      const word = major[0].typeWord!;
      const expected = /^\p{Lu}/u.test(c.typeWord!) ? word[0].toUpperCase() + word.slice(1) : word[0].toLowerCase() + word.slice(1);
      ctx.report({
        messageId: 'differentType',
        span: c.typeWordSpan!,
        data: { doc: c.raw, found: c.typeWord!, expected, count: major.length },
        related: major.slice(0, MAX_RELATED).map((o) => ({ span: o.typeWordSpan!, messageId: 'citedHere', data: { form: `${o.typeWord} ${o.raw}` } })),
        fix: { edits: [{ span: c.typeWordSpan!, text: expected }], applicability: 'safe', messageId: 'replaceType', data: { expected } },
      });
    }
  }
}

/** The words before the citation are written in capitals (a title). */

/** The type word agrees with the symbol's type code, or the symbol carries none. */
/** The citation as written, with `n` in place of its number. */
function withNumber(c: Citation, n: string): string {
  const at = c.numberSpan.start - c.rawSpan.start;
  return c.raw.slice(0, at) + n + c.raw.slice(at + c.number.length);
}

/**
 * Two writings each cited once, one number a slip of the other and only the source able to say
 * which: both places are reported (warning, no fix), each pointing at the other, once per pair.
 */
function reportBoth(
  ctx: Ctx,
  c: Citation,
  o: Citation,
  out: Set<Citation>,
  pairs: Set<string>,
  messageId: 'twoNumbers' | 'twoNumbersDated',
  say: (x: Citation, y: Citation) => { data: Record<string, string>; form: string },
): void {
  const key = [c.key, o.key].sort().join(' ');
  if (pairs.has(key)) return;
  pairs.add(key);
  for (const [x, y] of [[c, o], [o, c]] as const) {
    const { data, form } = say(x, y);
    ctx.report({ messageId, span: x.rawSpan, data, related: [{ span: y.rawSpan, messageId: 'citedHere', data: { form } }], severity: 'warning' });
    out.add(y);
  }
}

function fitsCode(c: Citation): boolean {
  if (c.system === 'law') return c.typeKind === 'Luật' || c.typeKind === 'NQ' || c.typeKind === 'PL';
  if (!c.typeCode) return true;
  return TYPE_CODES[c.typeKind!].map(fold).includes(fold(c.typeCode));
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** The lone citation's type word, when it has one, is among the majority's. */
function typeAgrees(c: Citation, major: Citation[]): boolean {
  if (!c.typeKind) return true;
  const kinds = major.map((o) => o.typeKind).filter((k) => k !== undefined);
  return kinds.length === 0 || kinds.includes(c.typeKind);
}

/**
 * Both name an issuer and none of the majority's is the lone one's: "Kế hoạch số 15/KH-UBND … của
 * UBND tỉnh" and "… của UBND xã" share a symbol but are two documents.
 */
function issuerConflict(c: Citation, major: Citation[]): boolean {
  // a legal number names its issuer in the symbol (`NĐ-CP`, `TT-BTC`, `QH13`): the words after it
  // only say it again ("của Bộ trưởng Bộ Tài chính", "của Bộ Tài chính")
  if (!c.issuer || c.system === 'legal' || c.system === 'law') return false;
  const theirs = major.map((o) => o.issuer).filter((x) => x !== undefined);
  return theirs.length > 0 && !theirs.some((t) => sameIssuer(t, c.issuer!));
}

/** The other date written in this citation's own style. */
function restyle(lone: DateMention, major: DateMention): string {
  if (lone.style === major.style && lone.sep === major.sep) return major.raw;
  const day = String(major.day);
  const month = String(major.month);
  const dd = lone.dayDigits && lone.dayDigits.length === 2 ? day.padStart(2, '0') : day;
  const mm = lone.monthDigits && lone.monthDigits.length === 2 ? month.padStart(2, '0') : month;
  if (lone.style === 'words') return `${dd} tháng ${mm} năm ${major.year}`;
  if (lone.style === 'numeric' && lone.sep) return `${dd}${lone.sep}${mm}${lone.sep}${major.year}`;
  return major.raw;
}
