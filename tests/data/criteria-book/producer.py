#!/usr/bin/python3
"""Write a criteria-set workbook from nothing but the layout in sheets/README.md
("The criteria-set workbook"), as another producer would: openpyxl (Debian's
python3-openpyxl), English headers in an order of its own, numbers as floats,
a date as a date cell and another typed as text, Vietnamese decimal commas.

usage: producer.py OUT.xlsx"""
import datetime
import sys

import openpyxl


def main(argv):
    wb = openpyxl.Workbook()
    meta = wb.active
    meta.title = "cchc"
    for row in (("format", "cchc-workbook/1"), ("kind", "criteria")):
        meta.append(row)
    meta.sheet_state = "hidden"

    s = wb.create_sheet("Criteria set")
    s.append(["A tiny set"])
    s.append([])
    s.append(["Key", "Value", "Minimum"])
    for row in (("id", "tiny-2019"), ("year", 2019), ("title", "Bộ nhỏ năm 2019"), ("max", 10),
                ("na", "award"), ("band", "Tốt", 80), ("band", "Đạt", "50,5"), ("band", "Chưa đạt", 0)):
        s.append(list(row))

    t = wb.create_sheet("Criteria")
    t.append(["Bộ nhỏ"])
    t.append([])
    head = ["Id", "Level", "Criterion", "Max points", "Rule kind", "Due", "Grace days", "Grace points",
            "Better", "Threshold", "Tier points", "Share (%)", "Remedy", "Owner", "Step"]
    t.append(head)
    col = {h: i for i, h in enumerate(head)}

    def row(**cells):
        r = [None] * len(head)
        for k, v in cells.items():
            r[col[k]] = v
        t.append(r)

    row(Id="1", Level=1, Criterion="Chỉ đạo, điều hành", **{"Max points": 10})
    row(Id="1.1", Level=2, Criterion="Ban hành kế hoạch", **{"Max points": 2, "Rule kind": "deadline",
        "Due": datetime.date(2019, 1, 31), "Grace days": 10, "Grace points": "1,5",
        "Remedy": "Ban hành đúng hạn", "Owner": "Văn phòng"})
    row(Id="1.2", Level=2, Criterion="Tỷ lệ hồ sơ trễ hạn", **{"Max points": 3, "Rule kind": "tiers",
        "Better": "lower"})
    row(Level="Tier", Threshold=0, **{"Tier points": 3})
    row(Level="Tier", Threshold="5,5", **{"Tier points": 1.5})
    row(Id="1.3", Level=2, Criterion="Kết quả", **{"Max points": 5})
    row(Id="1.3.1", Level=3, Criterion="Xếp loại", **{"Max points": 4, "Rule kind": "grade"})
    row(Id="a", Level="Grade", Criterion="Tốt", **{"Share (%)": 100})
    row(Id="b", Level="Grade", Criterion="Đạt", **{"Share (%)": 50})
    row(Id="1.3.2", Level=3, Criterion="Hội đồng chấm", **{"Max points": 1, "Rule kind": "judged", "Step": 0.5})
    wb.save(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
