// Vocabularies of document structure, read by src/facts/outline.ts and src/facts/paragraphs.ts.
// Boilerplate is recognised by its shape first (short label-value lines, lines repeated under
// every sibling, footnotes, signature blocks, repeated table headers); these lists only name what
// the numbering system and the standard layout of administrative texts (ND 30/2020, HD 36) fix.

import { phraseList } from './build.js';
import { PLACE_UNITS } from './figures.js';

/** Lines opening a new context when they start with one of these (capitalised): articles, chapters and parts, annexes. Lists below them start afresh. */
export const ARTICLE_WORDS = phraseList(['điều', 'article', 'section']);
export const PART_WORDS = phraseList(['chương', 'mục', 'phần', 'chapter', 'part']);
export const ANNEX_WORDS = phraseList(['phụ lục', 'appendix', 'annex']);

/**
 * Amendment verbs and the units of a legal text they name ("Sửa đổi, bổ sung điểm b khoản 1 Điều 16
 * như sau:"): the item right after such a line that carries the named unit's number is the amended
 * text, quoted, even when a conversion lost its quotation marks.
 */
export const AMENDMENT_VERBS = phraseList(['sửa đổi', 'bổ sung', 'thay thế', 'amended', 'replaced', 'inserted']);
export const AMENDED_UNITS = phraseList(['điểm', 'khoản', 'tiết', 'point', 'clause', 'paragraph']);

/** A line opening a form (mẫu số 01, Mẫu B05-TS): its lines repeat by design. */
export const FORM_WORDS = phraseList(['mẫu']);

/** Marks of a consolidated text (văn bản hợp nhất, symbol …/VBHN-…): its numbering follows the amended documents, and its footnotes quote their legal bases. Read in the header only. */
export const CONSOLIDATED_MARKERS = phraseList(['văn bản hợp nhất', 'vbhn']);

/** The label that opens the recipients block of an administrative text (ND 30/2020 PL I §9, HD 36): its lines repeat from document to document. */
export const RECIPIENT_LABELS = phraseList(['nơi nhận', 'kính gửi', 'đồng kính gửi']);

/** Labels of figure notes and sources ("Nguồn: …", "Source: …"): repeated under every figure. */
export const NOTE_LABELS = phraseList(['note', 'notes', 'source', 'sources', 'nguồn', 'ghi chú']);

/**
 * Field labels of the standard assignment lines under each task of a plan and of each procedure
 * of a list of administrative procedures (TTHC): "Cơ quan chủ trì: …", "Thời gian thực hiện: …".
 * A line with such a label is a label-value line whatever the length of its value; other labels
 * count by shape (a short label before a colon, a short value after it).
 */
export const ASSIGNMENT_LABELS = phraseList([
  'cơ quan chủ trì', 'cơ quan phối hợp', 'đơn vị chủ trì', 'đơn vị phối hợp', 'cơ quan thực hiện',
  'thời gian thực hiện', 'thời gian hoàn thành', 'thời hạn hoàn thành', 'tiến độ thực hiện',
  'kinh phí thực hiện', 'nguồn kinh phí', 'sản phẩm', 'kết quả thực hiện',
  'trình tự thực hiện', 'cách thức thực hiện', 'thành phần hồ sơ', 'số lượng hồ sơ', 'thời hạn giải quyết',
  'đối tượng thực hiện', 'cơ quan giải quyết', 'phí, lệ phí', 'lệ phí', 'căn cứ pháp lý', 'yêu cầu, điều kiện',
]);

/** Titles of sections that sum up or restate others (a passage repeated there restates a detail on purpose). */
export const SUMMARY_TITLES = phraseList([
  'tóm tắt', 'tổng hợp', 'tổng kết', 'kết luận', 'nhận xét', 'đánh giá chung', 'đánh giá',
  'summary', 'executive summary', 'highlights', 'overview', 'conclusion', 'conclusions', 'what gao found', 'what gao recommends',
]);

/** Title words of a report (báo cáo): the one kind of document where an item pasted verbatim into another section is a slip, not a task assigned twice. */
export const REPORT_TITLES = phraseList(['báo cáo', 'report']);

/** Negation words: a near copy that adds, drops or swaps one states the opposite case (a provision and its converse), not a paste. A closed class of the language. */
export const NEGATION_WORDS = phraseList(['không', 'chưa', 'chẳng', 'chớ', 'đừng', 'not', 'no', 'non', 'never', 'without']);

/**
 * Closed classes whose members stand for one another in parallel statements: a near copy that
 * swaps one member for another of the same class states the same for another case ("sản xuất tại
 * Việt Nam" / "ngoài Việt Nam", "cấp tỉnh" / "cấp huyện", "các ban, ngành" / "các sở, ngành").
 * Places (prepositions of place), administrative units (PLACE_UNITS) and the kinds of state bodies.
 */
export const CONTRAST_CLASSES = [
  phraseList(['tại', 'ngoài', 'trong', 'trên', 'dưới', 'ở', 'in', 'outside', 'inside', 'within', 'abroad', 'domestic', 'foreign']),
  PLACE_UNITS,
  phraseList(['trung ương', 'địa phương', 'cấp', 'federal', 'state', 'local', 'county', 'city']),
  phraseList(['bộ', 'ban', 'ngành', 'sở', 'phòng', 'cục', 'vụ', 'viện', 'ủy ban', 'hội đồng', 'department', 'agency', 'office', 'board', 'committee', 'bureau']),
];
