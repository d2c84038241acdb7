"""Time and memory per family of hostile input, against ordinary news of the same size.

Every family of ``tests/extract/test_adversarial.py`` at 10, 20, 40 and 100 KB, each
extracted once: seconds, microseconds per KB (flat when the cost is linear) and the
peak of Python allocations during the run (tracemalloc). The peer row is real news of
the same size: the development texts in ../shared/devset/texts joined until the size
is reached (or, without them, the family of ordinary sentences).

    python benchmarks/bench_adversarial.py [--sizes 10 20 40 100] [--families and_chain ...]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.extract.test_adversarial import FAMILIES  # noqa: E402

from armstrack.extract import Extractor  # noqa: E402
from armstrack.records import Article  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset" / "texts"


def _news() -> Callable[[int], str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    if not texts:
        return FAMILIES["sentences"]
    joined = "\n\n".join(texts)
    return lambda size: (joined * (size // len(joined) + 1))[:size]


def _measure(extractor: Extractor, text: str) -> tuple[float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    extractor.run(Article(id="bench", text=text))
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 40, 100])
    parser.add_argument("--families", nargs="+", default=sorted(FAMILIES))
    args = parser.parse_args()
    extractor = Extractor()
    families = {"news (peer)": _news(), **{f: FAMILIES[f] for f in args.families}}
    header = " ".join(f"{kb:>7} KB: s   µs/KB    MB" for kb in args.sizes)
    print(f"{'family':<12} {header}")
    for name, make in families.items():
        cells = []
        for kb in args.sizes:
            elapsed, peak = _measure(extractor, make(kb * 1000))
            cells.append(f"{elapsed:>11.3f} {elapsed / kb * 1e6:>7.0f} {peak / 1e6:>5.1f}")
        print(f"{name:<12} {' '.join(cells)}", flush=True)


if __name__ == "__main__":
    main()
