"""Draw a batch's held-out split at random, before anyone reads the articles' errors.

Run once per batch, from the project folder, e.g.
    python tools/draw_split.py dev2 ../shared/dev2 --seed 20261125 mkt=5 tech=5 pub=10
    python tools/draw_split.py dev3 ../shared/dev3 --seed 20261207 health=4 work=5 consumer=3 biz=3 pub=3
It writes three splits to gold/splits.json: BATCH (every article), BATCH_heldout (the draw: COUNT articles per
genre, a genre being the word after the batch name in `<batch>_<genre>_*.txt`) and BATCH_tune (the rest). The seed
is fixed so that the draw can be repeated and checked; the two lines above give the draws that are in splits.json.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def draw(folder: Path, batch: str, per_genre: dict[str, int], seed: int) -> list[str]:
    rng = random.Random(seed)
    chosen: list[str] = []
    for genre, count in per_genre.items():
        ids = sorted(p.stem for p in folder.glob(f"{batch}_{genre}_*.txt"))
        chosen.extend(sorted(rng.sample(ids, count)))
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batch")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("counts", nargs="+", help="GENRE=COUNT, in the order they are drawn")
    args = ap.parse_args()
    per_genre = {g: int(c) for g, c in (item.split("=", 1) for item in args.counts)}
    splits_path = Path("gold/splits.json")
    splits = json.loads(splits_path.read_text(encoding="utf-8"))
    all_ids = sorted(p.stem for p in args.folder.glob(f"{args.batch}_*.txt"))
    heldout = draw(args.folder, args.batch, per_genre, args.seed)
    splits[args.batch] = all_ids
    splits[f"{args.batch}_heldout"] = heldout
    splits[f"{args.batch}_tune"] = [d for d in all_ids if d not in heldout]
    splits_path.write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    print("\n".join(heldout))


if __name__ == "__main__":
    main()
