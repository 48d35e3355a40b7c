#!/usr/bin/env python3
"""Validates EPCIS 2.0 JSON-LD documents against GS1's JSON Schema (draft-07).

usage: validate_epcis.py SCHEMA FILE...   exit 0 when every file is valid, 1 naming each error,
77 when the jsonschema package is missing (Debian python3-jsonschema; the test then skips).
       validate_epcis.py --valid SCHEMA FILE...   prints the files the schema accepts, exit 0.
Used by src/products/epcis_test.cc on the documents the product writes (docs/PRODUCTS.md).
"""
import json
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("jsonschema is not installed", file=sys.stderr)
    sys.exit(77)


def main(argv):
    only_valid = len(argv) > 1 and argv[1] == "--valid"
    if only_valid:
        argv = argv[:1] + argv[2:]
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if only_valid:
            if validator.is_valid(doc):
                print(path)
            continue
        for err in sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
            where = "/".join(str(p) for p in err.absolute_path)
            print(f"{path}: {where}: {err.message}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
