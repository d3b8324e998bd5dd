#!/usr/bin/env bash
# Regenerates the committed test fixtures (JPEG only, to stay under 6 MB): three clean photos, three
# of each single condition, two of each combination and one of five negative kinds, from a fixed
# seed, so the set is reproducible byte for byte.
# usage: tools/make-fixtures.sh KTP_BINARY REGIONS_CSV
set -euo pipefail
ktp=${1:?ktp binary}; regions=${2:?wilayah.csv}
out=Tests/KTPVisionTests/Fixtures
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$ktp" generate --out "$work" --count 120 --seed 4242 --negatives 0.1 --regions "$regions" 2>/dev/null
rm -f "$out"/*.jpg "$out"/*.png "$out"/truth.jsonl
python3 - "$work" "$out" <<'PY'
import json, shutil, sys, collections
work, out = sys.argv[1], sys.argv[2]
want = collections.Counter({"clean": 3, **{c: 3 for c in "B D F G".split()}, **{c: 2 for c in "BD BF BG DG FG".split()}})
negatives = {"negative:" + k for k in "student_id bank_card driving_licence tax_card text_page".split()}
taken, lines = collections.Counter(), []
for line in open(f"{work}/truth.jsonl"):
    record = json.loads(line)
    key = record["condition"]
    if not record["file"].endswith(".jpg"):
        continue
    if key.startswith("negative:"):
        if taken[key] or key not in negatives: continue
    elif taken[key] >= want[key]:
        continue
    taken[key] += 1
    shutil.copy(f"{work}/{record['file']}", f"{out}/{record['file']}")
    lines.append(json.dumps(record, sort_keys=True))
open(f"{out}/truth.jsonl", "w").write("\n".join(lines) + "\n")
print(f"{len(lines)} fixtures")
PY
du -sh "$out"
