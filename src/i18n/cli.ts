// What the command line and the language server say themselves (usage errors, files that cannot
// be read, summaries on stderr), in both message languages. One catalogue, so a test can check
// that every text has both languages and the same placeholders in each.

import type { Lang, MessageData } from '../engine/types.js';
import { interpolate } from './format.js';

export const CLI_MESSAGES = {
  // usage errors (exit 2)
  maxWarningsNumber: { en: "--max-warnings expects a whole number, got '{value}'", vi: "--max-warnings cần một số nguyên không âm, nhận được '{value}'" },
  fixAndDryRun: { en: '--fix and --fix-dry-run cannot be used together', vi: 'không dùng --fix cùng với --fix-dry-run' },
  updateBaselineNeedsBaseline: { en: '--update-baseline needs --baseline <file>', vi: '--update-baseline cần --baseline <tệp>' },
  stdinFilenameNeedsStdin: { en: '--stdin-filename needs --stdin', vi: '--stdin-filename cần --stdin' },
  stdinNoFiles: { en: '--stdin lints standard input: give no files with it', vi: '--stdin kiểm tra đầu vào chuẩn: không ghi tên tệp kèm theo' },
  jobsNumber: { en: "--jobs expects a whole number of at least 1, got '{value}'", vi: "--jobs cần một số nguyên từ 1 trở lên, nhận được '{value}'" },
  shardFormat: { en: "--shard expects k/n with 1 <= k <= n, got '{value}'", vi: "--shard cần dạng k/n với 1 <= k <= n, nhận được '{value}'" },
  maxFileSizeNumber: { en: "--max-file-size expects a positive number of megabytes, got '{value}'", vi: "--max-file-size cần một số megabyte dương, nhận được '{value}'" },
  timeBudgetNumber: { en: "--time-budget expects a positive number of seconds, got '{value}'", vi: "--time-budget cần một số giây dương, nhận được '{value}'" },
  noFiles: { en: 'no files given (try reportlint --help)', vi: 'chưa có tệp nào để kiểm tra (xem reportlint --help)' },
  baselineNotFound: { en: '{file}: baseline not found (create it with --update-baseline)', vi: '{file}: không tìm thấy tệp baseline (tạo bằng --update-baseline)' },
  ignorePathMissing: { en: '{file}: cannot read the ignore file: no such file', vi: '{file}: không đọc được tệp bỏ qua: không có tệp này' },
  ignoreWithNoIgnore: { en: '--ignore-path and --no-ignore cannot be used together', vi: 'không dùng --ignore-path cùng với --no-ignore' },
  initExists: { en: '{file} already exists; remove it first or edit it', vi: '{file} đã có; hãy xoá hoặc sửa tệp đó' },
  unknownRule: { en: "unknown rule '{id}' (see reportlint --list-rules)", vi: "không có quy tắc '{id}' (xem reportlint --list-rules)" },
  noRulePage: { en: "no documentation page for rule '{id}' (expected docs/rules/{id}.md)", vi: "không có trang tài liệu cho quy tắc '{id}' (cần docs/rules/{id}.md)" },
  // per file
  cannotRead: { en: 'cannot read: {reason}', vi: 'không đọc được: {reason}' },
  noSuchFile: { en: 'no such file or directory', vi: 'không có tệp hoặc thư mục này' },
  isDirectory: { en: 'is a directory', vi: 'là một thư mục' },
  permissionDenied: { en: 'permission denied', vi: 'không có quyền đọc' },
  linkLoop: { en: 'too many symbolic links (a link loop)', vi: 'quá nhiều liên kết tượng trưng (liên kết vòng)' },
  fileTooLarge: { en: 'the file is {size}, over the {limit} limit (--max-file-size)', vi: 'tệp nặng {size}, vượt giới hạn {limit} (--max-file-size)' },
  inputTooLarge: { en: 'the input is {size}, over the {limit} limit (--max-file-size)', vi: 'đầu vào nặng {size}, vượt giới hạn {limit} (--max-file-size)' },
  cannotWriteFixes: { en: 'cannot write fixes: {reason}', vi: 'không ghi được bản sửa: {reason}' },
  internalError: { en: 'internal error in rule {id}: {message}', vi: 'lỗi nội bộ ở quy tắc {id}: {message}' },
  ignoredFile: { en: '{file}: ignored by {source} (use --no-ignore to lint it)', vi: '{file}: bị bỏ qua theo {source} (dùng --no-ignore để kiểm tra)' },
  ignoredByPatterns: { en: 'ignorePatterns in {file}', vi: 'ignorePatterns trong {file}' },
  // run summaries on stderr
  tooManyWarnings: { en: 'too many warnings: {count}, more than --max-warnings {max}', vi: 'quá nhiều cảnh báo: {count}, nhiều hơn --max-warnings {max}' },
  baselineHid: { en: 'the baseline {file} hid {count} known finding(s); new findings are shown', vi: 'baseline {file} đã ẩn {count} vấn đề đã biết; chỉ hiện vấn đề mới' },
  baselineUpdated: { en: 'baseline {file} updated ({count} findings recorded)', vi: 'đã cập nhật baseline {file} (ghi nhận {count} vấn đề)' },
  cannotWriteCache: { en: 'cannot write the cache: {reason}', vi: 'không ghi được bộ nhớ đệm: {reason}' },
  cannotWriteReport: { en: 'cannot write {file}: {reason}', vi: 'không ghi được {file}: {reason}' },
  initWritten: { en: 'wrote {file}; edit it, then run reportlint on your reports', vi: 'đã tạo {file}; hãy chỉnh sửa rồi chạy reportlint trên các báo cáo' },
  progress: { en: 'linting {done}/{total} files', vi: 'đang kiểm tra {done}/{total} tệp' },
} as const satisfies Record<string, { en: string; vi: string }>;

export type CliMessageId = keyof typeof CLI_MESSAGES;

export function cliText(id: CliMessageId, lang: Lang, data?: MessageData): string {
  return interpolate(CLI_MESSAGES[id][lang], data);
}

/** A text in both languages, chosen when the run's language is known (after the files are read). */
export interface BothTexts {
  en: string;
  vi: string;
}

export function both(id: CliMessageId, data?: MessageData): BothTexts {
  return { en: cliText(id, 'en', data), vi: cliText(id, 'vi', data) };
}

/**
 * Vietnamese readings of the reasons other modules give in English (parsers, config and baseline
 * validation): each phrase is matched whole, its values (paths, numbers, quoted text) carried
 * over. A phrase not listed stays English (e.g. a JSON parser's own detail). A test checks that
 * every reason the parsers throw has a reading here.
 */
const REASONS: Array<[RegExp, string]> = [
  // reading text (src/parse/decode.ts)
  [/invalid UTF-8 at byte (\d+); if the file is in another encoding, name it with --encoding \(e\.g\. ([^)]*)\)/g, 'UTF-8 không hợp lệ ở byte $1; nếu tệp dùng bảng mã khác, hãy ghi rõ bằng --encoding (ví dụ $2)'],
  [/NUL byte at byte (\d+): a binary file, or UTF-16 text without a byte-order mark \(if so, name it with --encoding ([^)]*)\)/g, 'byte NUL ở byte $1: tệp nhị phân, hoặc văn bản UTF-16 không có BOM (nếu vậy, hãy ghi --encoding $2)'],
  [/unknown encoding '([^']*)'/g, "không biết bảng mã '$1'"],
  [/the file is not valid (\S+)/g, 'tệp không đúng bảng mã $1'],
  // Word (src/parse/docx.ts, docx/zip.ts, docx/xml.ts)
  [/the document is password-protected \(encrypted\); remove the password in Word and save it again/g, 'tài liệu có mật khẩu (đã mã hoá); hãy gỡ mật khẩu trong Word rồi lưu lại'],
  [/the document is password-protected \(encrypted\); remove the password and save it again/g, 'tài liệu có mật khẩu (đã mã hoá); hãy gỡ mật khẩu rồi lưu lại'],
  [/the document is password-protected \(encrypted\)/g, 'tài liệu có mật khẩu (đã mã hoá)'],
  [/this is a Word 97-2003 \.doc file, not \.docx; save it as \.docx \(Word Document\) first/g, 'đây là tệp .doc của Word 97-2003, không phải .docx; hãy lưu thành .docx (Word Document) trước'],
  [/this is an RTF file, not \.docx; save it as \.docx first/g, 'đây là tệp RTF, không phải .docx; hãy lưu thành .docx trước'],
  [/not a Word \.docx file \(it is not a zip package\)/g, 'không phải tệp Word .docx (không phải gói zip)'],
  [/not a Word document: '([^']*)' is missing from the package/g, "không phải tài liệu Word: gói thiếu '$1'"],
  [/the file is too short to be a Word document \(truncated\?\)/g, 'tệp quá ngắn để là tài liệu Word (bị cắt cụt?)'],
  [/damaged Word document: the zip directory is missing \(truncated or not a \.docx\)/g, 'tài liệu Word bị hỏng: thiếu thư mục zip (bị cắt cụt hoặc không phải .docx)'],
  [/damaged Word document: the zip directory points outside the file \(truncated\?\)/g, 'tài liệu Word bị hỏng: thư mục zip trỏ ra ngoài tệp (bị cắt cụt?)'],
  [/damaged Word document: bad zip directory record/g, 'tài liệu Word bị hỏng: bản ghi thư mục zip sai'],
  [/damaged Word document: a part lies outside the file/g, 'tài liệu Word bị hỏng: có phần nằm ngoài tệp'],
  [/damaged Word document: part '([^']*)' is missing \(truncated\?\)/g, "tài liệu Word bị hỏng: thiếu phần '$1' (bị cắt cụt?)"],
  [/damaged Word document: part '([^']*)' is cut short \(truncated\?\)/g, "tài liệu Word bị hỏng: phần '$1' bị cắt ngắn (bị cắt cụt?)"],
  [/damaged Word document: part '([^']*)' cannot be decompressed/g, "tài liệu Word bị hỏng: không giải nén được phần '$1'"],
  [/ZIP64 packages are not supported/g, 'chưa hỗ trợ gói ZIP64'],
  [/the package has (\d+) parts, more than the limit of (\d+) \(zip bomb\?\)/g, 'gói có $1 phần, vượt giới hạn $2 (bom zip?)'],
  [/part '([^']*)' is larger than the limit of (\d+) bytes/g, "phần '$1' lớn hơn giới hạn $2 byte"],
  [/part '([^']*)' uses an unsupported compression method \((\d+)\)/g, "phần '$1' dùng phương pháp nén chưa hỗ trợ ($2)"],
  [/part '([^']*)' inflates past the limit of (\d+) bytes \(zip bomb\?\)/g, "phần '$1' giải nén vượt giới hạn $2 byte (bom zip?)"],
  [/part '([^']*)' is not valid UTF-8/g, "phần '$1' không phải UTF-8 hợp lệ"],
  [/(\S+) contains a DOCTYPE \(DTDs and entity declarations are refused\)/g, '$1 có DOCTYPE (không nhận DTD và khai báo thực thể)'],
  [/(\S+) is not well-formed XML \(/g, '$1 không phải XML đúng dạng ('],
  // limits (src/parse/limits.ts)
  [/the time budget of (\S+(?: s| ms)?) for this file ran out while (.+?) \(--time-budget\)/g, 'hết thời gian cho phép ($1) cho tệp này khi đang $2 (--time-budget)'],
  [/(\S+) nests elements more than (\d+) deep \(the limit for (.+?) part\)/g, '$1 lồng phần tử sâu quá $2 mức (giới hạn cho phần $3)'],
  [/the package has more than ([\d,]+) XML elements \(the limit for (.+?) document\)/g, 'gói có hơn $1 phần tử XML (giới hạn cho tài liệu $2)'],
  // OpenDocument and spreadsheets (src/parse/odt.ts, sheet.ts)
  [/not an OpenDocument file \(it is not a zip package\)/g, 'không phải tệp OpenDocument (không phải gói zip)'],
  [/not an OpenDocument (text|spreadsheet): '([^']*)' is missing from the package/g, "không phải tài liệu OpenDocument: gói thiếu '$2'"],
  [/the workbook is password-protected \(encrypted\); remove the password and save it again/g, 'sổ tính có mật khẩu (đã mã hoá); hãy gỡ mật khẩu rồi lưu lại'],
  [/not an Excel workbook: '([^']*)' is missing from the package/g, "không phải sổ tính Excel: gói thiếu '$1'"],
  [/the workbook has more than (\d+) filled cells/g, 'sổ tính có hơn $1 ô có dữ liệu'],
  // PDF (src/parse/pdf.ts)
  [/the PDF is password-protected/g, 'tệp PDF có mật khẩu'],
  [/damaged PDF or not a PDF \(invalid structure\)/g, 'PDF bị hỏng hoặc không phải PDF (cấu trúc sai)'],
  [/damaged PDF \(/g, 'PDF bị hỏng ('],
  [/no text layer; OCR is not supported/g, 'không có lớp chữ; chưa hỗ trợ nhận dạng chữ (OCR)'],
  // config, baseline, merge, fixes
  [/cannot read config: /g, 'không đọc được cấu hình: '],
  [/cannot read baseline: /g, 'không đọc được baseline: '],
  [/: invalid JSON: /g, ': JSON không hợp lệ: '],
  [/no such file/g, 'không có tệp này'],
  [/is a directory/g, 'là một thư mục'],
  [/not a reportlint baseline \(expected /g, 'không phải tệp baseline của reportlint (cần '],
  [/not a reportlint JSON output \(version 1\)/g, 'không phải kết quả JSON của reportlint (phiên bản 1)'],
  [/(\S+) appears in more than one input/g, '$1 có mặt ở nhiều hơn một đầu vào'],
  [/cannot write (\S+): fixes are written only to UTF-8 and UTF-16 files/g, 'không ghi được $1: chỉ ghi bản sửa vào tệp UTF-8 và UTF-16'],
  [/unknown rule '([^']*)' \(see reportlint --list-rules\)/g, "không có quy tắc '$1' (xem reportlint --list-rules)"],
  [/expected a JSON object at the top level, got /g, 'cần một đối tượng JSON ở cấp cao nhất, nhận được '],
  [/expected an object of rule ids, got /g, 'cần một đối tượng gồm các mã quy tắc, nhận được '],
  [/unknown keys? /g, 'khoá không hợp lệ '],
  [/expected one of /g, 'cần một trong '],
  [/expected (\w+), got nothing/g, 'cần $1, không có giá trị'],
  [/expected (\w+), got /g, 'cần $1, nhận được '],
  [/ or \[severity, options\], got /g, ' hoặc [mức, tuỳ chọn], nhận được '],
  [/, got /g, ', nhận được '],
];

/** `message` in `lang`: English as given; Vietnamese phrase by phrase where a reading is known. */
export function translateReason(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  let out = message;
  for (const [re, vi] of REASONS) out = out.replace(re, vi);
  return out;
}

/** The reasons translateReason knows (for the completeness test). */
export function reasonPatterns(): RegExp[] {
  return REASONS.map(([re]) => re);
}
