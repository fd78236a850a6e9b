"""Write the lexicon's `place_names` list: countries (ISO 3166 names and common names, from pycountry) and the
first-level divisions that polls break results down by (US states, Canadian provinces and territories,
Australian states, the UK's nations, India's states), with the short forms articles use ('UK', 'U.S.').

A tool for maintainers, run by hand (`pip install pycountry`; `python tools/place_names.py`): the list is
package data, so extraction does not need pycountry. Names are folded to ASCII ('Quebec' for 'Québec') and
lower-cased, as the rules compare them."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pycountry

LEXICON = Path(__file__).resolve().parent.parent / "extract" / "data" / "lexicon.json"
DIVIDED = {"US": ("State", "District"), "CA": ("Province", "Territory"), "AU": ("State", "Territory"),
           "GB": ("Country", "Province"), "IN": ("State", "Union territory")}
# Short and everyday forms of places, and the regions polls report by.
EVERYDAY = ["UK", "U.K.", "US", "U.S.", "USA", "U.S.A.", "America", "Britain", "Great Britain", "England", "Scotland",
            "Wales", "Northern Ireland", "London", "Russia", "South Korea", "North Korea", "Iran", "Syria", "Vietnam",
            "Taiwan", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Laos", "Czech Republic", "Czechia", "Turkey",
            "EU", "Europe", "Asia", "Africa", "Latin America", "North America", "South America", "the Middle East",
            "Middle East", "Scandinavia", "the Nordics", "Asia Pacific", "Benelux", "the Netherlands", "Holland",
            "Hong Kong", "Macau", "Palestine", "Kosovo", "Ivory Coast", "the Prairies", "Atlantic Canada",
            "the Maritimes", "Washington DC", "Washington, D.C."]


def fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


def names() -> list[str]:
    out = {fold(n) for n in EVERYDAY}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                out.add(fold(n))
    for code, types in DIVIDED.items():
        out |= {fold(s.name) for s in pycountry.subdivisions.get(country_code=code) if s.type in types and "," not in s.name}
    out.discard("")
    return sorted(out)


def main() -> None:
    lexicon = json.loads(LEXICON.read_text(encoding="utf-8"))
    entry = {
        "description": "Countries, the divisions polls report by (US states, Canadian provinces, Australian states, the "
                       "UK's nations, India's states) and regions, lower-cased ASCII ('quebec', 'u.k.'): a figure "
                       "bracketed after one in a breakdown is that place's share ('hold the upper hand in Ontario (38%)'). "
                       "Made by tools/place_names.py from pycountry; edit here to add a place.",
        "words": names()}
    if "place_names" in lexicon:
        lexicon["place_names"] = entry
    else:  # beside the other place words
        items = list(lexicon.items())
        at = next((i + 1 for i, (k, _) in enumerate(items) if k == "world_place_nouns"), len(items))
        lexicon = dict(items[:at] + [("place_names", entry)] + items[at:])
    LEXICON.write_text(json.dumps(lexicon, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
