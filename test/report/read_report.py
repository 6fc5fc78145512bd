"""Reads a generated report back with readers we did not write (Debian's python3-openpyxl and
python3-docx) and prints what they see as JSON, for test/report/files.test.ts to compare with the
engine's numbers. Usage: python3 read_report.py report.xlsx report.docx"""
import json
import sys

import docx
import openpyxl


def read_xlsx(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows, formats, types = [], [], []
        for row in ws.iter_rows():
            rows.append([c.value for c in row])
            formats.append([c.number_format for c in row])
            types.append([c.data_type for c in row])
        sheets.append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "rows": rows,
            "formats": formats,
            "types": types,
        })
    return {"sheets": sheets}


def read_docx(path):
    d = docx.Document(path)
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in d.tables]
    header_repeats = []
    for t in d.tables:
        tr_pr = t.rows[0]._tr.trPr
        header_repeats.append(tr_pr is not None and tr_pr.find(docx.oxml.ns.qn("w:tblHeader")) is not None)
    images = []
    for shape in d.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = d.part.related_parts[blip.embed]
        images.append({
            "content_type": part.content_type,
            "bytes": len(part.blob),
            "png": part.blob[:8] == b"\x89PNG\r\n\x1a\n",
            "width_emu": shape.width,
            "height_emu": shape.height,
        })
    paragraphs = [{"text": p.text, "style": p.style.name} for p in d.paragraphs]
    section = d.sections[0]
    return {
        "tables": tables,
        "headerRepeats": header_repeats,
        "images": images,
        "paragraphs": paragraphs,
        "page": {"width": section.page_width, "height": section.page_height},
    }


if __name__ == "__main__":
    print(json.dumps({"xlsx": read_xlsx(sys.argv[1]), "docx": read_docx(sys.argv[2])}, ensure_ascii=False, default=str))
