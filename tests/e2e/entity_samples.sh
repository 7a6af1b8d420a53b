#!/usr/bin/env bash
# chronicle — entity targets of issue 5 on the shared samples: people found
# as PER with their short forms linked to the full name, places as LOC,
# organisations as ORG. Uses `chronicle tag --json` when it prints
# "entities", else the entity driver build/asan/ner_tag (built by make check).
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
SAMPLES="$CHR_SHARED/samples"
if [ ! -d "$SAMPLES" ]; then
    skip entity_samples "no $SAMPLES"
    exit 0
fi
NER_TAG="${NER_TAG:-build/asan/ner_tag}"
[ -x "$NER_TAG" ] || NER_TAG=build/ner_tag
i=0
for f in "$SAMPLES"/*.txt; do
    i=$((i + 1))
    if "$CHR_BIN" tag --json "$f" >"$TMP/cli_$i.json" 2>/dev/null &&
        grep -q '"entities"' "$TMP/cli_$i.json"; then
        cp "$TMP/cli_$i.json" "$TMP/$i.json"
    elif [ -x "$NER_TAG" ]; then
        "$NER_TAG" --json "$f" >"$TMP/$i.json" || fail "entity_tag_$i" "tagger failed on $f"
    else
        skip entity_samples "no tagger with entities (build $NER_TAG)"
        exit 0
    fi
done
/usr/bin/env python3 - "$TMP" <<'PY'
import glob, json, sys
ms = []
for p in sorted(glob.glob(sys.argv[1] + "/[0-9]*.json")):
    with open(p, encoding="utf-8") as f:
        ms += json.load(f).get("entities", [])

def nominal(m):
    return m.get("kind") == "nominal" or m.get("nominal") is True

def have(text, typ, canonical=None, nocase=False):
    for m in ms:
        t = m["text"].lower() if nocase else m["text"]
        if t == (text.lower() if nocase else text) and m["type"] == typ and not nominal(m):
            if canonical is None or m.get("canonical") == canonical:
                return True
    return False

def check(name, cond):
    print(("ok " if cond else "not ok ") + name)

for name in ["Xi Jinping", "Li Qiang", "Sergey Lavrov", "Wang Yi", "Yury Ushakov", "Vladimir Putin"]:
    check("entity_per_" + name.replace(" ", "_"), have(name, "PER"))
for short, full in [("Putin", "Vladimir Putin"), ("Xi", "Xi Jinping"), ("Ushakov", "Yury Ushakov"),
                    ("Lavrov", "Sergey Lavrov")]:
    check("entity_alias_%s" % short, have(short, "PER", full))
for name in ["Beijing", "Harbin", "Moscow", "Krasnogorsk"]:
    check("entity_loc_" + name, have(name, "LOC", nocase=True))
for name in ["UN", "SCO", "BRICS", "G20", "APEC", "Reuters", "TASS", "Harbin Institute of Technology"]:
    check("entity_org_" + name.replace(" ", "_"), have(name, "ORG"))
check("entity_nominal_president",
      any(nominal(m) and m["canonical"] == "Vladimir Putin" for m in ms))
PY
