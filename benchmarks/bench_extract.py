"""Extraction speed and memory, against the floor and against what a user would build.

Generates a corpus of news-style articles of about 700 words (most with no
transfer at all, as in real news streams) and measures, each in its own
process so that peak memory is its own:

  armstrack   armstrack.extract on every article
  scan        a bare Aho-Corasick scan of the same texts with the same catalogue
              terms: the floor no catalogue-based extractor can beat
  spacy       spaCy's blank English pipeline with an EntityRuler over the same
              terms (it only tags; no transfers), if spaCy is installed

Then the same engines on real reporting: the development texts in
../shared/devset/texts (122 arms-dense news excerpts), read several times over. Real
sentences are longer and denser than generated ones, so this is the harder figure.

Says first which armstrack build runs: compiled by mypyc (a wheel built by
hatch_build.py) or pure Python (an editable install, or ARMSTRACK_COMPILE=0).

Prints articles/s and MB/s per CPU second of the one process (so the figures
hold for one core even on a busy machine; corpus generation is not timed) and
peak RSS for several corpus sizes.

Machine speed drifts from run to run (this project's shared 2-core machine moved a
third between days and by a fifth between minutes), so a ratio of figures from separate
processes is noisy. ``--paired`` measures armstrack and spaCy in one process instead,
one devset pass each in turn (the order swapped every round), and reports the median
per-pass rate of each and the median of the per-round ratios: the figure for "as
fast as spaCy on real reporting".

    python benchmarks/bench_extract.py [--sizes 1000 2000 4000] [--engines armstrack scan spacy]
        [--real DIR] [--passes 5]
    python benchmarks/bench_extract.py --paired [--real DIR] [--rounds 15]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from statistics import median

# numpy (imported by spaCy and by armstrack's dependencies) starts OpenBLAS worker
# threads whose idle spinning counts as this process's CPU time; neither engine does
# linear algebra here, so one thread keeps the CPU time each engine's own.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

FILLER_SUBJECTS = (
    "The finance minister", "Opposition leaders", "The central bank", "Local officials",
    "The city council", "Farmers in the region", "The prime minister", "Energy traders",
    "Health authorities", "The football federation", "Union representatives", "Economists",
)  # fmt: skip
FILLER_VERBS = (
    "said on Tuesday that", "warned that", "argued in a statement that", "told reporters that",
    "announced that", "signalled that", "conceded that", "noted that",
)  # fmt: skip
FILLER_CLAUSES = (
    "inflation would ease by the end of the year",
    "the new budget leaves little room for public investment",
    "talks over the port concession would resume next month",
    "record rainfall had delayed the harvest across the north",
    "the railway strike was costing the economy millions every day",
    "the vaccination campaign would be extended to rural districts",
    "the league would review its rules on foreign players",
    "fuel prices had risen for the third consecutive week",
    "a new bridge over the river would open in the spring",
    "exports of grain had recovered after a weak first quarter",
)  # fmt: skip
WEAPON_TEMPLATES = (
    "{s} has delivered {n} {w} to {r}, according to officials cited by {o}.",
    "{r} received a first batch of {w} from {s} last month, {o} reported.",
    "{s} denied reports that it had supplied {w} to {r}.",
    "{r} signed a contract to buy {n} {w} from {s} in early January.",
    "{r} launched {d}-made {w} at targets overnight, officials said.",
    "{s} is in talks with {r} over the possible sale of {w}.",
)  # fmt: skip
STATES = (
    "Iran",
    "Russia",
    "Turkey",
    "France",
    "Germany",
    "China",
    "India",
    "Egypt",
    "Poland",
    "Ukraine",
)
DEMONYMS = ("Iranian", "Russian", "Turkish", "French", "German", "Chinese", "North Korean")
OUTLETS = ("Reuters", "AP", "AFP", "Bloomberg", "Yonhap")
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "texts"


def _systems() -> list[str]:
    from armstrack.catalogue import default_catalogue

    return sorted(default_catalogue().systems)


def armstrack_build() -> str:
    """Which build of the extractor imports here: compiled by mypyc or pure Python."""
    import importlib

    path = importlib.import_module("armstrack.extract.pipeline").__file__ or ""
    kind = "pure Python" if path.endswith(".py") else "compiled by mypyc"
    return f"{kind} ({Path(path).parent})"


def corpus(n: int, seed: int = 7, weapon_share: float = 0.25) -> Iterator[str]:
    """``n`` articles of ~700 words, generated lazily so memory does not grow with n.

    A share ``weapon_share`` of the articles carries arms news (a few sentences
    each); the rest is ordinary news with no weapon in it.
    """
    rng = random.Random(seed)
    systems = _systems()
    for _ in range(n):
        sentences: list[str] = []
        words = 0
        arms = rng.random() < weapon_share
        while words < 700:
            if arms and rng.random() < 0.15:
                s, r = rng.sample(STATES, 2)
                sentences.append(
                    rng.choice(WEAPON_TEMPLATES).format(
                        s=s,
                        r=r,
                        n=rng.randint(2, 400),
                        w=rng.choice(systems),
                        d=rng.choice(DEMONYMS),
                        o=rng.choice(OUTLETS),
                    )
                )
            else:
                sentences.append(
                    f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} "
                    f"{rng.choice(FILLER_CLAUSES)}."
                )
            words += sentences[-1].count(" ") + 1
        yield " date 2024-02-21\n" + " ".join(sentences)


def _armstrack() -> Callable[[list[str]], int]:
    from armstrack.extract import Extractor
    from armstrack.records import Article

    extractor = Extractor()

    def run(texts: list[str]) -> int:
        return sum(len(extractor.run(Article(id="a", text=t)).transfers) for t in texts)

    return run


def _scan() -> Callable[[list[str]], int]:
    import ahocorasick

    from armstrack.catalogue import default_catalogue
    from armstrack.catalogue.normalise import fold, fold_term

    automaton = ahocorasick.Automaton()
    for term in default_catalogue().terms():
        automaton.add_word(fold_term(term.surface), term.kind.value)
    automaton.make_automaton()

    def run(texts: list[str]) -> int:
        return sum(sum(1 for _ in automaton.iter(fold(t))) for t in texts)

    return run


def _spacy() -> Callable[[list[str]], int]:
    import spacy

    from armstrack.catalogue import default_catalogue

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = [
        {"label": t.kind.value.upper(), "pattern": t.surface} for t in default_catalogue().terms()
    ]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]

    def run(texts: list[str]) -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))

    return run


ENGINES = {"armstrack": _armstrack, "scan": _scan, "spacy": _spacy}
BATCH = 200


def measure(engine: str, n: int, arms_share: float) -> dict[str, float | int | str]:
    """Run one engine on ``n`` generated articles in this process.

    Articles are generated in batches of 200 outside the timed part, so the
    figures are the engine's alone and memory stays flat in ``n``. Time is CPU
    time of this process: one core's work, whatever else the machine runs.
    """
    run = ENGINES[engine]()
    run(list(corpus(20, seed=1, weapon_share=arms_share)))  # warm-up
    gc.collect()  # the set-up's garbage: see measure_real
    texts = corpus(n, weapon_share=arms_share)
    return _timed(engine, run, iter(lambda: list(islice(texts, BATCH)), []))


def measure_real(engine: str, passes: int, folder: Path) -> dict[str, float | int | str]:
    """Run one engine ``passes`` times over the real texts in ``folder``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    run = ENGINES[engine]()
    run(texts[:20])  # warm-up
    # Every engine builds a large heap of long-lived objects (catalogue, vocabulary); the
    # first full collection over it would land in a short timed run, so it is done here.
    gc.collect()
    return _timed(engine, run, iter([texts] * passes))


def measure_paired(rounds: int, folder: Path) -> dict[str, float | int | str]:
    """armstrack and spaCy in one process, a pass over the real texts each in turn."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    size = sum(len(t.encode()) for t in texts)
    engines = {name: ENGINES[name]() for name in ("armstrack", "spacy")}
    for run in engines.values():
        run(texts)  # warm-up: a whole pass, so that caches and lazy set-up are behind
    gc.collect()  # the set-up's garbage: see measure_real
    seconds: dict[str, list[float]] = {name: [] for name in engines}
    order = list(engines)
    for _ in range(rounds):
        for name in order:
            start = time.process_time()
            engines[name](texts)
            seconds[name].append(time.process_time() - start)
        order.reverse()  # neither engine always runs first (after the other's garbage)
    ratios = [s / a for a, s in zip(seconds["armstrack"], seconds["spacy"], strict=True)]
    return {
        "rounds": rounds,
        "mb": round(size / 1e6, 3),
        "armstrack_mb_per_s": round(size / median(seconds["armstrack"]) / 1e6, 2),
        "spacy_mb_per_s": round(size / median(seconds["spacy"]) / 1e6, 2),
        "ratio_median": round(median(ratios), 3),
        "ratio_min": round(min(ratios), 3),
        "ratio_max": round(max(ratios), 3),
    }


def _timed(
    engine: str, run: Callable[[list[str]], int], batches: Iterator[list[str]]
) -> dict[str, float | int | str]:
    count = size = found = 0
    seconds = 0.0
    for batch in batches:
        start = time.process_time()
        found += run(batch)
        seconds += time.process_time() - start
        count += len(batch)
        size += sum(len(t.encode()) for t in batch)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "engine": engine,
        "articles": count,
        "found": found,
        "seconds": round(seconds, 2),
        "articles_per_s": round(count / seconds, 1),
        "mb_per_s": round(size / seconds / 1e6, 2),
        "peak_rss_mb": round(peak_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=list(ENGINES))
    parser.add_argument(
        "--arms-share", type=float, default=0.25, help="share of articles with arms news"
    )
    parser.add_argument(
        "--real", type=Path, default=DEVSET, help="folder of real .txt articles (skipped if absent)"
    )
    parser.add_argument("--passes", type=int, default=5, help="passes over the real articles")
    parser.add_argument(
        "--paired",
        action="store_true",
        help="armstrack against spaCy in one process on the real articles, in turns",
    )
    parser.add_argument("--rounds", type=int, default=15, help="turns of --paired")
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--one-real", metavar="ENGINE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.arms_share)))
        return
    if args.one_real:
        print(json.dumps(measure_real(args.one_real, args.passes, args.real)))
        return
    if args.paired:
        print(f"armstrack build: {armstrack_build()}")
        try:
            row = measure_paired(args.rounds, args.real)
        except ImportError as error:
            sys.exit(f"--paired needs spaCy ({error}); `make bench` installs it")
        print(
            f"real news: {args.real}, {row['mb']} MB, {row['rounds']} rounds, one pass of "
            f"each engine in turn\narmstrack {row['armstrack_mb_per_s']} MB/s, spaCy blank + "
            f"EntityRuler {row['spacy_mb_per_s']} MB/s (medians); armstrack/spaCy speed "
            f"ratio {row['ratio_median']} (median of rounds; {row['ratio_min']}-"
            f"{row['ratio_max']})"
        )
        return
    print(f"armstrack build: {armstrack_build()}\n")
    print(f"generated news, arms news in {args.arms_share:.0%} of the articles")
    _header()
    for engine in args.engines:
        for n in args.sizes:
            if not _row(engine, ["--one", engine, str(n), "--arms-share", str(args.arms_share)]):
                break
    if not args.real.is_dir():
        print(f"\nreal news: {args.real} not found; skipped")
        return
    print(f"\nreal news: {args.real}, {args.passes} passes")
    _header()
    for engine in args.engines:
        _row(engine, ["--one-real", engine, "--real", str(args.real), "--passes", str(args.passes)])


def _header() -> None:
    print(f"{'engine':<10} {'articles':>8} {'art/s':>9} {'MB/s':>7} {'peak MB':>8} {'found':>8}")


def _row(engine: str, options: list[str]) -> bool:
    """Measure in a process of its own (so peak memory is the engine's); print one row."""
    done = subprocess.run(
        [sys.executable, __file__, *options], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        print(f"{engine:<10} skipped: {last}")
        return False
    row = json.loads(done.stdout)
    print(
        f"{engine:<10} {row['articles']:>8} {row['articles_per_s']:>9} {row['mb_per_s']:>7} "
        f"{row['peak_rss_mb']:>8} {row['found']:>8}"
    )
    return True


if __name__ == "__main__":
    main()
