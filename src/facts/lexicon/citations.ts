// The vocabularies of the citation and date facts: document type words (Vietnamese and English)
// with the type codes their symbols carry (ND 30/2020 Phụ lục III for state documents, HD 36 for
// Party documents, Luật BHVBQPPL for legal normative documents), the words that may stand between
// a number and its date or issuer, the words of a date phrase, and the cues that say an event
// already happened or is still to come. Grammar of ../shared/reference/vietnamese-reports.md §1-2.

import { phraseList } from './build.js';

/** Canonical document types. */
export type TypeKind =
  | 'TB' | 'CV' | 'KH' | 'QĐ' | 'NQ' | 'NĐ' | 'TT' | 'CT' | 'KL' | 'BC' | 'HD' | 'TTr' | 'CTr'
  | 'QyĐ' | 'QC' | 'ĐA' | 'CĐ' | 'Luật' | 'TTri' | 'PL' | 'BB' | 'PA' | 'TC' | 'EO' | 'PubL';

/** Type words as written before a number, Vietnamese and English. */
export const TYPE_WORDS: ReadonlyArray<readonly [string, TypeKind]> = [
  ['Thông báo kết luận', 'TB'], ['Thông báo', 'TB'], ['Công văn', 'CV'], ['Kế hoạch', 'KH'],
  ['Quyết định', 'QĐ'], ['Nghị quyết', 'NQ'], ['Nghị định', 'NĐ'], ['Thông tư liên tịch', 'TT'],
  ['Thông tư', 'TT'], ['Chỉ thị', 'CT'], ['Kết luận', 'KL'], ['Báo cáo', 'BC'], ['Hướng dẫn', 'HD'],
  ['Tờ trình', 'TTr'], ['Chương trình hành động', 'CTr'], ['Chương trình', 'CTr'], ['Quy định', 'QyĐ'],
  ['Quy chế', 'QC'], ['Đề án', 'ĐA'], ['Công điện', 'CĐ'], ['Luật', 'Luật'], ['Thông tri', 'TTri'],
  ['Pháp lệnh', 'PL'], ['Biên bản', 'BB'], ['Phương án', 'PA'], ['Thông cáo', 'TC'],
  ['Notice', 'TB'], ['Official Letter', 'CV'], ['Official Dispatch', 'CV'], ['Plan', 'KH'],
  ['Decision', 'QĐ'], ['Resolution', 'NQ'], ['Decree', 'NĐ'], ['Joint Circular', 'TT'],
  ['Circular', 'TT'], ['Directive', 'CT'], ['Conclusion', 'KL'], ['Guidance', 'HD'],
  ['Guideline', 'HD'], ['Proposal', 'TTr'], ['Submission', 'TTr'], ['Programme', 'CTr'],
  ['Program', 'CTr'], ['Regulation', 'QyĐ'], ['Regulations', 'QyĐ'], ['Law', 'Luật'],
];

/**
 * The English type words (written in ASCII letters only: every Vietnamese type word carries a
 * Vietnamese letter). English text writes Đ as D (`Decree No. 82/2023/ND-CP`), so a D there is
 * the English spelling of the symbol, not a lost stroke.
 */
/** Lower case. */
export const ENGLISH_TYPE_WORDS: ReadonlySet<string> = new Set(TYPE_WORDS.filter(([w]) => /^[A-Za-z ]+$/.test(w)).map(([w]) => w.toLowerCase()));

/** Symbol codes accepted for each type (compared after folding Đ/D and case). */
export const TYPE_CODES: Record<TypeKind, readonly string[]> = {
  TB: ['TB'], CV: ['CV'], KH: ['KH'], QĐ: ['QĐ'], NQ: ['NQ', 'NQLT'], NĐ: ['NĐ'], TT: ['TT', 'TTLT'],
  CT: ['CT'], KL: ['KL'], BC: ['BC'], HD: ['HD', 'HDLT'], TTr: ['TTr'], CTr: ['CTr'],
  // state QyĐ (ND 30), Party QĐi (HD 36); before 2018 both were written QĐ
  QyĐ: ['QyĐ', 'QĐi', 'QĐ'], QC: ['QC'], ĐA: ['ĐA'], CĐ: ['CĐ'], Luật: ['QH'], TTri: ['TT'],
  PL: ['PL', 'UBTVQH'], BB: ['BB'], PA: ['PA'], TC: ['TC'], EO: [], PubL: [],
};

/**
 * Codes read as a document type at the head of a state symbol (`12/KH-UBND`); any other head is
 * an agency (`123/UBND-VP`, a công văn). `TC`, `HĐ` and `DA` are left out: they are also common
 * agency or council abbreviations (Tổng cục, Hội đồng, ban quản lý dự án).
 */
export const HEAD_TYPE_CODES: readonly string[] = [
  'TB', 'CV', 'KH', 'QĐ', 'NQ', 'NQLT', 'NĐ', 'TT', 'TTLT', 'CT', 'KL', 'BC', 'HD', 'TTr', 'CTr', 'QyĐ', 'QĐi',
  'QC', 'ĐA', 'CĐ', 'PL', 'BB', 'PA', 'BS', 'GM', 'GGT',
];

/**
 * Codes whose lower-case letters are part of the code (ND 30 Phụ lục III, HD 36, issuer `TTg`):
 * every other segment of a symbol is written in capitals and digits.
 */
export const MIXED_CASE_CODES: readonly string[] = ['TTg', 'QĐi', 'QyĐ', 'CTr', 'TTr', 'TrS', 'VPCP', 'TTri'];

/**
 * The types that share the National Assembly's and its Standing Committee's numbers
 * (`…/QH15`, `…/UBTVQH15`): laws, resolutions and ordinances are numbered in separate series
 * (Luật BHVBQPPL 2015, Điều 10), so `Luật số 93/2015/QH13` and `Nghị quyết số 93/2015/QH13` are
 * two documents. The word may stand before the law's name ("Luật Đầu tư số 67/2014/QH13").
 */
export const LAW_KIND_WORDS = phraseList(['luật', 'bộ luật', 'nghị quyết', 'pháp lệnh', 'law', 'code', 'resolution', 'ordinance']);

/** `số` / `No.` between the type word and the number. */
export const NUMBER_WORDS = phraseList(['số', 'no.', 'number']);

/** What may stand between a symbol and its date: `, ngày`, ` ban hành ngày`, ` dated`, ` of`. */
export const DATE_LINK_WORDS = phraseList(['ngày', 'ban hành ngày', 'dated', 'of', 'issued on', 'issued', 'signed on']);

/** What introduces the issuer after a citation: `của`, `do`. */
export const ISSUER_WORDS = phraseList(['của', 'do']);

/** Words that end an issuer name: the subject or the verb of the sentence begins. */
export const ISSUER_STOP_WORDS = phraseList([
  'về', 'kết luận', 'triển khai', 'trong', 'trên', 'cho', 'đối với', 'và', 'nhằm', 'để', 'tại', 'quy định',
  'hướng dẫn', 'ban hành', 'đã', 'được', 'theo', 'với', 'giao', 'phê duyệt', 'thực hiện', 'tổ chức',
]);

/**
 * What stands before a citation of the document itself in its own annexes and forms: "(Kèm theo
 * Quyết định số 2776/QĐ-UBND ngày 18/11/2025 …)", "Ban hành kèm theo …". A title beginning so is
 * an attachment's ("mẫu số 02/TTN ban hành kèm theo Phụ lục I …"), not the cited document's.
 */
export const ATTACHED_WORDS = phraseList(['kèm theo', 'ban hành kèm theo', 'ban hành kèm', 'attached to', 'annexed to', 'issued together with']);

/**
 * Words after a citation saying it was cited earlier in the text ("Công văn số 13479/BTC-TCT ngày
 * 23/9/2009 nêu trên", "the Decision cited above").
 */
export const ABOVE_WORDS = phraseList(['nêu trên', 'nói trên', 'kể trên', 'đã dẫn', 'dẫn trên', 'đã nêu', 'mentioned above', 'cited above', 'referred to above', 'referenced above']);

/**
 * How a document's title (trích yếu) begins after its number, date and issuer: `về …`, `V/v …`
 * and the verbs that open a title (ND 30/2020 Phụ lục VI: "Quyết định về việc …", "Quy định …",
 * "Hướng dẫn …", "Ban hành …", "Phê duyệt …"). Words after a citation that begin otherwise are
 * the sentence going on, not a title.
 */
export const TITLE_START_WORDS = phraseList([
  'về', 'v/v', 'quy định', 'hướng dẫn', 'ban hành', 'phê duyệt', 'sửa đổi', 'bổ sung', 'thành lập', 'triển khai', 'kiện toàn',
  'on', 'regarding', 'concerning', 'establishing', 'amending', 'approving',
]);

/**
 * The words of a date phrase (`ngày 05 tháng 02 năm 2026`) folded to their letters without marks:
 * a syllable that folds to one of these inside a date phrase but is written otherwise
 * (`nam`, `thang`, `ngay`, `nằm`) is a slip for the word.
 */
export const DATE_WORDS = { day: 'ngày', month: 'tháng', year: 'năm' } as const;

/**
 * The lower-case unit words inside a place name of a header's place-and-date line
 * ("Thành phố Hồ Chí Minh, ngày …"); every other word of a place name is capitalised (ND 30 Phụ lục II).
 */
export const PLACE_PREFIX_WORDS = phraseList(['Thành phố', 'Thị xã', 'Thị trấn']);

/** Words before a date that say it introduces a line of "Căn cứ" (the legal basis of a document). */
export const LEGAL_BASIS_WORDS = phraseList(['căn cứ', 'căn cứ vào', 'pursuant to']);

/**
 * Cues that the event of a clause already happened (a date after the report's own date is then
 * impossible): `đã`, `vừa`, `đã được`. Looked for between the clause start and the date.
 */
export const PAST_WORDS = phraseList(['đã', 'đã được', 'was', 'were', 'has been', 'had been']);

/** Cues that a date is a deadline or a plan (`đến ngày`, `dự kiến`, `sẽ`): never a past event. */
export const FUTURE_WORDS = phraseList([
  'sẽ', 'dự kiến', 'dự báo', 'kế hoạch', 'đến ngày', 'trước ngày', 'chậm nhất', 'hạn', 'từ ngày', 'kể từ', 'đến hết',
  'trong thời hạn', 'hiệu lực', 'will', 'by', 'before', 'until', 'deadline', 'scheduled',
]);

/**
 * Cues that a date is an estimate or a forecast (`dự kiến`, `estimated completion date`): it may
 * lie any number of years ahead, so neither a far year nor a transposed one is read in it.
 */
export const ESTIMATE_WORDS = phraseList(['dự kiến', 'dự báo', 'ước tính', 'estimated', 'estimate', 'projected', 'expected', 'anticipated', 'forecast']);

/** The first day of the state whose documents carry these numbers (2 September 1945). */
export const FIRST_STATE_YEAR = 1945;
