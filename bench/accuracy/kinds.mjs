// What the accuracy bench plants, and which rules should find it: the one table rule engineers
// read. A planting counts as found when a finding of one of `rules` lies on one of the
// planting's lines (the edited line and the line of the figure or heading it contradicts). The
// first rule is the kind's owner: per-rule recall is counted there. Rules that do not exist yet
// are listed too (a missing rule simply gives recall 0): `repeated-word` (issue 23).
//
// To add a kind: add a row here, and a generator in lib/plant-*.mjs that yields sites of that
// kind with { kind, shape, edits, lines }; the planter checks that the original is consistent.

export const FAMILIES = {
  figures: ['sum-mismatch', 'table-sum-mismatch', 'count-mismatch', 'percent-mismatch', 'comparison-claim', 'number-format'],
  citations: ['citation-mismatch', 'citation-type', 'date-invalid'],
  structure: ['duplicate-paragraph', 'section-numbering', 'broken-paragraph', 'encoding'],
  words: ['spelling', 'term-variant', 'name-variant', 'tone-style', 'repeated-word'],
};

const SUM = ['sum-mismatch', 'count-mismatch'];

export const KINDS = [
  // figures
  { id: 'breakdown-part', rules: SUM, what: 'one digit of one part of a breakdown that added up (text: same sentence, next sentence, list items, parts then total)' },
  { id: 'breakdown-total', rules: SUM, what: 'one digit of the stated total of a breakdown that added up' },
  { id: 'split-figure', rules: ['count-mismatch', 'sum-mismatch'], what: 'one digit of the whole or one part of a whole split by status in one sentence (received / resolved / pending)' },
  { id: 'table-part', rules: ['table-sum-mismatch'], what: 'one digit of a body cell of a table whose total row, subtotal row or total column added up' },
  { id: 'table-total', rules: ['table-sum-mismatch'], what: 'one digit of a table total cell that added up' },
  { id: 'percent-count', rules: ['percent-mismatch'], what: 'one digit of the count a stated percentage is computed from' },
  { id: 'percent-base', rules: ['percent-mismatch'], what: 'one digit of the base a stated percentage is computed against' },
  { id: 'percent-rate', rules: ['percent-mismatch'], what: 'one digit of a stated percentage that matched its two figures' },
  { id: 'comparison-flip', rules: ['comparison-claim', 'percent-mismatch'], what: 'the figure moved to the other side of the target its claim word names (đạt 101,3% kế hoạch, vượt -> 91,3%)' },
  { id: 'number-format-swap', rules: ['number-format'], what: 'one figure written in the other convention (19.870,477 -> 19,870.477) in a document that writes one' },
  // citations and dates
  { id: 'citation-digit', rules: ['citation-mismatch'], what: 'one digit of the number of one citation of a document cited 2+ times the same way' },
  { id: 'citation-hyphen-drop', rules: ['citation-mismatch'], what: 'a hyphen dropped from one citation\'s symbol (QĐ-UBND -> QĐUBND, 164-TB/TU -> 164TB/TU)' },
  { id: 'citation-separator', rules: ['citation-mismatch'], what: 'the / and - of one citation swapped at the number (164-TB/TU -> 164/TB/TU, 204/QĐ-UBND -> 204-QĐ-UBND)' },
  { id: 'citation-space', rules: ['citation-mismatch'], what: 'a space inserted into one citation\'s symbol (QĐ-UBND -> QĐ- UBND)' },
  { id: 'citation-case', rules: ['citation-mismatch'], what: 'one capital of one citation\'s symbol lower-cased (UBND -> UbND)' },
  { id: 'citation-dj', rules: ['citation-mismatch'], what: 'Đ written D in one citation\'s symbol (NĐ-CP -> ND-CP)' },
  { id: 'citation-date-day', rules: ['citation-mismatch'], what: 'the day of one citation\'s date changed, the document cited 2+ times with one date' },
  { id: 'citation-date-month', rules: ['citation-mismatch'], what: 'the month of one citation\'s date changed' },
  { id: 'citation-date-year', rules: ['citation-mismatch', 'citation-type', 'date-invalid'], what: 'the year of one citation\'s date changed' },
  { id: 'citation-date-swap', rules: ['citation-mismatch'], what: 'the dates of two documents cited side by side swapped, each cited elsewhere with its own date' },
  { id: 'citation-type-word', rules: ['citation-type', 'citation-mismatch'], what: 'the type word of one citation changed (Nghị định -> Thông tư, Quyết định -> Kế hoạch)' },
  { id: 'citation-legal-year', rules: ['citation-type', 'citation-mismatch'], what: 'the year inside one legal number changed (15/2020/NĐ-CP -> 15/2021/NĐ-CP), its date kept' },
  { id: 'date-five-digit-year', rules: ['date-invalid'], what: 'a five-digit year in a date (2024 -> 20244)' },
  { id: 'date-transposed-year', rules: ['date-invalid'], what: 'the last two digits of a date\'s year transposed (2025 -> 2052)' },
  { id: 'date-impossible-day', rules: ['date-invalid'], what: 'a day the month lacks (30/02, 31/04, 32/…)' },
  { id: 'date-impossible-month', rules: ['date-invalid'], what: 'a month above 12 (05 -> 15, 3 -> 13)' },
  { id: 'date-word', rules: ['date-invalid', 'spelling'], what: '"ngày", "tháng" or "năm" of a date phrase written as another syllable (nam, thang, ngay)' },
  // structure
  { id: 'dup-paragraph-exact', rules: ['duplicate-paragraph'], what: 'a substantive paragraph pasted again in the same section' },
  { id: 'dup-paragraph-near', rules: ['duplicate-paragraph'], what: 'a substantive paragraph pasted again in the same section, then 1-3 words changed' },
  { id: 'heading-skip', rules: ['section-numbering'], what: 'the last number of a consecutive heading sequence skipped ahead (I II III -> I II IV; a) b) c) -> a) b) d))' },
  { id: 'heading-repeat', rules: ['section-numbering'], what: 'one number of a consecutive heading sequence repeated (1. 2. 3. -> 1. 2. 2.)' },
  { id: 'broken-paragraph', rules: ['broken-paragraph'], what: 'a paragraph broken into two lines in mid-sentence' },
  { id: 'encoding-nfd-word', rules: ['encoding'], what: 'one word decomposed (NFD)' },
  { id: 'encoding-legacy-word', rules: ['encoding'], what: 'one word in TCVN3 or VNI shown as Latin-1' },
  { id: 'encoding-mojibake-word', rules: ['encoding'], what: 'one word as UTF-8 read as Windows-1252' },
  { id: 'encoding-legacy-sentence', rules: ['encoding'], what: 'one sentence in TCVN3 or VNI shown as Latin-1' },
  { id: 'encoding-mojibake-sentence', rules: ['encoding'], what: 'one sentence as UTF-8 read as Windows-1252' },
  // words
  { id: 'name-diacritic-valid', rules: ['name-variant', 'spelling'], what: 'one diacritic of one occurrence of a name used 3+ times, giving another real syllable (Diễn Châu -> Diên Châu)' },
  { id: 'name-diacritic-nonword', rules: ['name-variant', 'spelling'], what: 'one diacritic of one occurrence of a name used 3+ times, giving a non-syllable' },
  { id: 'name-join', rules: ['name-variant', 'spelling'], what: 'one occurrence of a name used 3+ times joined (Thanh Chương -> ThanhChương) or, in English, hyphenated' },
  { id: 'term-diacritic-valid', rules: ['term-variant', 'spelling'], what: 'one diacritic of one occurrence of a lower-case term used 3+ times, giving another real syllable' },
  { id: 'term-diacritic-nonword', rules: ['term-variant', 'spelling'], what: 'one diacritic of one occurrence of a lower-case term used 3+ times, giving a non-syllable' },
  { id: 'doubled-syllable', rules: ['repeated-word'], what: 'a syllable doubled (của của)' },
  { id: 'doubled-word', rules: ['repeated-word'], what: 'a two-syllable word doubled (thực hiện thực hiện)' },
  { id: 'doubled-word-en', rules: ['repeated-word'], what: 'an English word doubled (the the)' },
  { id: 'typo-real-syllable', rules: ['spelling'], what: 'one diacritic or letter of a frequent bigram changed, giving a real syllable and a bigram the corpus never writes (bổ sung -> bổ xung)' },
  { id: 'typo-nonword', rules: ['spelling'], what: 'a letter dropped, doubled or swapped, giving a non-syllable' },
  { id: 'tone-placement', rules: ['tone-style'], what: 'one oa/oe/uy syllable written in the other tone placement in a document that uses one (hoà -> hòa)' },
];

export const KIND_BY_ID = new Map(KINDS.map((k) => [k.id, k]));

export function familyOf(rule) {
  for (const [f, rules] of Object.entries(FAMILIES)) if (rules.includes(rule)) return f;
  return 'other';
}

export function kindFamily(kindId) {
  return familyOf(KIND_BY_ID.get(kindId).rules[0]);
}

export const ALL_RULES = Object.values(FAMILIES).flat();
