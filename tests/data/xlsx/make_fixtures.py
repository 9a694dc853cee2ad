#!/usr/bin/python3
"""Writes the .xlsx reader's fixtures (run once; the outputs are checked in):
tests/data/xlsx/openpyxl.xlsx and openpyxl-1904.xlsx (python3-openpyxl, Debian's),
libreoffice.xlsx (openpyxl.xlsx re-saved by LibreOffice), crafted.xlsx (parts
written by hand: what Excel and others write beyond libxlsxwriter), and the
hostile corpus tests/data/hostile/xlsx/ (each file's message is asserted in
tests/test_xlsx_read.c). Usage: /usr/bin/python3 tests/data/xlsx/make_fixtures.py"""
import datetime
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
HOSTILE = os.path.join(HERE, "..", "hostile", "xlsx")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')


def rels(items):
    body = "".join('<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % i for i in items)
    return DECL + '<Relationships xmlns="%s">%s</Relationships>' % (PKG, body)


def write_zip(path, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, compress_type=method)


def basic(sheet_data, sst=None, workbook_extra="", sheet_target="worksheets/sheet1.xml"):
    """The parts of a one-sheet workbook, laid out as Excel does."""
    wb_rels = [("rId1", REL, "worksheet", sheet_target)]
    if sst is not None:
        wb_rels.append(("rId2", REL, "sharedStrings", "sharedStrings.xml"))
    parts = [
        ("[Content_Types].xml", CT),
        ("_rels/.rels", rels([("rId1", REL, "officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", DECL + '<workbook xmlns="%s" xmlns:r="%s">%s<sheets>'
         '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, REL, workbook_extra)),
        ("xl/_rels/workbook.xml.rels", rels(wb_rels)),
        ("xl/worksheets/sheet1.xml", DECL + '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>'
         % (MAIN, sheet_data)),
    ]
    if sst is not None:
        parts.append(("xl/sharedStrings.xml", sst))
    return parts


def openpyxl_files():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tự chấm"
    ws["A1"] = "Mã"
    ws["B1"] = "Tiêu chí"
    ws["C1"] = "Điểm"
    ws["A2"] = "1.1.1"
    ws["B2"] = "Ban hành kế hoạch CCHC năm"
    ws["C2"] = 0.75
    ws["D2"] = True
    ws["E2"] = "#DIV/0!"
    ws["F2"] = "=C2*2"
    ws["G2"] = datetime.date(2019, 1, 12)
    ws["G2"].number_format = "dd/mm/yyyy"
    ws["A3"] = "1.1.2"
    ws["C3"] = "0,5"
    ws["D3"] = "Không"
    ws["C4"] = 0.1 + 0.2
    ws["A4"] = "ẩn"
    ws.row_dimensions[4].hidden = True
    ws["A76"] = "cuối"
    hidden = wb.create_sheet("Ẩn")
    hidden["A1"] = 1
    hidden.sheet_state = "hidden"
    meta = wb.create_sheet("cchc")
    meta["A1"] = "format"
    meta["B1"] = "cchc-workbook/1"
    meta.sheet_state = "veryHidden"
    wb.iso_dates = True
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))

    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws["A1"] = datetime.date(2019, 1, 12)
    ws["A1"].number_format = "d/m/yyyy"
    wb.save(os.path.join(HERE, "openpyxl-1904.xlsx"))


def libreoffice_file():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: libreoffice.xlsx, old.xls and ods.ods not written")
        return
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(tmp, "libreoffice.xlsx")
        shutil.copy(os.path.join(HERE, "openpyxl.xlsx"), src)
        out = os.path.join(tmp, "out")
        env = ["-env:UserInstallation=file://" + os.path.join(tmp, "profile")]
        for fmt in ('xlsx:Calc MS Excel 2007 XML', "xls", "ods"):
            subprocess.run([soffice, *env, "--headless", "--convert-to", fmt, "--outdir", out, src],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "libreoffice.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))
        shutil.copy(os.path.join(out, "libreoffice.xls"), os.path.join(HOSTILE, "old.xls"))
        shutil.copy(os.path.join(out, "libreoffice.ods"), os.path.join(HOSTILE, "ods.ods"))
    finally:
        shutil.rmtree(tmp)


def crafted_file():
    """A workbook at a path of its own (wb/book.xml), 1904 dates, relationship
    targets absolute and relative, a rich and a phonetic shared string,
    inline strings with _xHHHH_ escapes, t="str", "e", "d" and "b", cells and
    rows without r=, custom date formats, a shared formula, a chart sheet."""
    sst = (DECL + '<sst xmlns="%s" count="4" uniqueCount="4">'
           '<si><t>Có</t></si>'
           '<si><r><rPr><b/></rPr><t>Kế hoạch </t></r><r><t xml:space="preserve">số 45</t></r></si>'
           '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
           '<si><t>a_x000D_b</t></si>'
           '</sst>' % MAIN)
    styles = (DECL + '<styleSheet xmlns="%s"><numFmts count="3">'
              '<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>'
              '<numFmt numFmtId="165" formatCode="&quot;ngày&quot; 0"/>'
              '<numFmt numFmtId="166" formatCode="[Red]0.00;[Blue]\\-0.00"/>'
              '</numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/>'
              '<xf numFmtId="166"/><xf numFmtId="14"/></cellXfs></styleSheet>' % MAIN)
    sheet = (DECL + '<worksheet xmlns="%s"><dimension ref="A1:E4"/><sheetData>'
             '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>'
             '<row r="3" hidden="true"><c r="B3" s="1"><v>43477</v></c><c s="2"><v>5</v></c>'
             '<c s="3"><v>0.30000000000000004</v></c><c s="4"><v>1</v></c></row>'
             '<row><c t="inlineStr"><is><r><t>dòng</t></r><r><t xml:space="preserve"> 4_x000A_</t></r></is></c>'
             '<c t="str"><f>A4&amp;"!"</f><v>dòng 4!</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c>'
             '<c t="d"><v>2019-01-12T12:00:00</v></c><c t="b"><v>0</v></c>'
             '<c><f t="shared" ref="F4:G4" si="0">A1</f><v>7</v></c><c><f t="shared" si="0"/><v>8</v></c>'
             '<c s="1"/></row>'
             '</sheetData></worksheet>' % MAIN)
    parts = [
        ("[Content_Types].xml", CT),
        ("_rels/.rels", rels([("rId1", REL, "officeDocument", "/wb/book.xml")])),
        ("wb/book.xml", DECL + '<x:workbook xmlns:x="%s" xmlns:r="%s"><x:workbookPr date1904="1"/><x:sheets>'
         '<x:sheet name="Dữ liệu" sheetId="1" r:id="rId1"/>'
         '<x:sheet name="Biểu đồ" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>'
         % (MAIN, REL)),
        ("wb/_rels/book.xml.rels", rels([("rId1", REL, "worksheet", "/wb/sheets/data.xml"),
                                         ("rId2", REL, "chartsheet", "sheets/chart.xml"),
                                         ("rId3", REL, "sharedStrings", "../shared/strings.xml"),
                                         ("rId4", REL, "styles", "./styles.xml")])),
        ("wb/sheets/data.xml", sheet),
        ("wb/sheets/chart.xml", DECL + '<chartsheet xmlns="%s"/>' % MAIN),
        ("shared/strings.xml", sst),
        ("wb/styles.xml", styles),
    ]
    write_zip(os.path.join(HERE, "crafted.xlsx"), parts)


def hostile_files():
    def out(name):
        return os.path.join(HOSTILE, name)

    with open(out("not-a-zip.xlsx"), "w") as f:
        f.write("Mã,Tiêu chí,Điểm\n1.1.1,Kế hoạch,0.5\n")
    # 4 MiB of spaces pack to a few KiB: over 200:1
    write_zip(out("bomb.xlsx"), basic("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + " " * (4 << 20)))
    # a central directory that claims 80 MiB for a small part
    path = out("bomb-declared.xlsx")
    write_zip(path, basic('<row r="1"><c r="A1"><v>1</v></c></row>'), zipfile.ZIP_STORED)
    data = bytearray(open(path, "rb").read())
    at = data.find(b"PK\x01\x02xl/worksheets/sheet1.xml"[:4], 0)
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, at + 24, 80 << 20)
        at = data.find(b"PK\x01\x02", at + 4)
    open(path, "wb").write(bytes(data))
    # entries that try to leave the package: ignored, never opened
    parts = basic('<row r="1"><c r="A1"><v>1</v></c></row>')
    parts += [("../../evil.xml", "x"), ("/etc/passwd", "x"), ("xl/../../up.xml", "x"), ("a\\b.xml", "x")]
    write_zip(out("dotdot-entries.xlsx"), parts)
    # a sheet relationship that climbs out of the package
    write_zip(out("dotdot-target.xlsx"),
              basic('<row r="1"><c r="A1"><v>1</v></c></row>', sheet_target="../../../etc/passwd"))
    parts = basic('<row r="1"><c r="A1"><v>1</v></c></row>')
    parts[2] = ("xl/workbook.xml", DECL + '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + parts[2][1][len(DECL):]
                .replace('name="Sheet1"', 'name="&b;"'))
    write_zip(out("doctype.xlsx"), parts)
    write_zip(out("too-many-rows.xlsx"), basic('<row r="1"><c r="A1"><v>1</v></c></row>'
                                                '<row r="1048577"><c r="A1048577"><v>2</v></c></row>'))
    write_zip(out("huge-sst.xlsx"), basic('<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                                          sst=DECL + '<sst xmlns="%s" count="5000000" uniqueCount="5000000">'
                                          '<si><t>a</t></si></sst>' % MAIN))
    # an encrypted workbook: an OLE compound file whose directory names EncryptedPackage
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 30, 9)
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", "EncryptionInfo", "EncryptedPackage"]):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[i * 128:i * 128 + len(raw)] = raw
        struct.pack_into("<H", directory, i * 128 + 64, len(raw))
    open(out("encrypted.xlsx"), "wb").write(bytes(header + directory))
    parts = [("[Content_Types].xml", CT),
             ("_rels/.rels", rels([("rId1", REL, "officeDocument", "xl/workbook.bin")])),
             ("xl/workbook.bin", b"\x83\x01\x00")]
    write_zip(out("binary.xlsb"), parts)
    # a sheet part in UTF-16
    parts = basic('<row r="1"><c r="A1"><v>1</v></c></row>')
    parts[4] = (parts[4][0], parts[4][1].replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    write_zip(out("utf16-part.xlsx"), parts)
    # two parts with one name (which one a reader takes is a way to hide content)
    parts = basic('<row r="1"><c r="A1"><v>1</v></c></row>')
    parts.append(("XL/Worksheets/Sheet1.xml", parts[4][1].replace("<v>1</v>", "<v>2</v>")))
    write_zip(out("duplicate-part.xlsx"), parts)
    # a sheet whose bytes do not match its CRC, and a part flagged encrypted
    for name, patch in (("bad-crc.xlsx", "crc"), ("encrypted-entry.xlsx", "flag")):
        path = out(name)
        write_zip(path, basic('<row r="1"><c r="A1"><v>1</v></c></row>'), zipfile.ZIP_STORED)
        data = bytearray(open(path, "rb").read())
        if patch == "crc":
            at = data.find(b"<v>1</v>")
            data[at + 3] = ord("7")
        else:
            at = data.find(b"PK\x01\x02")
            while at >= 0:
                name_len = struct.unpack_from("<H", data, at + 28)[0]
                if data[at + 46:at + 46 + name_len] == b"xl/worksheets/sheet1.xml":
                    data[at + 8] |= 1
                at = data.find(b"PK\x01\x02", at + 4)
        open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    os.makedirs(HOSTILE, exist_ok=True)
    openpyxl_files()
    libreoffice_file()
    crafted_file()
    hostile_files()
