"""How warnings.xls was made (once; the program has no .xls writer): with xlwt 1.3.0 in a
throwaway environment, `pip install xlwt && python make_xls.py`. The file is an Excel 97-2003
(BIFF8) workbook as county centres still send: a title row, then the header and two warnings,
the mobile stored as a number and the time as a date cell."""

import datetime as dt

import xlwt

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("预警名单")
when = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm")
sheet.write(0, 0, "2026年11月预警名单（第47期）")
for column, name in enumerate(["预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码"]):
    sheet.write(1, column, name)
rows = [
    ("YJ101", dt.datetime(2026, 11, 25, 9, 30), "国家反诈中心", "高风险", "罗某某", 13812345678),
    ("YJ102", dt.datetime(2026, 11, 26, 14, 5), "96110", "中", "韦某", 13912345678),
]
for index, row in enumerate(rows, start=2):
    for column, value in enumerate(row):
        sheet.write(index, column, value, when if column == 1 else xlwt.Style.default_style)
book.save("warnings.xls")
