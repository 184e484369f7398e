// Which repeats of the paragraph fact are slips and which are written so on purpose, for the
// duplicate-paragraph rule. A repeat in one place (the same list or section, close by) is a slip;
// documents also repeat on purpose: lines under every sibling task or procedure, label-value
// lines, the preamble, forms and annexes, the recipients block, parallel provisions of a legal
// text, template lists, blocks written twice, the footnotes of a consolidated text. An item
// pasted verbatim into another section of a report is a slip unless a section sums up the others;
// a substantive passage restated elsewhere is a restatement. Also: headings repeated with their
// whole body, and sibling headings with the same title.

import { defineFact, type FactStore } from '../engine/facts.js';
import type { Document } from '../parse/document.js';
import { CONTRAST_CLASSES, NEGATION_WORDS, REPORT_TITLES, SUMMARY_TITLES } from './lexicon/structure.js';
import { between, outline, subtreeEnd, type Outline } from './outline.js';
import { changesBetween, headingKey, jaccard, NEAR_THRESHOLD, paragraphs, words, type ParagraphFact, type Repeat, type WordChange } from './paragraphs.js';
import { modelWords, ocrDamage } from './language.js';
import { foldKey, vietnamese } from './vietnamese.js';

/** Copies further apart than this many blocks are never in one place. */
const NEARBY_BLOCKS = 20;
/** A passage repeated in another section counts from this many words. */
export const SUBSTANTIVE_WORDS = 15;
/**
 * A near copy with other words changed is a paste when it has at least COPY_WORDS words, at most
 * COPY_CHANGES of them changed and at most one per WORDS_PER_CHANGE, none a name, figure or label
 * (chosen on the accuracy bench's dup-paragraph-near plantings and the large corpus: 12 words and
 * one change in 6 added six parallel statements there, 16 and 8 none).
 */
const COPY_WORDS = 16;
const COPY_CHANGES = 3;
const WORDS_PER_CHANGE = 8;
/** A line ending in a colon shorter than this is a lead-in, not a passage. */
const LEAD_IN_WORDS = 30;

export type Verdict =
  /** Word for word in one place. */
  | { kind: 'repeated'; repeat: Repeat }
  /** The same passage in one place with words spelled otherwise. */
  | { kind: 'edited'; repeat: Repeat; changes: WordChange[] }
  /** A report's item pasted into another section. */
  | { kind: 'pasted'; repeat: Repeat }
  /** A substantive passage restated in another section. */
  | { kind: 'restates'; repeat: Repeat };

export interface SectionRepeat {
  /** The repeated heading, its first copy, and the end (exclusive) of the repeated body. */
  heading: number;
  first: number;
  end: number;
}

export interface RepeatFacts {
  verdicts: Verdict[];
  sections: SectionRepeat[];
  /** Sibling headings with the same title: the later heading and the first. */
  headings: Array<{ heading: number; first: number }>;
}

export const repeats = defineFact('repeats', (doc: Document, facts, settings): RepeatFacts => {
  const index = facts.get(paragraphs);
  const o = facts.get(outline);
  const sections = sectionRepeats(doc, index, o);
  const covered = new Set<number>();
  for (const s of sections) for (let i = s.heading; i < s.end; i++) covered.add(i);
  // a text that occurs three times or more is boilerplate (running headers, form lines)
  const copies = new Map<number, number>();
  for (const r of index.repeats) copies.set(r.earlier, (copies.get(r.earlier) ?? 1) + 1);
  const earlierOf = new Map(index.repeats.map((r) => [r.later, r.earlier]));
  const report = isReport(doc);
  const verdicts: Verdict[] = [];
  for (const r of index.repeats) {
    const a = index.units[r.later].blocks[0];
    const e = index.units[r.earlier].blocks[0];
    if (covered.has(a) || copies.get(r.earlier)! >= 3 || template(doc, index, r) || notProse(doc, o, index.units[r.later].raw, a) || notProse(doc, o, index.units[r.earlier].raw, e)) continue;
    const block = blockCopy(index, earlierOf, r);
    if (block === 'template') continue;
    if (onePlace(doc, o, index, r)) {
      // a run of passages repeated in one place is a block written twice on purpose (two alternatives, two worked examples)
      if (block === 'run') continue;
      if (r.exact) verdicts.push({ kind: 'repeated', repeat: r });
      else {
        const changes = spellingChanges(doc, index, r) ?? (settings.locale === 'vi' ? garbledCopy(doc, facts, index, r) : undefined);
        if (changes) verdicts.push({ kind: 'edited', repeat: r, changes });
      }
    } else if (r.exact && acrossOpening(doc, o, index, r)) {
      verdicts.push({ kind: 'repeated', repeat: r });
    } else if (r.exact && !byDesign(doc, o, index, r, report)) {
      verdicts.push({ kind: pastedElsewhere(doc, o, index, r, report, restatesRun(doc, index, earlierOf, r.later, e)) ? 'pasted' : 'restates', repeat: r });
    }
  }
  return { verdicts, sections, headings: siblingHeadings(doc, covered, o) };
});

/** The outline parent of a block: the fact's for a numbered item, the parser's otherwise. */
function up(doc: Document, o: Outline, i: number): number {
  return o.member[i] ? o.parent[i] : doc.blocks[i].parent;
}

/**
 * Both copies in one place: under the same parent, close, nothing that opens another place
 * between them (a table, an unnumbered heading, an article, annex or form line), and either at
 * most one passage apart or in one list or numbered section. Two numbered items with the same
 * number belong to two parallel lists.
 */
function onePlace(doc: Document, o: Outline, index: ParagraphFact, r: Repeat): boolean {
  const a = index.units[r.later].blocks[0];
  const e = index.units[r.earlier].blocks[0];
  const ba = doc.blocks[a];
  const be = doc.blocks[e];
  if (up(doc, o, a) !== up(doc, o, e) || a - e > NEARBY_BLOCKS || between(o.sectionBreaks, e, a) > 0) return false;
  // two numbered items with the same number, or with the same last number under different heads (2.10.3. and 2.11.3.), belong to two parallel lists
  const ma = ba.marker;
  const me = be.marker;
  if (r.later - r.earlier === 1 && a - e === index.units[r.earlier].blocks.length) return true; // one right after the other
  if (ma && me && ma.style !== 'bullet' && ma.style === me.style && ma.values[ma.values.length - 1] === me.values[me.values.length - 1] && (ma.raw !== me.raw || r.later - r.earlier > 2)) return false;
  if (r.later - r.earlier === 1) return true;
  // not next to each other: a label-value line filled twice in one template is not a paste
  if (index.places[r.later].labelValue) return false;
  if (r.later - r.earlier <= 2) return true;
  const oneList = ba.kind === 'list-item' && be.kind === 'list-item' && ba.marker?.delimiter === be.marker?.delimiter;
  const section = ba.section >= 0 ? doc.blocks[ba.section] : undefined;
  return oneList || (section !== undefined && section.kind === 'heading' && section.marker !== undefined);
}

/**
 * The later copy comes right after the heading or item that follows the earlier one, as that
 * part's first passage, while the earlier copy closed its own part after other passages: pasted
 * across the opening of the next part. A passage written on purpose under each of two parts
 * stands at the same place in both (first under each), and that is left alone.
 */
function acrossOpening(doc: Document, o: Outline, index: ParagraphFact, r: Repeat): boolean {
  const earlier = index.units[r.earlier];
  const a = index.units[r.later].blocks[0];
  const e = earlier.blocks[0];
  const opening = a - 1;
  if (opening !== earlier.blocks[earlier.blocks.length - 1] + 1 || up(doc, o, a) !== opening) return false;
  const b = doc.blocks[opening];
  if (b.kind !== 'heading' && !(b.marker && b.marker.style !== 'bullet')) return false;
  const parent = up(doc, o, e);
  return parent >= 0 && e - 1 !== parent && up(doc, o, e - 1) === parent;
}

/**
 * Not a passage of prose: a table row or cell (a tab, a tab after its marker, a cell border
 * "|"), a line that does not end a sentence (a title, a running header, an article or annex
 * title), or a form line with blanks to fill ("…", "....", "___").
 */
function notProse(doc: Document, o: Outline, raw: string, i: number): boolean {
  const m = doc.blocks[i].marker;
  if (o.tableRow[i] || (m && doc.text[m.span.end] === '\t')) return true;
  if (doc.format !== 'markdown' && raw.includes('|')) return true;
  if (!/[.;:!?…]["”’)\]]*$/u.test(raw) && words(raw).length <= 20) return true;
  return (raw.match(FORM_BLANK)?.length ?? 0) >= 2;
}

/**
 * A blank to fill in a form: a run of leader dots or underscores ("……", "....", "___"), or an
 * ellipsis standing alone ("Họ và tên: … ngày … tháng"). An ellipsis against a word or a closing
 * mark is an elision in a quoted text ("dịch vụ… e)…Trường hợp"), not a blank.
 */
const FORM_BLANK = /…{2,}|\.{4,}|_{3,}|(?<![\p{L}\p{N})\]”"’(])(?:…|\.{3})(?![\p{L}\p{N}])/gu;

/** The document is a report (its title in the header: "BÁO CÁO", "Report to …"). */
function isReport(doc: Document): boolean {
  return doc.blocks.slice(0, 15).some((b) => {
    const m = REPORT_TITLES.at(b.text);
    return m !== undefined && m.start === 0 && (b.kind === 'heading' || /^Report to\b/.test(b.text));
  });
}

/**
 * Either copy has a third unit near it from the same template: a list of statements that differ
 * in a name or a number, not a paste. For a word-for-word copy the third unit must share nearly
 * all its words ("… See Recommendation 3." twice among "… See Recommendation 9."); for an edited
 * copy, most of them.
 */
function template(doc: Document, index: ParagraphFact, r: Repeat): boolean {
  const ma = doc.blocks[index.units[r.later].blocks[0]].marker;
  // the same numbered item twice ("10. Sắp xếp …" and "10. Sắp xếp …") is a paste even in a list of twins
  // (and an edited copy of one right after it: "33. Sắp xếp …" then "33. Sắp xếp …" with a word changed)
  if ((r.exact || r.later - r.earlier === 1) && ma && ma.style !== 'bullet' && ma.raw === doc.blocks[index.units[r.earlier].blocks[0]].marker?.raw) return false;
  const near = r.exact ? index.twins : index.alike;
  return near[r.later].some((k) => k !== r.earlier) || near[r.earlier].some((k) => k !== r.later);
}

/**
 * The changes of a near copy that is the same passage written twice, or undefined for a parallel
 * statement. A slip: each changed word is the same word spelled otherwise (a diacritic, a letter,
 * case: "nhệm" → "nhiệm"), or few other words changed for the passage's length (COPY_WORDS,
 * COPY_CHANGES, WORDS_PER_CHANGE), none a name or figure, the passage no lead-in, and the changes
 * no contrast (a negation, the same change twice, a chain or a swap of words both copies write:
 * one statement per case, as legal texts write them). Two numbered items with different numbers
 * are two provisions.
 */
function spellingChanges(doc: Document, index: ParagraphFact, r: Repeat): WordChange[] | undefined {
  const ma = doc.blocks[index.units[r.later].blocks[0]].marker;
  const me = doc.blocks[index.units[r.earlier].blocks[0]].marker;
  if (ma && me && ma.style !== 'bullet' && me.style !== 'bullet' && ma.raw !== me.raw) return undefined;
  const changes = r.changes ?? changesBetween(index.units[r.earlier], index.units[r.later], Math.max(3, Math.ceil(index.units[r.later].words / 10)), r.later - r.earlier <= 2);
  if (!changes) return undefined;
  const spelling = changes.every((c) => {
    const x = c.from.split(' ');
    const y = c.to.split(' ');
    return c.from !== '' && c.to !== '' && x.length === y.length && x.every((w, i) => sameWordSpelledOtherwise(w, y[i]));
  });
  if (spelling) return changes;
  const changed = wordsChanged(changes);
  const tokens = changes.flatMap((c) => [...c.from.split(' '), ...c.to.split(' ')]).filter(Boolean);
  const entities = tokens.every((w) => /\p{Lu}|\d/u.test(w) || w.length <= 2); // HLW for SNF, (a) for (b), "A" for "X"
  // a copy: long enough that so many words kept in order are no coincidence, few words changed for its length
  const n = Math.min(index.units[r.later].words, index.units[r.earlier].words);
  if (n < COPY_WORDS || changed > COPY_CHANGES || changed * WORDS_PER_CHANGE > n || entities) return undefined;
  // a short lead-in ("Chỉ tiêu … gồm:", "Thủ tục cấp lại … như sau:") is the frame of a template filled twice
  if (n < LEAD_IN_WORDS && /:\s*$/.test(index.units[r.later].raw)) return undefined;
  return contrast(index.units[r.earlier].raw, index.units[r.later].raw, changes) ? undefined : changes;
}

/**
 * The changes of a near copy right after its original (or one passage later) whose edit wrote
 * words the language does not write together: among the word pairs of the copy that the first copy
 * does not have, at least one per change is a pair the language model never writes, and every pair
 * the edit took out is one it writes. Two statements of parallel cases are each written as the
 * language writes ("là Ủy viên Ban Thường vụ" / "là Ủy viên Ủy ban Kiểm tra"); a copy retyped wrong
 * is not ("và trả kết quả" → "và trả ngày quả"). Changes are at most three lower-case words (no
 * names, no figures), numbered items keep their number, no contrast (a negation, "tại" → "ngoài":
 * see `contrast`), and not in OCR output, whose copies are damaged each its own way.
 */
function garbledCopy(doc: Document, facts: FactStore, index: ParagraphFact, r: Repeat): WordChange[] | undefined {
  if (r.later - r.earlier > 2 || facts.get(ocrDamage).damaged) return undefined;
  const ma = doc.blocks[index.units[r.later].blocks[0]].marker;
  const me = doc.blocks[index.units[r.earlier].blocks[0]].marker;
  const numbered = (m: typeof ma): boolean => m !== undefined && m.style !== 'bullet';
  if (numbered(ma) !== numbered(me) || (numbered(ma) && ma!.raw !== me!.raw)) return undefined;
  const changes = r.changes ?? changesBetween(index.units[r.earlier], index.units[r.later], 3, true);
  // names and figures change between parallel statements, and rare names are pairs a model does not keep
  if (!changes || changes.some((c) => /\d|\p{Lu}/u.test(c.from + c.to))) return undefined;
  const changed = wordsChanged(changes);
  if (changed > 3 || Math.min(index.units[r.later].words, index.units[r.earlier].words) < 2 * changed + 4) return undefined;
  const v = facts.get(vietnamese);
  const mw = facts.get(modelWords);
  // a pair is two known words with only a space between, keyed a·W + b (W: the model's words)
  const W = mw.model.words;
  const pairs = (u: number): Set<number> => {
    const out = new Set<number>();
    for (const bi of index.units[u].blocks) {
      let prev = -1;
      for (const t of v.byBlock.get(bi) ?? []) {
        const id = t.skip || t.hasDigit ? -1 : mw.of(t);
        if (prev >= 0 && id >= 0 && t.sepBefore === ' ') out.add(prev * W + id);
        prev = id;
      }
    }
    return out;
  };
  const before = pairs(r.earlier);
  const after = pairs(r.later);
  const unwritten = (k: number): boolean => mw.model.bigram(Math.floor(k / W), k % W).docs === 0;
  const added = [...after].filter((k) => !before.has(k));
  const removed = [...before].filter((k) => !after.has(k));
  if (removed.some(unwritten) || added.filter(unwritten).length < changes.length) return undefined;
  // a negation, one member of a closed class for another, a chain, a swap: another case, however
  // rare its pairs ("không cùng ngành nghề" → "cùng ngành nghề nhưng khác địa bàn")
  return contrast(index.units[r.earlier].raw, index.units[r.later].raw, changes) ? undefined : changes;
}

/**
 * The changes make the copy a parallel statement: a negation word added, dropped or swapped ("có
 * bao thầu" → "không bao thầu"), one member of a closed class for another (CONTRAST_CLASSES), the
 * same change twice, or a word put in whose counterpart the passage already writes
 * ("tỉnh" → "huyện" in a passage that names "huyện": the next level, the other place; "tại" →
 * "ngoài" beside "nước ngoài").
 */
function contrast(earlier: string, later: string, changes: WordChange[]): boolean {
  const before = new Set(words(earlier));
  const after = new Set(words(later));
  const puts = changes.map((c) => (c.to ? c.to.toLowerCase().split(' ') : []));
  const gones = changes.map((c) => (c.from ? c.from.toLowerCase().split(' ') : []));
  const allGone = new Set(gones.flat());
  return changes.some((_, i) => {
    const put = puts[i];
    const gone = gones[i];
    if ([...put, ...gone].some((w) => NEGATION_WORDS.has(w))) return true;
    // one member of a closed class for another ("tại" → "ngoài", "tỉnh" → "huyện", "ban" → "sở")
    const from = changes[i].from.toLowerCase();
    const to = changes[i].to.toLowerCase();
    if (from && to && CONTRAST_CLASSES.some((c) => c.has(from) && c.has(to))) return true;
    // the same change made twice or more ("mất" → "hỏng" … "mất" → "hỏng"): the statement of another case
    if (changes.some((d, j) => j !== i && d.from === changes[i].from && d.to === changes[i].to)) return true;
    // a chain: what one change puts in, another takes out ("tỉnh" → "huyện", "huyện" → "xã")
    if (put.some((w) => allGone.has(w))) return true;
    // a swap: both words are in both copies ("tại" → "ngoài" where both copies write "nước ngoài" and "tiêu dùng tại")
    return changes.length === 1 && put.length === 1 && gone.length === 1 && before.has(put[0]) && after.has(gone[0]);
  });
}

/** Words changed by a list of changes: the longer side of each (its words are joined by spaces). */
function wordsChanged(changes: WordChange[]): number {
  const count = (s: string): number => (s ? s.split(' ').length : 0);
  return changes.reduce((n, c) => n + Math.max(count(c.from), count(c.to)), 0);
}

/** The same word up to diacritics and case, or one letter apart in a word of four letters or more. */
function sameWordSpelledOtherwise(a: string, b: string): boolean {
  const x = foldKey(a);
  const y = foldKey(b);
  if (x === y) return true;
  if (x.length < 4 || y.length < 4 || Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  return Math.max(x.length, y.length) - i - j <= 1;
}

/**
 * Copies in two places that repeat by design: the preamble (title, legal bases), forms and
 * annexes, the recipients block, label-value lines, articles of a legal text, a title-like line
 * (no closing punctuation), and items in parallel places (the same chain of numbering styles up
 * to their common ancestor: a line under every sibling task or procedure).
 */
function byDesign(doc: Document, o: Outline, index: ParagraphFact, r: Repeat, report: boolean): boolean {
  const pl = index.places[r.later];
  const pe = index.places[r.earlier];
  if (pl.zone !== 'body' || pe.zone !== 'body' || pl.labelValue || pl.article || pe.article) return true;
  const later = index.units[r.later];
  // short lines and lead-ins ("… gồm các trường hợp sau:") are the frame of a template
  if (later.words < SUBSTANTIVE_WORDS || /:\s*$/.test(later.raw)) return true;
  const a = later.blocks[0];
  const e = index.units[r.earlier].blocks[0];
  if (inTable(doc, o, a) || inTable(doc, o, e)) return true;
  const ma = doc.blocks[a].marker;
  const me = doc.blocks[e].marker;
  if (ma && me && ma.style !== 'bullet' && me.style !== 'bullet') return true; // numbered provisions in two places: parallel by design
  const items = doc.blocks[a].kind === 'list-item' && doc.blocks[e].kind === 'list-item';
  // outside a report, an item in two places is a task assigned to two bodies or a condition of two cases
  if (items && !report) return true;
  // in a report the topics are parallel sections: an item of one pasted into another is the slip looked for
  return !report && (parallel(doc, o, e, a) || alikeParents(doc, o, e, a) || leadIns(doc, o, e, a));
}

/** Both copies are items of lists introduced by lead-ins ("Hồ sơ gồm:", "… như sau:"): one document or condition required in two cases. */
function leadIns(doc: Document, o: Outline, e: number, a: number): boolean {
  const pa = up(doc, o, a);
  const pe = up(doc, o, e);
  return pa >= 0 && pe >= 0 && pa !== pe && /:\s*$/.test(doc.blocks[pa].text) && /:\s*$/.test(doc.blocks[pe].text);
}

/** A table cell read as a line: a numbered row whose marker a tab follows, or a line right after a table row or a cell of figures or codes only ("3702.55.50"). */
function inTable(doc: Document, o: Outline, i: number): boolean {
  const m = doc.blocks[i].marker;
  if (m && doc.text[m.span.end] === '\t') return true;
  const cell = (k: number): boolean => k >= 0 && k < doc.blocks.length && (o.tableRow[k] === 1 || !/\p{L}/u.test(doc.blocks[k].text));
  return cell(i - 1);
}

/** The two copies hang from headings or items whose titles share most of their words ("c. Định mức phân bổ trên không bao gồm:" twice, "b2) Trường hợp …" in two parts): one template filled twice. */
function alikeParents(doc: Document, o: Outline, e: number, a: number): boolean {
  const pa = up(doc, o, a);
  const pe = up(doc, o, e);
  if (pa < 0 || pe < 0 || pa === pe) return false;
  const bag = (i: number): number[] => [...new Set(words(doc.blocks[i].text))].map((w) => hash(w)).sort((x, y) => x - y);
  return jaccard(bag(pa), bag(pe)) >= 0.6;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Under different parents, and the chains of numbering styles from each block up to their common ancestor are the same. */
function parallel(doc: Document, o: Outline, e: number, a: number): boolean {
  if (up(doc, o, a) === up(doc, o, e)) return false;
  const chain = (i: number): number[] => {
    const out: number[] = [];
    for (let k = i, guard = 0; k >= 0 && guard < 64; k = up(doc, o, k), guard++) out.push(k);
    return out;
  };
  const ca = chain(a);
  const ce = chain(e);
  const common = new Set(ca);
  const lca = ce.find((k) => common.has(k)) ?? -1;
  const shape = (c: number[]): string => c.slice(0, lca < 0 ? c.length : c.indexOf(lca)).map((k) => styleOf(doc, k)).join('>');
  return shape(ca) === shape(ce);
}

function styleOf(doc: Document, i: number): string {
  const m = doc.blocks[i].marker;
  if (!m) return doc.blocks[i].kind;
  return m.style === 'bullet' ? m.delimiter : `${m.style}${m.delimiter}${m.values.length}`;
}

/**
 * How the copies' neighbours match: 'run' when the passage next to the later copy repeats the one
 * next to the earlier copy (a block written twice), 'template' when a passage just before or after
 * the later copy shares most of its words with the one at the same side of the earlier copy, and
 * neither is a copy of the other (two instances of one template: "Tiền lương chuyên gia: …" then
 * "Chi phí liên quan khác …" for experts at home and abroad).
 */
function blockCopy(index: ParagraphFact, earlierOf: Map<number, number>, r: Repeat): 'run' | 'template' | undefined {
  const { later, earlier } = r;
  const n = index.units.length;
  const ok = (k: number): boolean => k >= 0 && k < n && k !== later && k !== earlier;
  for (const d of [-1, 1]) if (ok(later + d) && ok(earlier + d) && earlierOf.get(later + d) === earlier + d) return 'run';
  for (const d of [-1, 1]) {
    for (const i of [1, 2]) {
      for (const j of [1, 2]) {
        const x = later + d * i;
        const y = earlier + d * j;
        // the passages compared lie on either side of the earlier copy's neighbourhood: one between the copies
        const between = d < 0 ? x > earlier : y < later;
        if (!between || !ok(x) || !ok(y) || x === y || earlierOf.get(x) === y || index.units[x].words < 6 || index.units[y].words < 6) continue;
        if (shareOf(index.units[x].hashes, index.units[y].hashes) >= 0.7) return 'template';
      }
    }
  }
  return undefined;
}

/** Jaccard similarity of the distinct words of two passages. */
function shareOf(a: Int32Array, b: Int32Array): number {
  const x = Int32Array.from(new Set(a)).sort();
  const y = Int32Array.from(new Set(b)).sort();
  return jaccard(x, y);
}

/** The unit next to this one under the same parent also restates a passage of the earlier copy's section: a section that restates a run of another. */
function restatesRun(doc: Document, index: ParagraphFact, earlierOf: Map<number, number>, later: number, e: number): boolean {
  const section = doc.blocks[e].section;
  return [later - 1, later + 1].some((k) => {
    const other = earlierOf.get(k);
    return other !== undefined && k >= 0 && k < index.units.length && doc.blocks[index.units[k].blocks[0]].parent === doc.blocks[index.units[later].blocks[0]].parent && doc.blocks[index.units[other].blocks[0]].section === section;
  });
}

/** A heading above the block whose title starts with a summary word ("Nhận xét", "Tổng hợp", "Summary"). */
function inSummary(doc: Document, o: Outline, i: number): boolean {
  for (let k = up(doc, o, i), guard = 0; k >= 0 && guard < 64; k = up(doc, o, k), guard++) {
    const m = SUMMARY_TITLES.at(doc.blocks[k].text);
    if (m && m.start === 0) return true;
  }
  return false;
}

/** A report's list item pasted into a numbered section that is not a summary, and not part of a run restating another section. */
function pastedElsewhere(doc: Document, o: Outline, index: ParagraphFact, r: Repeat, report: boolean, run: boolean): boolean {
  const a = index.units[r.later].blocks[0];
  const e = index.units[r.earlier].blocks[0];
  const items = doc.blocks[a].kind === 'list-item' && doc.blocks[e].kind === 'list-item';
  return report && items && doc.blocks[e].section >= 0 && !run && !inSummary(doc, o, a) && !inSummary(doc, o, e);
}

/** Headings repeated with their whole body under the same parent, nothing between that opens another place. */
function sectionRepeats(doc: Document, index: ParagraphFact, o: Outline): SectionRepeat[] {
  const out: SectionRepeat[] = [];
  const covered = new Set<number>();
  const matchOf = new Map<number, number>(); // later unit -> earlier unit
  for (const r of index.repeats) matchOf.set(r.later, r.earlier);
  const byTitle = new Map<string, number[]>();
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' || covered.has(b.index) || o.tableRow[b.index]) continue;
    const key = headingKey(b);
    if (!key) continue;
    const earlier = byTitle.get(key) ?? [];
    const end = subtreeEnd(doc, b.index);
    for (const h of earlier) {
      const hEnd = subtreeEnd(doc, h);
      if (hEnd > b.index || !sameBody(doc, index, matchOf, h + 1, hEnd, b.index + 1, end)) continue;
      // parallel sections repeat by design: under another parent, past an article line, or with a table between
      if (up(doc, o, h) !== up(doc, o, b.index) || between(o.breaks, h, b.index) > 0 || between(o.unsure, hEnd - 1, b.index) > 0) break;
      out.push({ heading: b.index, first: h, end });
      for (let i = b.index; i < end; i++) covered.add(i);
      break;
    }
    earlier.push(b.index);
    byTitle.set(key, earlier);
  }
  return out;
}

/** Two bodies are the same when they have the same number of blocks and each unit of the later repeats the matching unit of the earlier. */
function sameBody(doc: Document, index: ParagraphFact, matchOf: Map<number, number>, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b || bEnd === b) return false;
  let units = 0;
  for (let k = 0; k < bEnd - b; k++) {
    const x = doc.blocks[a + k];
    const y = doc.blocks[b + k];
    const ux = index.unitOfBlock[x.index];
    const uy = index.unitOfBlock[y.index];
    if (ux >= 0 || uy >= 0) {
      if (ux < 0 || uy < 0) return false;
      const ex = index.units[ux];
      const ey = index.units[uy];
      if (matchOf.get(uy) !== ux && ex.key !== ey.key && !(ex.shingles.length > 0 && jaccard(ex.shingles, ey.shingles) >= NEAR_THRESHOLD)) return false;
      if (ex.shingles.length > 0) units++;
      continue;
    }
    if (x.kind !== y.kind) return false;
    if (x.kind === 'heading' && headingKey(x) !== headingKey(y)) return false;
    if (x.kind === 'table' && doc.slice(x.span).replace(/\s+/g, ' ') !== doc.slice(y.span).replace(/\s+/g, ' ')) return false;
  }
  return units > 0;
}

/**
 * Numbered (or Markdown) headings under the same parent, in the same style, with the same title,
 * nothing between that opens another place, and neither title cut by a line break (the next
 * line goes on in lower case).
 */
function siblingHeadings(doc: Document, covered: Set<number>, o: Outline): Array<{ heading: number; first: number }> {
  const out: Array<{ heading: number; first: number }> = [];
  const seen = new Map<string, number>();
  // the next line goes on in lower case, and is not an item lettered "b1)" or "đ."
  const cut = (i: number): boolean => {
    const next = doc.blocks[i + 1]?.text ?? '';
    return /^\p{Ll}/u.test(next) && !/^\p{Ll}{1,2}\d*[.)]\s/u.test(next);
  };
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' || covered.has(b.index) || o.tableRow[b.index]) continue;
    const numbered = b.marker && b.marker.style !== 'bullet';
    if (!numbered && !(doc.format === 'markdown' && b.level > 0)) continue;
    const title = headingKey(b);
    if (title.split(' ').length < 2) continue;
    const style = b.marker ? `${b.marker.style}${b.marker.delimiter}${b.marker.values.length}` : `h${b.level}`;
    const key = `${up(doc, o, b.index)}|${style}|${title}`;
    const first = seen.get(key);
    seen.set(key, b.index);
    if (first === undefined || cut(first) || cut(b.index) || (numbered && between(o.sectionBreaks, first, b.index) > 0)) continue;
    // a lead-in ("Phương pháp phân bổ:") or the same number twice opens the same part of two parallel
    // templates, unless no sibling comes between: then the heading was pasted again ("4. Sửa đổi … như sau:" twice)
    const twice = numbered && b.marker!.raw === doc.blocks[first].marker?.raw;
    if ((twice || /:\s*$/.test(b.text)) && !(twice && nextSiblings(doc, o, first, b.index, style))) continue;
    out.push({ heading: b.index, first });
  }
  return out;
}

/** No heading or item in the same numbering style under the same parent lies between the two headings: they follow each other as siblings. */
function nextSiblings(doc: Document, o: Outline, first: number, later: number, style: string): boolean {
  const parent = up(doc, o, later);
  for (let k = first + 1; k < later; k++) {
    if (doc.blocks[k].marker && up(doc, o, k) === parent && styleOf(doc, k) === style) return false;
  }
  return true;
}
