#!/usr/bin/env python3
"""Makes templates/taxonomy/categories.tsv (id, then each category's own name in en, de, fr)
from the vendored subset of Shopify's product taxonomy in templates/taxonomy/shopify/.

The engine embeds the compact file; the full paths stay vendored beside it with their LICENSE."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "templates" / "taxonomy"
names = {}
for lang, file in (("en", "categories.tsv"), ("de", "categories.de.tsv"), ("fr", "categories.fr.tsv")):
    for line in (root / "shopify" / file).read_text(encoding="utf-8").splitlines()[1:]:
        gid, path = line.split("\t")
        names.setdefault(gid.rsplit("/", 1)[1], {})[lang] = path.split(" > ")[-1]
out = [
    "# Shopify product taxonomy (MIT, see shopify/LICENSE and shopify/SOURCE.txt): category id, then its own name in en, de, fr.",
    "# Made by scripts/taxonomy.py from the full paths in shopify/; a category's parent is its id without the last -part.",
]
out += ["\t".join([gid, n["en"], n["de"], n["fr"]]) for gid, n in names.items()]
text = "\n".join(out) + "\n"
target = root / "categories.tsv"
if "--check" in sys.argv:
    sys.exit(0 if target.read_text(encoding="utf-8") == text else "categories.tsv differs from scripts/taxonomy.py")
target.write_text(text, encoding="utf-8")
