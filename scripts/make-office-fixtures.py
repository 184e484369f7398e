#!/usr/bin/env python3
# Makes the office fixtures with LibreOffice (soffice on the PATH), deterministically:
#   - fixtures/office/bao-cao-164-TB-TU.{odt,doc,rtf}: the example report (.txt) opened and saved
#     by LibreOffice Writer;
#   - fixtures/sheets/annex-{wrong,right}.{xlsx,ods} and fixtures/sheet-formula/*: spreadsheet
#     annexes written as flat ODF (.fods, with formulas and their saved results) and saved by
#     LibreOffice Calc as .xlsx and .ods. LibreOffice keeps the saved results of a file it did
#     not write itself, so a stale result stays stale, as in a workbook saved without
#     recalculating.
#   - fixtures/office/numbering-table-tracked-comment.odt: the hand-written .docx saved by Writer;
#   - fixtures/office/{invalid,valid}-word-comment-directive.{docx,odt}: a misspelling under a
#     Writer comment typed as Word's autocorrect leaves it ("Reportlint-disable", NBSP, smart
#     quotes, a dash), saved as .docx and .odt; the valid twin has no comment.
#   - fixtures/office/outline-numbering.odt: headings numbered by the outline style, a bullet list
#     with a lettered sub-list (Writer's own numbering, rendered by the reader);
# Usage: python3 scripts/make-office-fixtures.py [example|hand|directive|outline|sheets]...   (from the
# repository root; no argument = all)
import os, shutil, subprocess, sys, tempfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TMP = tempfile.mkdtemp(prefix='reportlint-fixtures-')
PROFILE = f'-env:UserInstallation=file://{TMP}/profile'

def soffice(args, cwd):
    subprocess.run(['soffice', PROFILE, '--headless', '--norestore', *args], cwd=cwd, check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def convert(src, fmt, outdir, infilter=None):
    args = ([f'--infilter={infilter}'] if infilter else []) + ['--convert-to', fmt, '--outdir', outdir, src]
    soffice(args, TMP)

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')
STYLES = ('<office:automatic-styles>'
          '<number:number-style style:name="N3" number:language="vi" number:country="VN"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
          '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N3"/>'
          '</office:automatic-styles>')

def vi(n):
    return f'{n:,}'.replace(',', '.')

def cell(v, span=None, note=None):
    """v: text, an int, or (formula, saved result)."""
    attrs = f' table:number-columns-spanned="{span}"' if span else ''
    ann = f'<office:annotation><dc:creator>Kế toán</dc:creator><text:p>{escape(note)}</text:p></office:annotation>' if note else ''
    if v is None:
        return '<table:table-cell/>'
    if isinstance(v, tuple):
        f, r = v
        return f'<table:table-cell table:style-name="ce1"{attrs} table:formula="of:={escape(f)}" office:value-type="float" office:value="{r}">{ann}<text:p>{vi(r)}</text:p></table:table-cell>'
    if isinstance(v, int):
        return f'<table:table-cell table:style-name="ce1"{attrs} office:value-type="float" office:value="{v}">{ann}<text:p>{vi(v)}</text:p></table:table-cell>'
    return f'<table:table-cell{attrs} office:value-type="string">{ann}<text:p>{escape(v)}</text:p></table:table-cell>'

def covered(n):
    return '<table:covered-table-cell/>' * n

def table(name, rows, width):
    out = [f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{width}"/>']
    for r in rows:
        out.append('<table:table-row>' + ''.join(r) + '</table:table-row>')
    out.append('</table:table>')
    return ''.join(out)

def fods(path, tables):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
                f'{STYLES}<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body></office:document>\n')

def ref(col, row):
    return f'[.{col}{row}]'

def annex(wrong):
    # Sheet "Thu": typed by hand. Wrong: the total row's "Phí, lệ phí" (D10) and one commune's total column (F7).
    communes = [('Xã Diễn Châu', 1250, 320, 85), ('Xã Diễn Hoa', 980, 210, 40), ('Xã Diễn Phúc', 1540, 455, 125), ('Xã Diễn Kim', 760, 180, 65), ('Xã Diễn Tháp', 1105, 240, 90)]
    thu = [
        [cell('BIỂU 01. KẾT QUẢ THU NGÂN SÁCH CÁC XÃ QUÝ I NĂM 2026', span=6), covered(5)],
        [cell('(Kèm theo Báo cáo số 15/BC-UBND ngày 05/4/2026 của Ủy ban nhân dân huyện)', span=6), covered(5)],
        [cell(None)] * 5 + [cell('Đơn vị tính: triệu đồng')],
        [cell('STT'), cell('Đơn vị'), cell('Thu thuế'), cell('Phí, lệ phí'), cell('Thu khác'), cell('Tổng cộng')],
    ]
    for i, (name, a, b, c) in enumerate(communes):
        total = a + b + c + (10 if wrong and i == 2 else 0)
        thu.append([cell(i + 1), cell(name), cell(a), cell(b), cell(c), cell(total)])
    sa = sum(x[1] for x in communes); sb = sum(x[2] for x in communes); sc = sum(x[3] for x in communes)
    db = sb + (10 if wrong else 0)
    thu.append([cell('Tổng cộng', span=2), covered(1), cell(sa), cell(db), cell(sc), cell(sa + db + sc)])
    thu.append([cell(None)])
    thu.append([cell('Người lập biểu'), cell(None), cell(None), cell(None), cell('Chủ tịch Ủy ban nhân dân huyện')])
    # Sheet "Chi": formulas. Wrong: the saved result of E5 (=C5-D5) is out of date.
    items = [('Chi đầu tư phát triển', 5000, 3200), ('Chi thường xuyên', 12000, 2950), ('Chi dự phòng ngân sách', 600, 0), ('Chi khác', 400, 120)]
    chi = [
        [cell('BIỂU 02. TÌNH HÌNH CHI NGÂN SÁCH HUYỆN QUÝ I NĂM 2026', span=5), covered(4)],
        [cell(None)] * 4 + [cell('Đơn vị tính: triệu đồng')],
        [cell('STT'), cell('Nội dung chi'), cell('Dự toán năm'), cell('Đã chi quý I'), cell('Còn lại')],
    ]
    saved_e = []
    for i, (name, a, b) in enumerate(items):
        r = 4 + i
        e = a - b + (100 if wrong and i == 1 else 0)
        saved_e.append(e)
        chi.append([cell(i + 1), cell(name), cell(a), cell(b), cell((f'{ref("C", r)}-{ref("D", r)}', e))])
    chi.append([cell(None), cell('Cộng'), cell((f'SUM([.C4:.C7])', sum(x[1] for x in items))), cell((f'SUM([.D4:.D7])', sum(x[2] for x in items))), cell((f'SUM([.E4:.E7])', sum(saved_e)))])
    return [table('Thu', thu, 6), table('Chi', chi, 5)]

def totals_sheet(constant, stale):
    # fixtures for sheet-formula alone: a total row of SUM formulas, one typed by hand (constant) or one saved result out of date (stale)
    rows = [[cell('STT'), cell('Đơn vị'), cell('Số hộ'), cell('Số nhân khẩu'), cell('Số lao động')]]
    data = [('Thôn 1', 120, 480, 260), ('Thôn 2', 95, 401, 210), ('Thôn 3', 143, 566, 301)]
    for i, (name, a, b, c) in enumerate(data):
        rows.append([cell(i + 1), cell(name), cell(a), cell(b), cell(c)])
    sums = [sum(x[k] for x in data) for k in (1, 2, 3)]
    tot = [cell(None), cell('Tổng số')]
    for k, col in enumerate('CDE'):
        if constant and col == 'D':
            tot.append(cell(sums[k]))
        else:
            tot.append(cell((f'SUM([.{col}2:.{col}4])', sums[k])))
    rows.append(tot)
    # a rate column computed from the figures: its saved result can be stale
    rows.append([cell(None), cell('Bình quân nhân khẩu một hộ'), cell(None), cell((f'ROUND([.D5]/[.C5];0)', 4 + (1 if stale else 0))), cell(None)])
    return [table('Dân số', rows, 5)]

TEXT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')

def fodt(path, directive):
    ann = ''
    end = ''
    if directive:
        ann = ('<office:annotation office:name="c1"><dc:creator>Trưởng phòng</dc:creator><dc:date>2026-04-02T09:00:00</dc:date>'
               f'<text:p>{escape(directive)}</text:p></office:annotation>')
        end = '<office:annotation-end office:name="c1"/>'
    body = ('<text:p>BÁO CÁO KẾT QUẢ CÔNG TÁC QUÝ I NĂM 2026</text:p>'
            '<text:p>Ủy ban nhân dân huyện đã chỉ đạo các phòng, ban thực hiện tốt nhiệm vụ được giao.</text:p>'
            f'<text:p>Đồng chí Trưởng phòng chịu trách nhiệm về {ann}kết quả thẩm địnk{end} hồ sơ theo quy định.</text:p>'
            '<text:p>Các xã hoàn thành kế hoạch thu ngân sách đúng tiến độ; công tác thẩm định hồ sơ được thực hiện nghiêm túc.</text:p>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {TEXT_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
                f'<office:body><office:text>{body}</office:text></office:body></office:document>\n')

OUTLINE = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:styles>'
           '<text:outline-style style:name="Outline">'
           '<text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>'
           '<text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="."/>'
           '<text:outline-level-style text:level="3" style:num-format="1" style:num-suffix="." text:display-levels="2"/>'
           '</text:outline-style>'
           '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="-"/>'
           '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/></text:list-style>'
           '</office:styles><office:body><office:text>'
           '<text:h text:outline-level="1">KẾT QUẢ THỰC HIỆN</text:h>'
           '<text:h text:outline-level="2">Thu ngân sách</text:h>'
           '<text:h text:outline-level="3">Thu nội địa đạt kế hoạch.</text:h>'
           '<text:h text:outline-level="3">Thu khác chưa đạt kế hoạch.</text:h>'
           '<text:list text:style-name="L1"><text:list-item><text:p>Nguyên nhân:</text:p><text:list>'
           '<text:list-item><text:p>nguồn thu từ đất giảm;</text:p></text:list-item>'
           '<text:list-item><text:p>một số dự án chậm tiến độ.</text:p></text:list-item></text:list></text:list-item></text:list>'
           '<text:h text:outline-level="1">TỒN TẠI, HẠN CHẾ</text:h>'
           '<text:h text:outline-level="2">Chậm giải ngân vốn đầu tư công</text:h>'
           '</office:text></office:body></office:document>\n')

def main():
    if not shutil.which('soffice'):
        sys.exit('soffice (LibreOffice) is not on the PATH')
    groups = set(sys.argv[1:]) or {'example', 'hand', 'directive', 'outline', 'sheets'}
    office = os.path.join(ROOT, 'fixtures/office')
    sheets = os.path.join(ROOT, 'fixtures/sheets')
    rule = os.path.join(ROOT, 'fixtures/sheet-formula')
    for d in (office, sheets, rule):
        os.makedirs(d, exist_ok=True)
    if 'hand' in groups:
        hand = os.path.join(TMP, 'numbering-table-tracked-comment.docx')
        shutil.copy(os.path.join(ROOT, 'fixtures/docx/numbering-table-tracked-comment.docx'), hand)
        convert(hand, 'odt', TMP)
        shutil.copy(os.path.join(TMP, 'numbering-table-tracked-comment.odt'), office)
    if 'directive' in groups:
        for name, directive in (('invalid-word-comment-directive', None), ('valid-word-comment-directive', 'Reportlint-disable\u00a0“spelling” – tên đề án viết theo văn bản gốc')):
            src = os.path.join(TMP, f'{name}.fodt')
            fodt(src, directive)
            for fmt in ('docx', 'odt'):
                convert(src, fmt, TMP)
                shutil.copy(os.path.join(TMP, f'{name}.{fmt}'), office)
    if 'outline' in groups:
        src = os.path.join(TMP, 'outline-numbering.fodt')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(OUTLINE)
        convert(src, 'odt', TMP)
        shutil.copy(os.path.join(TMP, 'outline-numbering.odt'), office)
    if 'example' not in groups and 'sheets' not in groups:
        shutil.rmtree(TMP, ignore_errors=True)
        return
    # the example report through Writer
    txt = os.path.join(TMP, 'bao-cao-164-TB-TU.txt')
    shutil.copy(os.path.join(ROOT, 'fixtures/example/bao-cao-164-TB-TU.txt'), txt)
    if 'example' in groups:
        convert(txt, 'odt', TMP, infilter='Text (encoded):UTF8')
        odt = os.path.join(TMP, 'bao-cao-164-TB-TU.odt')
        for fmt in ('doc', 'rtf'):
            convert(odt, fmt, TMP)
        for ext in ('odt', 'doc', 'rtf'):
            shutil.copy(os.path.join(TMP, f'bao-cao-164-TB-TU.{ext}'), office)
    if 'sheets' not in groups:
        shutil.rmtree(TMP, ignore_errors=True)
        return
    # annexes
    jobs = [
        (sheets, 'annex-wrong', annex(True)), (sheets, 'annex-right', annex(False)),
        (rule, 'invalid-constant-total', totals_sheet(True, False)), (rule, 'valid-constant-total', totals_sheet(False, False)),
        (rule, 'invalid-stale', totals_sheet(False, True)), (rule, 'valid-stale', totals_sheet(False, False)),
    ]
    for outdir, name, tables in jobs:
        src = os.path.join(TMP, f'{name}.fods')
        fods(src, tables)
        for fmt in ('xlsx', 'ods'):
            convert(src, fmt, TMP)
            shutil.copy(os.path.join(TMP, f'{name}.{fmt}'), outdir)
    shutil.rmtree(TMP, ignore_errors=True)

main()
