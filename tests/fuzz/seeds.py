#!/usr/bin/env python3
"""Seed corpora of the libFuzzer targets, cut out of the tree's own test files (docs/TESTING.md
"Fuzzing and sanitizers"):  seeds.py SOURCE_DIR OUT_DIR  writes OUT_DIR/<target>/<n>.
  csv_fuzz            the csv files the API cases upload (`file … x.csv TYPE CONTENT`)
  api_json_fuzz       every API case's write request: "METHOD PATH" then its JSON body
  programme_yaml_fuzz programmes/*.yaml and the YAML the API cases send
  cvrplib_fuzz        the instances of src/routing/io/cvrplib_test.cc
  routing_json_fuzz   the problem documents of src/routing/io/json_io_test.cc
(xlsx_fuzz's workbooks are written by the fuzz_xlsx_seeds program.)"""
import glob, json, os, re, sys

src, out = sys.argv[1], sys.argv[2]
seeds = {}


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    seeds.setdefault(target, set()).add(data)


def unescape(s):
    def one(m):
        c = m.group(1)
        if c.startswith('x'):
            return chr(int(c[1:], 16))
        return {'n': '\n', 'r': '\r', 't': '\t', '\\': '\\'}[c]
    text = re.sub(r'\\(x[0-9A-Fa-f]{2}|[nrt\\])', one, s)
    return text.encode('latin-1', errors='ignore') if all(ord(ch) < 256 for ch in text) else text.encode()


cases = glob.glob(f'{src}/tests/api/cases/*.test') + glob.glob(f'{src}/tests/access/*.test')
for path in cases:
    lines = open(path, encoding='utf-8').read().split('\n')
    for i, line in enumerate(lines):
        w = line.split(' ', 4)
        if w[0] == 'file' and len(w) == 5 and w[2].endswith('.csv') and not w[4].startswith(('@', 'repeat:')):
            add('csv_fuzz', unescape(w[4]))
        m = re.match(r'^(POST|PUT|DELETE)!? (/api/v1/\S+)$', line)
        if m and i + 1 < len(lines) and lines[i + 1][:1] in '{[':
            body = re.sub(r'\$\{[^}]*\}', '1', lines[i + 1])
            path_ = re.sub(r'\$\{[^}]*\}', '1', m.group(2))
            add('api_json_fuzz', f'{m.group(1)} {path_}\n{body}')
            try:
                doc = json.loads(body)
                if isinstance(doc, dict) and isinstance(doc.get('yaml'), str):
                    add('programme_yaml_fuzz', doc['yaml'])
            except ValueError:
                pass
for path in glob.glob(f'{src}/programmes/*.yaml'):
    add('programme_yaml_fuzz', open(path, 'rb').read())
for test, target in (('cvrplib_test.cc', 'cvrplib_fuzz'), ('json_io_test.cc', 'routing_json_fuzz')):
    text = open(f'{src}/src/routing/io/{test}', encoding='utf-8').read()
    for raw in re.findall(r'R"\((.*?)\)"', text, re.S):
        add(target, raw)

for target, datas in seeds.items():
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    for n, data in enumerate(sorted(datas)):
        open(os.path.join(d, f'seed{n:04d}'), 'wb').write(data)
    print(f'seeds: {target} {len(datas)}')
