"""Draw the dev2 held-out split at random, before anyone reads the articles.

Run once: `python tools/draw_dev2_split.py ../shared/dev2`. The seed is fixed so the draw can be repeated and
checked; the split is 5 marketing, 5 IT/HR/finance and 10 poll articles out of the 60.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261125
PER_GENRE = {"mkt": 5, "tech": 5, "pub": 10}


def draw(folder: Path, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    chosen: list[str] = []
    for genre, count in PER_GENRE.items():
        ids = sorted(p.stem for p in folder.glob(f"dev2_{genre}_*.txt"))
        chosen.extend(sorted(rng.sample(ids, count)))
    return chosen


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/dev2")
    splits_path = Path("gold/splits.json")
    splits = json.loads(splits_path.read_text(encoding="utf-8"))
    all_ids = sorted(p.stem for p in folder.glob("dev2_*.txt"))
    heldout = draw(folder)
    splits["dev2"] = all_ids
    splits["dev2_heldout"] = heldout
    splits["dev2_tune"] = [d for d in all_ids if d not in heldout]
    splits["_about"] += (
        " dev2: the 60 trade-press and poll articles of shared/dev2. dev2_heldout: 20 of them drawn at random"
        f" (tools/draw_dev2_split.py, seed {SEED}) before any was read; dev2_tune: the other 40."
    )
    splits_path.write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    print("\n".join(heldout))
