#!/usr/bin/python3
"""Another producer: write a self-assessment workbook from an assessment XML with openpyxl,
following only the layout documented in sheets/README.md (not cchc's template).

usage: wb_producer.py CRITERIA.xml ASSESSMENT.xml OUT.xlsx [CRITERIA.xml ASSESSMENT.xml OUT.xlsx]...

It differs from cchc's own workbook on purpose: English headers in another order with an extra
column, the header on row 2, only the leaf rows and in reverse order, every value typed as text
the Vietnamese way ("0,75", "12/02/2018", "Có", grade labels), no formulas, and the "cchc" sheet
visible and last.
"""
import sys
import xml.etree.ElementTree as ET

import openpyxl

A = "{urn:cchc:assessment:1}"
C = "{urn:cchc:criteria:1}"


def vi_number(text):
    return text.replace(".", ",")


def vi_date(iso):
    y, m, d = iso.split("-")
    return "%s/%s/%s" % (d, m, y)


def main(argv):
    for i in range(1, len(argv) - 2, 3):
        produce(argv[i:i + 3])
    return 0


def produce(argv):
    crit = ET.parse(argv[0]).getroot()
    root = ET.parse(argv[1]).getroot()
    labels = {}
    for c in crit.iter(C + "criterion"):
        rule = c.find(C + "rule")
        if rule is not None and rule.get("kind") == "grade":
            labels[c.get("id")] = {g.get("id"): g.get("label") for g in rule.findall(C + "grade")}
    agency = root.find(A + "agency")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Self-assessment"
    rounds = sorted({int(a.get("round", "1")) for a in root.findall(A + "appraisal")})
    cols = ["Explanation", "Evidence documents", "Self-assessed", "Not applicable", "Id", "Remarks",
            "Done (Yes/No)", "Date issued", "Value", "Count", "Numerator", "Denominator", "Grade",
            "Council's points"]
    for r in rounds:
        cols += ["Appraisal round %d" % r, "Appraised by, round %d" % r, "Reason, round %d" % r]
    ws.append(["made by another program"])
    ws.append(cols)
    at = {name: i for i, name in enumerate(cols)}
    rows = {}
    for it in root.findall(A + "item"):
        row = [None] * len(cols)
        cid = it.get("criterion")
        row[at["Id"]] = cid
        if it.get("met") is not None:
            row[at["Done (Yes/No)"]] = "Có" if it.get("met") == "true" else "Không"
        if it.get("date"):
            row[at["Date issued"]] = vi_date(it.get("date"))
        if it.get("value"):
            row[at["Value"]] = vi_number(it.get("value"))
        for attr, col in (("count", "Count"), ("numerator", "Numerator"), ("denominator", "Denominator")):
            if it.get(attr):
                row[at[col]] = it.get(attr)
        if it.get("grade"):
            row[at["Grade"]] = labels[cid][it.get("grade")]
        if it.get("points"):
            row[at["Council's points"]] = vi_number(it.get("points"))
        if it.get("self"):
            row[at["Self-assessed"]] = vi_number(it.get("self"))
        if it.get("na") == "true":
            row[at["Not applicable"]] = "không áp dụng"
        if it.get("note"):
            row[at["Explanation"]] = it.get("note")
        docs = []
        for d in it.findall(A + "doc"):
            line = d.get("ref")
            if d.get("file"):
                line += " | " + d.get("file")
            elif "|" in line:
                line += " |"
            docs.append(line)
        if docs:
            row[at["Evidence documents"]] = "\n".join(docs)
        rows[cid] = row
    for a in root.findall(A + "appraisal"):
        cid = a.get("criterion")
        if cid not in rows:
            rows[cid] = [None] * len(cols)
            rows[cid][at["Id"]] = cid
        r = int(a.get("round", "1"))
        rows[cid][at["Appraisal round %d" % r]] = vi_number(a.get("points"))
        rows[cid][at["Appraised by, round %d" % r]] = a.get("by")
        rows[cid][at["Reason, round %d" % r]] = a.get("reason")
    for cid in reversed(list(rows)):
        ws.append(rows[cid])

    sv = wb.create_sheet("Survey")
    options = []
    for s in root.findall(A + "survey"):
        for ans in s.findall(A + "answer"):
            if ans.get("option") not in options:
                options.append(ans.get("option"))
    sv.append(["Id", "Respondents", "Mean", "Standard deviation"] + ["Option " + o for o in options])
    for s in root.findall(A + "survey"):
        row = [s.get("criterion"), s.get("respondents"),
               vi_number(s.get("mean")) if s.get("mean") else None,
               vi_number(s.get("sd")) if s.get("sd") else None] + [None] * len(options)
        for ans in s.findall(A + "answer"):
            row[4 + options.index(ans.get("option"))] = ans.get("count")
        sv.append(row)

    meta = wb.create_sheet("cchc")
    pairs = [("format", "cchc-workbook/1"), ("kind", "assessment"),
             ("criteria-set", root.get("criteria-set")), ("year", root.get("year")),
             ("agency", agency.get("id")), ("name", agency.get("name")),
             ("block", agency.get("block")), ("sheet.assessment", "Self-assessment"),
             ("sheet.survey", "Survey")]
    pub = root.find(A + "published")
    if pub is not None:
        pairs.append(("published", "yes"))
        for k in ("total", "rank", "band", "source"):
            if pub.get(k):
                v = pub.get(k)
                if k == "total":
                    v = "%.2f" % float(v)
                pairs.append(("published." + k, v))
        for el in ("group", "criterion"):
            for g in pub.findall(A + el):
                pairs.append(("published.%s:%s" % (el, g.get("id")), "%.2f" % float(g.get("points"))))
    for k, v in pairs:
        meta.append([k, v])
    wb.save(argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
