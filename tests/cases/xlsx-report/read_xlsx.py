# Reads a workbook back with openpyxl (run with /usr/bin/python3, Debian's,
# which has it) and prints what a coordinator relies on: the sheets, the
# frozen header, the filter, the column widths, and for the first rows each
# cell's type and number format.
import datetime
import sys

import openpyxl


def kind(cell):
    v = cell.value
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, datetime.datetime):
        return "date[%s]" % cell.number_format
    if isinstance(v, (int, float)):
        return "num[%s]" % cell.number_format
    return "text"


def main(path, rows):
    wb = openpyxl.load_workbook(path)
    print("%s: sheets %s" % (path, ", ".join(wb.sheetnames)))
    print("  title: %s; creator: %s; created: %s" % (wb.properties.title, wb.properties.creator,
                                                     wb.properties.created.isoformat()))
    for ws in wb:
        widths = [round(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width or 0)
                  for c in range(1, ws.max_column + 1)]
        print("== %s: %d rows, frozen at %s, filter %s, widths %s" % (
            ws.title, ws.max_row - 1, ws.freeze_panes, ws.auto_filter.ref, widths))
        header = [c.value for c in ws[1]]
        print("  header: %s" % " | ".join(header))
        assert all(ws.cell(1, c).font.b for c in range(1, ws.max_column + 1)), "header not bold"
        for r in range(2, min(ws.max_row, 1 + rows) + 1):
            cells = ws[r]
            print("  row %d: %s" % (r, " | ".join("%s=%s" % (kind(c), c.value if not isinstance(c.value, datetime.datetime)
                                                            else c.value.date().isoformat()) for c in cells)))


main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2)
