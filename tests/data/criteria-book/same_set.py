#!/usr/bin/python3
"""Do two criteria-set files say the same? usage: same_set.py A.xml B.xml

Elements, attributes and texts compared in order; comments, white space between
elements and the spelling of numbers ("1.50" and "1.5") left aside. Prints the
first difference and exits 1, or exits 0."""
import re
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?$")


def same_value(a, b):
    if NUMBER.match(a) and NUMBER.match(b):
        return Decimal(a) == Decimal(b)
    return a == b


def compare(a, b, path):
    if a.tag != b.tag:
        return "%s: <%s> against <%s>" % (path, a.tag, b.tag)
    here = "%s/%s[%s]" % (path, a.tag.split("}")[1], a.get("id", ""))
    if set(a.attrib) != set(b.attrib):
        return "%s: attributes %s against %s" % (here, sorted(a.attrib), sorted(b.attrib))
    for k in a.attrib:
        if not same_value(a.attrib[k], b.attrib[k]):
            return "%s: %s=%r against %r" % (here, k, a.attrib[k], b.attrib[k])
    ta, tb = (a.text or "").strip(), (b.text or "").strip()
    if ta != tb:
        return "%s: text %r against %r" % (here, ta, tb)
    ca, cb = list(a), list(b)
    if len(ca) != len(cb):
        return "%s: %d children against %d" % (here, len(ca), len(cb))
    for x, y in zip(ca, cb):
        why = compare(x, y, here)
        if why:
            return why
    return None


def main(argv):
    why = compare(ET.parse(argv[1]).getroot(), ET.parse(argv[2]).getroot(), "")
    if why:
        print(why)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
