// The vocabularies of figures, as named data: units and scale words, counted nouns, hedges and
// estimates, the cues that announce a breakdown with the promise each makes (a complete cue
// promises a partition, a subset cue only parts <= total), totals, remainders, plan words, rate
// and change words, table labels. The facts (quantities, breakdowns, partitions, ratios, tables)
// read them through `phraseList` matchers, composing them with the grammar they apply (where in
// the clause the word stands, what punctuation may follow) in their own files.
//
// A word belongs here when it holds for every report written in the language (a unit, a cue of
// report grammar, a word of the number system), never because one document uses it.

import { phraseList, type PhraseList } from './build.js';

// ---------------------------------------------------------------------------------------------
// Units

export type UnitFamily = 'money' | 'area' | 'length' | 'mass' | 'percent' | 'count' | 'time' | 'none';
export type Currency = 'VND' | 'USD' | 'EUR';

/** Scale words written between a figure and its unit, with their power of ten. */
export const SCALE_WORDS: ReadonlyArray<readonly [word: string, exponent: number]> = [
  ['nghìn tỷ', 12], ['ngàn tỷ', 12], ['nghìn tỉ', 12], ['ngàn tỉ', 12],
  ['nghìn', 3], ['ngàn', 3], ['triệu', 6], ['tỷ', 9], ['tỉ', 9],
  ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12],
  ['bn', 9], ['mn', 6],
];

export interface UnitWord {
  word: string;
  family: UnitFamily;
  /** Power of ten to the family's base unit (đồng or USD, m², m, kg; 0 for percent). */
  exponent: number;
  currency?: Currency;
  /** Matched case-sensitively (short symbols such as `m`, `ha`, `đ`). */
  exact?: boolean;
}

/** Units written after a figure (and its scale word). */
export const UNIT_WORDS: readonly UnitWord[] = [
  { word: 'đồng', family: 'money', exponent: 0, currency: 'VND' },
  { word: 'vnđ', family: 'money', exponent: 0, currency: 'VND' },
  { word: 'vnd', family: 'money', exponent: 0, currency: 'VND' },
  { word: 'đ', family: 'money', exponent: 0, currency: 'VND', exact: true },
  { word: 'usd', family: 'money', exponent: 0, currency: 'USD' },
  { word: 'us dollars', family: 'money', exponent: 0, currency: 'USD' },
  { word: 'dollars', family: 'money', exponent: 0, currency: 'USD' },
  { word: 'đô la', family: 'money', exponent: 0, currency: 'USD' },
  { word: 'eur', family: 'money', exponent: 0, currency: 'EUR' },
  { word: 'euro', family: 'money', exponent: 0, currency: 'EUR' },
  { word: 'euros', family: 'money', exponent: 0, currency: 'EUR' },
  { word: '%', family: 'percent', exponent: 0 },
  { word: 'phần trăm', family: 'percent', exponent: 0 },
  { word: 'percent', family: 'percent', exponent: 0 },
  { word: 'per cent', family: 'percent', exponent: 0 },
  { word: 'ha', family: 'area', exponent: 4, exact: true },
  { word: 'héc-ta', family: 'area', exponent: 4 },
  { word: 'hecta', family: 'area', exponent: 4 },
  { word: 'hectares', family: 'area', exponent: 4 },
  { word: 'hectare', family: 'area', exponent: 4 },
  { word: 'km2', family: 'area', exponent: 6 },
  { word: 'km²', family: 'area', exponent: 6 },
  { word: 'm2', family: 'area', exponent: 0 },
  { word: 'm²', family: 'area', exponent: 0 },
  { word: 'square metres', family: 'area', exponent: 0 },
  { word: 'square meters', family: 'area', exponent: 0 },
  { word: 'km', family: 'length', exponent: 3, exact: true },
  { word: 'cây số', family: 'length', exponent: 3 },
  { word: 'kilometres', family: 'length', exponent: 3 },
  { word: 'kilometers', family: 'length', exponent: 3 },
  { word: 'mét', family: 'length', exponent: 0 },
  { word: 'metres', family: 'length', exponent: 0 },
  { word: 'meters', family: 'length', exponent: 0 },
  { word: 'm', family: 'length', exponent: 0, exact: true },
  { word: 'tấn', family: 'mass', exponent: 3 },
  { word: 'tạ', family: 'mass', exponent: 2 },
  { word: 'kg', family: 'mass', exponent: 0 },
  { word: 'tonnes', family: 'mass', exponent: 3 },
  { word: 'tons', family: 'mass', exponent: 3 },
  { word: 'tonne', family: 'mass', exponent: 3 },
];

/** Currency signs and codes written before a figure: `$4.2 million`, `US$ 5`, `VND 300`. */
export const PREFIX_CURRENCY_SIGNS: ReadonlyArray<readonly [sign: string, currency: Currency]> = [
  ['US$', 'USD'], ['$', 'USD'], ['€', 'EUR'],
];
export const PREFIX_CURRENCY_CODES: ReadonlyArray<readonly [code: string, currency: Currency]> = [
  ['USD', 'USD'], ['VND', 'VND'], ['VNĐ', 'VND'], ['EUR', 'EUR'],
];

/**
 * Counted nouns (lower case): what a whole count counts. Longest match wins; a Vietnamese noun
 * may carry its classifier word after it ("đơn thư", "hộ gia đình"), which stays part of it.
 */
export const COUNTED_NOUNS_VI: readonly string[] = [
  'người', 'hộ gia đình', 'hộ', 'dự án', 'công trình', 'đơn thư', 'đơn', 'hồ sơ', 'xã', 'phường', 'thị trấn',
  'thôn', 'xóm', 'bản', 'khối', 'tổ dân phố', 'cán bộ', 'công chức', 'viên chức', 'lao động', 'học sinh',
  'sinh viên', 'giáo viên', 'trường', 'doanh nghiệp', 'hợp tác xã', 'cơ sở', 'vụ việc', 'vụ', 'trường hợp',
  'lượt người', 'lượt', 'tổ chức', 'đảng viên', 'chi bộ', 'văn bản', 'thủ tục', 'tthc', 'cuộc', 'lớp', 'buổi',
  'tin', 'bài', 'phiếu', 'nhà', 'căn', 'con', 'chiếc', 'cái', 'đối tượng', 'đơn vị', 'cơ quan', 'hội viên',
  'thành viên', 'bệnh nhân', 'ca', 'trẻ', 'cháu', 'em', 'gia đình', 'nhân khẩu', 'khẩu', 'tài khoản', 'sản phẩm',
  'tuyến', 'điểm', 'phòng', 'giường', 'mô hình', 'câu lạc bộ', 'clb', 'cửa hàng', 'chợ', 'ý kiến', 'kiến nghị',
  'nội dung', 'nhiệm vụ', 'chỉ tiêu', 'tiêu chí', 'đề án', 'kế hoạch', 'quyết định', 'thửa', 'lô', 'suất',
  'thẻ', 'cây', 'km đường', 'trạm', 'xe', 'tàu', 'thuyền', 'gói thầu', 'hợp đồng', 'giấy chứng nhận', 'bộ',
  'đoàn', 'đội', 'nhóm', 'lần', 'đợt', 'kỳ', 'phiên', 'vị trí', 'biên chế', 'cử tri', 'hội nghị', 'sáng kiến',
];
export const COUNTED_NOUNS_EN: readonly string[] = [
  'people', 'persons', 'person', 'households', 'household', 'projects', 'project', 'cases', 'case',
  'applications', 'application', 'complaints', 'complaint', 'petitions', 'petition', 'files', 'file',
  'staff', 'employees', 'employee', 'workers', 'worker', 'students', 'student', 'teachers', 'teacher',
  'schools', 'school', 'businesses', 'business', 'enterprises', 'enterprise', 'firms', 'firm', 'companies',
  'company', 'communes', 'commune', 'villages', 'village', 'districts', 'district', 'units', 'unit',
  'documents', 'document', 'procedures', 'procedure', 'members', 'member', 'patients', 'patient',
  'children', 'child', 'families', 'family', 'respondents', 'respondent', 'participants', 'participant',
  'visits', 'visit', 'beds', 'bed', 'sites', 'site', 'facilities', 'facility', 'schemes', 'scheme',
  'contracts', 'contract', 'requests', 'request', 'claims', 'claim', 'items', 'item', 'vehicles', 'vehicle',
  'officials', 'official', 'officers', 'officer', 'jobs', 'job', 'homes', 'home', 'houses', 'house',
  'hospitals', 'hospital', 'clinics', 'clinic', 'organisations', 'organizations', 'organisation', 'organization',
  'times', 'countries', 'country', 'states', 'recommendations', 'recommendation', 'deaths', 'births', 'incidents', 'incident',
];
/**
 * Words that follow a bare figure without being what it counts (function words, verbs and
 * adverbs of report grammar, scale and time words): "5 và 6", "120 được giao", "30 trở lên".
 */
export const NOT_COUNTED_WORDS = phraseList([
  'và', 'của', 'là', 'có', 'được', 'với', 'trong', 'theo', 'đến', 'tới', 'từ', 'tại', 'cho', 'ở', 'này', 'đó', 'các', 'những', 'trên',
  'dưới', 'hoặc', 'hay', 'nhưng', 'thì', 'mà', 'đã', 'đang', 'sẽ', 'chưa', 'không', 'còn', 'để', 'về', 'so', 'bằng', 'đạt', 'chiếm',
  'tăng', 'giảm', 'gồm', 'trở', 'lên', 'xuống', 'ngày', 'tháng', 'năm', 'quý', 'giờ', 'phút', 'lần', 'triệu', 'tỷ', 'tỉ', 'nghìn', 'ngàn',
  'trăm', 'mươi', 'người', 'and', 'or', 'of', 'in', 'to', 'for', 'the', 'a', 'an', 'at', 'on', 'by', 'with', 'from', 'were', 'was',
  'are', 'is', 'be', 'been', 'had', 'have', 'has', 'that', 'which', 'than', 'more', 'less', 'percent', 'million', 'billion', 'thousand',
  'times', 'out', 'per', 'each', 'as', 'years', 'year', 'months', 'month', 'days', 'day',
]);
/**
 * English counts name what they count by a plural noun, whatever the noun ("1,773 awards", "843
 * individuals", "12 grantees"): a lower-case word after a whole number ending in -s is read as a
 * counted noun unless its ending is no plural (-ss, -us, -is, -ous: "less", "bonus", "this",
 * "various") or it is a word of NOT_COUNTED_WORDS or TIME_WORDS. A verb in -s after a figure
 * ("Figure 3 shows the …") has a figure for its subject, which a label before it already marks as
 * no quantity; it is told apart too by what follows it: an article or a clause word.
 */
export const NOT_PLURAL_ENDINGS_EN: readonly string[] = ['ss', 'us', 'is', 'ous'];
export const AFTER_VERB_EN = phraseList(['the', 'a', 'an', 'how', 'whether', 'what', 'that the', 'that a', 'its', 'their']);
/** Counted nouns written in capitals (acronyms). */
export const ACRONYM_NOUNS: readonly string[] = ['tthc', 'clb'];
/** Units of time: a duration, not an amount that adds into a total. */
export const TIME_WORDS: readonly string[] = ['năm', 'tháng', 'ngày', 'giờ', 'phút', 'tuần', 'quý', 'years', 'year', 'months', 'month', 'days', 'day', 'hours', 'hour', 'minutes', 'weeks', 'week'];

/** Labels after which a figure is an identifier, an ordinal or part of a date, not a quantity. */
export const IDENTIFIER_LABELS = phraseList([
  'điều', 'khoản', 'điểm', 'chương', 'mục', 'phụ lục', 'phần', 'trang', 'thứ', 'khóa', 'khoá', 'tháng', 'ngày', 'quý', 'tuần',
  'lần thứ', 'đợt', 'giai đoạn', 'article', 'section', 'clause', 'chapter', 'page', 'pages', 'no.', 'number', 'figure', 'table',
  'bảng', 'hình', 'biểu', 'mẫu', 'tổ', 'xóm', 'thôn', 'khối', 'đội', 'tiểu khu', 'km', 'quốc lộ', 'tỉnh lộ', 'ql', 'tl', 'phòng',
  'tầng', 'lô', 'thửa', 'tờ bản đồ', 'nhiệm kỳ', 'version', 'điện thoại', 'đt', 'tel', 'phone', 'fax', 'hotline', 'mã số', 'mã',
  'id', 'năm', 'year', 'since', 'until', 'fy', 'số',
]);

// ---------------------------------------------------------------------------------------------
// How sure a figure is

/** Words before a figure that make it approximate or a bound (never the basis of an error). */
export const HEDGES_BEFORE = phraseList([
  'khoảng', 'hơn', 'gần', 'trên', 'dưới', 'xấp xỉ', 'chừng', 'ít nhất', 'tối thiểu', 'tối đa', 'không quá', 'không vượt quá', 'vượt quá', 'chưa đến', 'chưa tới',
  'gần như', 'approximately', 'approx.', 'about', 'around', 'over', 'nearly', 'almost', 'more than', 'less than', 'fewer than',
  'under', 'roughly', 'some', 'up to', 'at least', 'at most', 'close to', 'in excess of', '~', '≈', '>', '<', '≥', '≤',
]);
/** Words after a figure that make it a bound: `50 người trở lên`, `10 or more`. */
export const HEDGES_AFTER = phraseList(['trở lên', 'trở xuống', 'or more', 'or so', 'and over', 'and above', '+']);
/** Hedges that make a figure an upper bound (the true value may be lower). */
export const UPPER_BOUND_HEDGES = phraseList(['dưới', 'không quá', 'không vượt quá', 'tối đa', 'chưa đến', 'chưa tới', 'less than', 'fewer than', 'under', 'at most', 'up to', 'below']);
/** Words that make a figure a forecast (stated to its last digit, but not yet a result). */
export const ESTIMATE_WORDS = phraseList([
  'ước thực hiện', 'ước đạt', 'ước tính', 'ước cả năm', 'ước', 'dự kiến', 'dự ước', 'dự báo',
  'estimated', 'estimate', 'estimates', 'projected', 'forecast', 'expected',
]);
/** `từ 10 đến 15`, `from 10 to 15`: the words before the two ends of a range. */
export const RANGE_OPENERS = phraseList(['từ', 'from']);
export const RANGE_CLOSERS = phraseList(['đến', 'tới', 'to']);

// ---------------------------------------------------------------------------------------------
// Breakdowns: a total and its parts

export type CueKind = 'complete' | 'subset';

/**
 * Cues that promise the parts make up the whole (a partition): gồm, bao gồm, chia ra, comprising.
 * Written inside a sentence ("1.250 triệu đồng, gồm 800 … và 400 …") or ending a list head.
 */
export const COMPLETE_CUES: readonly string[] = [
  'bao gồm', 'gồm có', 'gồm', 'cụ thể là', 'chia ra', 'comprising', 'consisting of', 'made up of', 'broken down into', 'split into',
];
/** Cues that only ever end a list head ("…, cụ thể như sau:" then the items). Complete. */
export const COMPLETE_HEAD_CUES: readonly string[] = ['cụ thể như sau', 'cụ thể', 'như sau', 'broken down as follows', 'as follows'];
/**
 * Cues that promise only notable parts (parts <= total): trong đó, of which, including, and the
 * verb after a total ("$10,500 to be unallowable, which included (1) $1,700 …").
 */
export const SUBSET_CUES: readonly string[] = [
  'trong đó', 'of which', 'including', 'which included', 'which includes', 'which include', 'that included', 'that includes', 'that include', 'included', 'includes',
];
/** Subset cues that are recognised but never open a breakdown by themselves. */
export const SUBSET_CUE_WORDS: readonly string[] = [...SUBSET_CUES, 'among which', 'of whom'];

export const INLINE_CUES = phraseList([...SUBSET_CUES, ...COMPLETE_CUES]);
export const HEAD_CUES = phraseList([...SUBSET_CUES, ...COMPLETE_CUES, ...COMPLETE_HEAD_CUES]);
const SUBSET_SET = phraseList(SUBSET_CUE_WORDS);

/** The promise a breakdown cue makes. */
export function cueKindOf(cue: string): CueKind {
  return SUBSET_SET.has(cue) || SUBSET_SET.all(cue).length > 0 ? 'subset' : 'complete';
}

/** Cues at the start of the sentence after a total, pointing back to it ("Tổng số 1.250 hộ. Trong đó, …"; "… $12.5 million. Of this amount, …"). */
export const SENTENCE_SUBSET_CUES = phraseList([
  'trong đó', 'trong số đó', 'trong số này', 'of these', 'of them', 'of this', 'of this amount', 'of this total', 'of the total',
  'of that amount', 'of those', 'among them', 'among these', 'these included', 'these include', 'this included', 'this includes',
]);
export const SENTENCE_COMPLETE_CUES = phraseList([
  'cụ thể', 'cụ thể là', 'cụ thể như sau', 'bao gồm', 'gồm', 'gồm có', 'chia ra', 'this comprised', 'these comprised',
  'this consisted of', 'these consisted of', 'this was made up of', 'these were made up of',
]);
/** A total stated after its parts: "…, xã C 150 triệu đồng. Tổng cộng: 750 triệu đồng"; "…, for a total of $750". Complete. */
export const TOTAL_AFTER_PARTS = phraseList(['tổng cộng', 'tổng số', 'tổng', 'cộng', 'total', 'in total', 'altogether', 'the total', 'all told']);
/** The same, closing the sentence of its parts: "A 250, B 300 và C 150, tổng cộng 700 triệu đồng". */
export const TOTAL_CLOSING_PARTS = phraseList([
  'tổng cộng', 'tổng cộng là', 'tổng số là', 'tổng là', 'cộng là', 'for a total of', 'a total of', 'totaling', 'totalling', 'totaled',
  'totalled', 'in total', 'altogether', 'making a total of', 'bringing the total to',
]);
/** Conjunctions that close an enumeration ("A, B và C"): the part after one is the last. */
export const LIST_CLOSERS = phraseList(['và', 'and', 'cùng', 'as well as', 'plus']);
/** A part named as the rest of its whole ("thu khác 500 tỷ đồng", "and $0.5 million for other costs"). */
export const REMAINDER_PART_WORDS = phraseList(['còn lại', 'số còn lại', 'khác', 'other', 'others', 'remaining', 'the rest', 'the remainder', 'all other']);
/** Words that look like a remainder word but are not one. */
export const NOT_REMAINDER = phraseList(['khác nhau', 'khác biệt', 'khác thường', 'other than', 'each other', 'in other words', 'on the other hand']);

/** Words that say a list is not exhaustive ("một số khoản như", "such as", "mainly"). `như` alone, not `như sau`. */
export const INCOMPLETE_MARKERS = phraseList([
  'chủ yếu', 'một số', 'một vài', 'như', 'v.v', 'vv.', 'among them', 'for example', 'for instance', 'such as', 'e.g.', 'etc',
  'notably', 'mainly', 'in particular', 'chẳng hạn', 'điển hình', 'tiêu biểu', 'nổi bật',
]);
/** Marks of an elided list. */
export const ELLIPSIS_MARKS: readonly string[] = ['...', '…'];

/** Words that state a figure as a total (for coverage): "tổng kinh phí là …", "a total of …", "totaling …". */
export const STATED_TOTAL_WORDS = phraseList([
  'tổng số', 'tổng cộng', 'tổng', 'toàn bộ', 'có tổng số', 'a total of', 'total of', 'total', 'totaling', 'totalling', 'totaled', 'totalled',
]);
/** Compounds that begin with `tổng` and do not mean a total. */
export const NOT_TOTAL_COMPOUNDS = phraseList([
  'tổng kết', 'tổng hợp', 'tổng cục', 'tổng thể', 'tổng quan', 'tổng giám đốc', 'tổng đài', 'tổng bí thư', 'tổng công ty',
  'tổng điều tra', 'tổng thống', 'tổng biên tập', 'tổng thư ký', 'tổng lãnh sự', 'tổng tham mưu', 'tổng động viên',
]);
/** Words after a figure that state it as a total: "25 organizations in total". */
export const TOTAL_AFTER_WORDS = phraseList(['in total', 'altogether', 'in all']);

/** Cues of a status split by which a whole is introduced: received, handled, tiếp nhận. */
export const WHOLE_VERBS = phraseList([
  'tiếp nhận', 'nhận được', 'đã nhận', 'thụ lý', 'tổng số', 'tổng cộng', 'có tổng', 'tổng', 'received', 'receiving', 'total of',
  'a total of', 'handled', 'registered', 'recorded', 'filed', 'submitted',
]);
/** A quota the parts fill or leave open: "biên chế 51 người; hiện có 48, còn thiếu 3". */
export const QUOTA_WORDS = phraseList(['biên chế', 'được giao', 'chỉ tiêu', 'định biên', 'authorized', 'allotted']);
/** The whole of a status split at the head of its sentence: "Of the 80 claims reviewed, …", "Trong số 80 hồ sơ, …". */
export const WHOLE_OPENERS = phraseList(['of the', 'of these', 'of all', 'out of the', 'trong số', 'trong tổng số']);
/** The whole named after its figure, in the passive: "41 complaints were received; …", "55 đơn thư được tiếp nhận". */
export const WHOLE_PASSIVES = phraseList([
  'were received', 'was received', 'have been received', 'had been received', 'were filed', 'were submitted', 'were registered',
  'were reviewed', 'were examined', 'were handled', 'được tiếp nhận', 'đã được tiếp nhận', 'được thụ lý', 'đã được thụ lý',
]);
/** Words before the last part of a status split that make it the remainder (còn 15 đơn). */
export const REMAINDER_BEFORE = phraseList(['còn lại', 'còn thiếu', 'còn tồn', 'thiếu', 'còn', 'chưa', 'remaining', 'with', 'and', 'still']);
/** Of REMAINDER_BEFORE, the words that by themselves name a remainder. */
export const REMAINDER_WORDS = phraseList(['còn', 'thiếu', 'remaining', 'still']);
/** Negations that turn a status into its complement: "đạt" / "không đạt", "paid correctly" / "not paid correctly". */
export const NEGATION_WORDS = phraseList(['không', 'chưa', 'không được', 'chưa được', 'not', 'never', 'did not', 'were not', 'was not']);
/** English prefixes of the complement: correctly / incorrectly, compliant / noncompliant. */
export const NEGATION_PREFIXES: readonly string[] = ['in', 'un', 'im', 'ir', 'il', 'non', 'non-', 'dis', 'mis'];
/** Words after the last part that make it the remainder (… đang giải quyết, … are pending). */
export const PENDING_AFTER = phraseList(['đang', 'chưa', 'còn lại']);
/** Words that open the clause of the last part with its pending state (…, đang giải quyết 465 hồ sơ). */
export const PENDING_BEFORE = phraseList(['đang', 'hiện đang', 'còn đang']);
export const PENDING_STATES = phraseList(['pending', 'outstanding', 'remaining', 'unresolved', 'in progress', 'under review', 'under consideration', 'under processing']);
export const PENDING_COPULAS = phraseList(['are', 'were', 'still', 'remain', 'remains', 'remained']);
/** Cues of a breakdown (left to the breakdown reader, not a status split). */
export const SPLIT_EXCLUDING_CUES = phraseList(['trong đó', 'bao gồm', 'gồm', 'cụ thể', 'chia ra', 'of which', 'including', 'comprising', 'consisting of']);

// ---------------------------------------------------------------------------------------------
// Tables

/** Labels of a total row or column. */
export const TABLE_TOTAL_LABELS = phraseList(['tổng cộng', 'tổng số', 'tổng', 'cộng', 'toàn tỉnh', 'toàn huyện', 'toàn xã', 'toàn quốc', 'total', 'grand total', 'sum', 'all']);
/** Labels of a subtotal row. */
export const TABLE_SUBTOTAL_LABELS = phraseList(['cộng nhóm', 'cộng mục', 'cộng phần', 'cộng khối', 'subtotal', 'sub-total']);
/** Labels of a row that details a subset of the row above it. */
export const TABLE_SUBSET_LABELS = phraseList(['trong đó', 'of which', 'in which', 'incl.', 'including', 'among them', 'riêng']);
/** Words of a column header whose figures do not add up (rates, averages, prices, comparisons, codes). */
export const NON_ADDITIVE_HEADER_WORDS = phraseList([
  'tỷ lệ', 'tỉ lệ', 'phần trăm', 'percent', 'rate', 'ratio', 'bình quân', 'trung bình', 'average', 'mean', 'median', 'đơn giá',
  'giá bán', 'unit price', 'so sánh', 'so với', 'compared', 'comparison', 'growth', 'chỉ số', 'index',
]);
/** Headers that are a whole column of identifiers. */
export const IDENTIFIER_HEADERS = phraseList(['năm', 'year', 'stt', 'no.', 'no', 'mã', 'code']);

// ---------------------------------------------------------------------------------------------
// Rates, changes and claims

/** Nouns that name the target of a plan (đạt 95% kế hoạch, of the target). */
export const PLAN_WORDS_VI = phraseList(['kế hoạch', 'dự toán', 'chỉ tiêu', 'mục tiêu']);
/** Plan words after a percentage that make it relative to a plan or a period, not to the counts before it. */
export const PLAN_OR_PERIOD_AFTER = phraseList([
  'kế hoạch', 'kh', 'dự toán', 'chỉ tiêu', 'mục tiêu', 'nhiệm vụ', 'so', 'cùng kỳ', 'of the plan', 'of plan', 'of the target',
  'of target', 'of the goal', 'of goal', 'of the budget', 'of budget', 'compared', 'over', 'from',
]);
/** Words that change what a percentage is computed from: a rate next to them is not a plain share. */
export const FORMULA_WORDS = phraseList([
  'tăng', 'giảm', 'vượt', 'so với', 'so cùng', 'cùng kỳ', 'kỳ trước', 'năm trước', 'trước đó', 'kế hoạch', 'chỉ tiêu', 'mục tiêu',
  'dự toán', 'gấp', 'lần', 'increase', 'increased', 'increases', 'increasing', 'decrease', 'decreased', 'decreases', 'decreasing',
  'grew', 'grow', 'grows', 'rose', 'rise', 'rises', 'fell', 'fall', 'falls', 'decline', 'declined', 'declines', 'declining',
  'higher', 'lower', 'more', 'less', 'above', 'below', 'exceed', 'exceeded', 'exceeds', 'exceeding', 'change', 'changed',
  'changes', 'growth', 'compared', 'previous', 'prior', 'last year', 'target', 'targets', 'goal', 'goals', 'plan', 'plans', 'planned',
]);
/** Words that name a percentage as the share of the figures before it (đạt, chiếm, or). */
export const SHARE_CUES = phraseList(['đạt', 'chiếm', 'bằng', 'là', 'tỷ lệ', 'tỉ lệ', 'tương ứng', 'tức là', 'tức', 'hay', 'or']);
/** Words that may follow a share cue (đạt tỷ lệ, chiếm tỷ lệ là). */
export const SHARE_CUE_TAILS = phraseList(['tỷ lệ', 'tỉ lệ', 'là', 'đạt']);
/** The words allowed between the last comma or parenthesis and a share: only cue words. */
export const SHARE_GLUE_WORDS = phraseList(['ước', 'đạt', 'chiếm', 'bằng', 'là', 'tương ứng với', 'tương ứng', 'tức là', 'tức', 'hay', 'or', 'tỷ lệ', 'tỉ lệ', '=', ':']);
/** Words that may follow a share and start a new clause (so the share ends there). */
export const CLAUSE_STARTERS = phraseList(['và', 'còn', 'nhưng', 'song', 'and', 'but', 'were', 'was', 'are', 'is', 'had', 'have', 'in', 'within', 'by', 'for', 'on', 'at', 'during']);
/** "of", "của": a percentage followed by one is a share of something named after it. */
export const OF_WORDS = phraseList(['of', 'của', 'trong số']);
/** Between a part and its whole: `40 of 55`, `40 out of 55`, `40 trên tổng số 55`. */
export const PART_OF_WHOLE = phraseList(['out of', 'of', 'trên tổng số', 'trên tổng', 'trong tổng số', 'trong số', 'trên']);
/** Connectors that name the whole even after a few words of the part's clause: `562 bộ hoàn thành trên tổng số 740 bộ`. */
export const PART_OF_TOTAL = phraseList(['out of', 'out of a total of', 'trên tổng số', 'trong tổng số', 'trên tổng']);
export const WHOLE_DETERMINERS = phraseList(['the', 'all', 'all the', 'a total of']);
/** Between a percentage and the whole it is a share of, after the part: `(chiếm 90% trên tổng số 2,54 triệu hộ)`. */
export const SHARE_OF_TOTAL = phraseList(['trên tổng số', 'của tổng số', 'trong tổng số', 'so với tổng số']);
/** After a percentage, the whole named by its noun and no figure: `chiếm 72% tổng số học viên`, `bằng 40% số hộ`. */
export const SHARE_OF_NAMED_TOTAL = phraseList(['trên tổng số', 'của tổng số', 'trong tổng số', 'so với tổng số', 'tổng số', 'số']);
/**
 * A whole stated as the predicate of a clause whose subject is a total ("Tổng số trạm BTS 3G/4G
 * … đã đi vào hoạt động là 87 trạm", "The total number of stations in the zones is 87"): the
 * subject opens the clause, the link stands right before the figure.
 */
export const CLAUSE_TOTAL_SUBJECTS = phraseList(['tổng số', 'tổng cộng', 'the total number of', 'the total']);
export const CLAUSE_TOTAL_LINKS = phraseList(['là', 'đạt', 'is', 'was', 'are', 'were']);
/**
 * Openings of a sentence that point back at the whole the sentence before closed with: "… 2,623
 * programs. Of those, 2,348 programs (93 percent) …", "… là 87 trạm. Trong số đó, 28 trạm …".
 */
export const BACK_REFERENCES = phraseList([
  'of those', 'of these', 'of them', 'of this total', 'of that total', 'most of those', 'most of these', 'among them', 'among those', 'among these',
  'trong số đó', 'trong số này', 'trong đó',
]);
/** Words before a percentage that make it a change: increase or decrease. */
export const INCREASE_WORDS = phraseList([
  'tăng', 'increased by', 'increased', 'rose by', 'rose', 'grew by', 'grew', 'went up by', 'went up', 'up', 'an increase of', 'a rise of',
]);
export const DECREASE_WORDS = phraseList([
  'giảm', 'decreased by', 'decreased', 'fell by', 'fell', 'declined by', 'declined', 'dropped by', 'dropped', 'went down by',
  'went down', 'down', 'a decrease of', 'a drop of', 'a decline of', 'a reduction of', 'reduced by',
]);
/** Words between a change word and its percentage (tăng thêm 5%). */
export const CHANGE_FILLERS = phraseList(['thêm', 'khoảng']);
/** Noun phrases that name a change after the figures (`…, an increase of 20 percent`). */
export const CHANGE_NOUNS_UP = phraseList(['tăng', 'increase of', 'rise of', 'up']);
export const CHANGE_NOUNS_DOWN = phraseList(['giảm', 'decrease of', 'drop of', 'decline of', 'down']);
/** `từ X lên Y`, `from X to Y`: the words between the two ends of a change. */
export const CHANGE_TO = phraseList(['lên', 'xuống', 'đến', 'tới', 'còn', 'to']);
export const CHANGE_FROM = phraseList(['từ', 'from']);
/** Prepositions before the period a figure of a change is of: `from 1,150 in Q2 to 1,265 in Q3`, `từ 1.150 lượt trong quý II lên …`. */
export const PERIOD_PREPOSITIONS = phraseList(['in', 'during', 'for', 'at the end of', 'năm', 'trong năm', 'trong', 'của', 'vào', 'cuối']);
/** Quarter and half-year names after such a preposition (with `the`, an ordinal and maybe `of 2025`). */
export const PERIOD_ORDINALS_EN = phraseList(['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th']);
export const PERIOD_PARTS_EN = phraseList(['quarter', 'half']);
/** Words that restate a rate (`…, tương ứng tăng 20%`, `…, or 72.7%`). */
export const RESTATE_WORDS = phraseList(['tương ứng', 'tức là', 'tức', 'or', 'a', 'an']);
/** Total words that may be followed by the noun they total before the figure ("tổng số hộ nghèo là 120 hộ"). */
export const TOTAL_NOUN_HEADS = phraseList(['tổng số', 'tổng cộng']);
/** Words that name the whole before a count: tổng số, tiếp nhận, received, a total of. */
export const TOTAL_WORDS = phraseList([
  'tổng số', 'tổng cộng', 'tổng', 'tiếp nhận', 'nhận được', 'đã nhận', 'thụ lý', 'có tổng số', 'có tổng', 'được giao', 'giao',
  'received', 'a total of', 'total of', 'total', 'of the', 'out of the',
]);
/** Words that may follow a total word before its figure (tổng số là, tổng cộng có). */
export const TOTAL_LINKS = phraseList(['là', 'được', 'có', 'gồm', 'cộng']);
/** Administrative units before a place name (xã Vĩnh An, phường Hoa Động): parts named by distinct places do not overlap. */
export const PLACE_UNITS = phraseList(['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh', 'thôn', 'bản', 'ấp', 'khu phố', 'tổ dân phố', 'đặc khu']);
/** English prepositions before a place that names a part: "120 in Springfield", "200 at Dayton". */
export const PLACE_PREPOSITIONS_EN = phraseList(['in', 'at']);
/** Administrative areas and bodies after `toàn`: "toàn xã có 120 hộ" names the whole. */
export const WHOLE_AREAS = phraseList(['xã', 'phường', 'huyện', 'tỉnh', 'thành phố', 'ngành', 'đơn vị', 'trường', 'thị trấn']);
/** Verbs before a percentage that is the share of a count before it (đạt 72,7%, chiếm 37,5%). */
export const PART_RATE_VERBS = phraseList(['đạt', 'chiếm', 'bằng']);
export const RATE_NOUNS = phraseList(['tỷ lệ', 'tỉ lệ']);
/** English words before a percentage that restate the count before it as a share: "resolved 40, or 72.7 percent". */
export const PART_RATE_WORDS_EN = phraseList(['or', 'representing', 'accounting for', 'which is', 'which was']);
/** After a percentage: it compares with a period or a base named later, not with the counts before it. */
export const COMPARED_AFTER = phraseList(['so', 'cùng kỳ', 'compared', 'over', 'from']);
/** `gấp 2,5 lần`: the word of a multiple and its noun. */
export const MULTIPLE_WORDS = phraseList(['gấp']);
export const TIMES_NOUN = 'lần';
/** Verbs that carry a comparison of a figure with its target (tăng, giảm, vượt, đạt, bằng). */
export const PERIOD_RATE_VERBS = phraseList(['tăng', 'giảm', 'vượt', 'đạt', 'bằng']);
/** What a rate in `… so với <base> (X)` is compared with. */
export const PERIOD_BASES = phraseList(['cùng kỳ', 'kế hoạch', 'dự toán', 'chỉ tiêu']);
export const PERIOD_BASE_TAILS = phraseList(['năm trước', 'năm', 'giao', 'được giao', 'đề ra']);
/** Periods a change is measured from: "so với năm 2024", "so với quý I", "so với cùng kỳ năm trước". */
export const PERIOD_NAMES = phraseList(['năm', 'quý', 'tháng', '6 tháng đầu năm', 'kỳ trước', 'cùng kỳ năm trước', 'cùng kỳ năm', 'năm trước', 'năm học', 'giai đoạn']);
/** English number words from two to twenty (for "one in four"). */
export const NUMBER_WORDS_EN: ReadonlyArray<readonly [string, number]> = [
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11],
  ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20],
];
/** Words before a fraction that make it a date, not a part of a whole (`đến ngày 15/6`). */
export const DATE_BEFORE_FRACTION = phraseList(['ngày', 'đến', 'tới', 'từ', 'hết', 'tháng', 'lúc', 'hôm', 'sáng', 'chiều', 'on', 'as of', 'since', 'by', 'until', 'dated']);
/** Words that make a figure lower-is-better, which turns "vượt" around: poverty, backlog, reductions. */
export const LOWER_IS_BETTER = phraseList([
  'giảm', 'xuống', 'còn', 'hạ', 'nghèo', 'tai nạn', 'tử vong', 'vi phạm', 'tồn đọng', 'quá hạn', 'trễ hạn', 'chậm', 'lãi suất', 'lạm phát',
]);
export const LOWER_IS_BETTER_EN_STEMS: readonly string[] = ['reduc', 'decreas', 'fell', 'declin', 'lower', 'poverty', 'death', 'error', 'backlog', 'overdue', 'inflation'];
/** Target nouns of a comparison claim (vượt chỉ tiêu, chưa đạt kế hoạch). */
export const TARGET_NOUNS = phraseList(['chỉ tiêu', 'kế hoạch', 'mục tiêu', 'yêu cầu', 'mức']);
/** The words of a claim that a figure is above, below, equal to or has reached its target. */
export const CLAIM_WORDS_VI = {
  above: phraseList(['vượt', 'vượt mức', 'vượt so với', 'vượt mức so với', 'cao hơn']),
  below: phraseList(['chưa đạt', 'không đạt', 'thấp hơn', 'dưới']),
  atLeast: phraseList(['đạt', 'hoàn thành']),
  equal: phraseList(['bằng', 'bằng với']),
} as const;
/** What an equality claim compares with (bằng cùng kỳ, bằng mức …). */
export const EQUAL_TARGETS_VI = phraseList(['chỉ tiêu', 'kế hoạch', 'mục tiêu', 'mức', 'cùng kỳ', 'tỷ lệ']);
export const CLAIM_WORDS_EN = {
  above: phraseList(['exceed', 'exceeds', 'exceeded', 'exceeding', 'above', 'surpass', 'surpasses', 'surpassed', 'surpassing', 'higher than', 'beat', 'beats', 'beating', 'ahead of']),
  below: phraseList(['falls short of', 'fall short of', 'fell short of', 'falling short of', 'short of', 'below', 'lower than', 'missing', 'missed', 'misses', 'under']),
  atLeast: phraseList(['meet', 'meets', 'meeting', 'met', 'reach', 'reaches', 'reached', 'reaching']),
  equal: phraseList(['equal to', 'the same as', 'same as', 'unchanged from']),
} as const;
export const TARGET_NOUNS_EN = phraseList(['target', 'goal', 'benchmark', 'plan']);
export const DETERMINERS_EN = phraseList(['the', 'its', 'a', 'their']);
/** Between a claim's figure and a following one: the second belongs to another clause. */
export const CLAUSE_BREAKS = phraseList(['và', 'tăng', 'giảm', 'so với', 'and', 'but', 'while', 'up', 'down']);
/** Verbs before a plan-relative rate (đạt 95% kế hoạch) and the claim that may follow it (vượt kế hoạch). */
export const PLAN_RATE_VERBS = phraseList(['đạt', 'bằng', 'thực hiện']);
export const PLAN_CLAIM_VERBS = phraseList(['vượt', 'vượt mức', 'hoàn thành', 'hoàn thành vượt mức', 'đạt']);
export const PLAN_CLAIM_NOUNS = phraseList(['kế hoạch', 'dự toán', 'chỉ tiêu']);
export const PLAN_NAMING = phraseList(['năm', 'giao', 'được giao', 'đề ra']);
/** Words that announce the shares of one whole (cơ cấu, gồm, composition). */
export const SHARE_GROUP_CUES = phraseList(['cơ cấu', 'bao gồm', 'gồm', 'chia ra', 'phân theo', 'comprising', 'broken down', 'breakdown', 'composition']);
/** Words before a share of one whole (chiếm 30%, accounting for 30%). */
export const SHARE_VERBS = phraseList(['chiếm', 'accounting for', 'accounted for', 'accounts for']);
export const SHARE_NOUNS = phraseList(['tỷ lệ', 'tỉ lệ', 'tỷ trọng', 'tỉ trọng']);
/** Between shares: a nested breakdown or a comparison, so they are not shares of one whole. */
export const SHARE_GROUP_BREAKERS = phraseList([
  'trong đó', 'trong số đó', 'riêng', 'of which', 'including', 'among them', 'năm', 'cùng kỳ', 'tăng', 'giảm', 'so với', 'year',
  'increase', 'decrease', 'compared',
]);
/** The last share names the rest of the whole: the shares together make 100 %. */
export const REST_WORDS = phraseList(['còn lại', 'the rest', 'the remainder', 'remaining']);

export type { PhraseList };
