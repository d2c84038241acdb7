"""The ``armstrack`` command: argument parsing and printing, nothing else.

Exit codes: 0 when every input was used, 1 when anything was skipped, 2 for
usage errors (bad options, an unreadable catalogue or gold file).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from armstrack.catalogue import load_catalogue
from armstrack.errors import ArmstrackError, CatalogueError, InputError
from armstrack.evaluate import evaluate
from armstrack.extract import Extractor, Settings
from armstrack.ingest import IngestSettings, read_articles
from armstrack.records import Extraction, Transfer
from armstrack.serialise import extraction_dict

app = typer.Typer(
    help=(
        "Turn news reports into a sourced database of international arms transfers.\n\n"
        "Example: armstrack extract examples/articles --format table"
    ),
    no_args_is_help=True,
    add_completion=False,
)
# markup=False: paths, ids and messages are printed as they are, "[draft].txt" included.
# Piped output gets a wide table rather than Rich's 80-column default.
out = Console(
    highlight=False, soft_wrap=True, markup=False, width=None if sys.stdout.isatty() else 150
)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def _complain(label: str, message: object) -> None:
    err.print(Text.assemble((label, "red"), " ", str(message)))


CatalogueOption = Annotated[
    list[Path] | None,
    typer.Option("--catalogue", "-c", help="Extra catalogue TOML file (repeatable)."),
]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _extractor(catalogue: list[Path] | None) -> Extractor:
    settings = Settings(catalogue_files=tuple(str(p) for p in catalogue or ()))
    try:
        return Extractor.from_settings(settings)
    except CatalogueError as error:
        _complain("error:", f"catalogue: {error}")
        raise typer.Exit(2) from error


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text files, JSON-lines files or folders.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    catalogue: CatalogueOption = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest article accepted, in bytes.")
    ] = 2_000_000,
) -> None:
    """Extract reported arms transfers from articles and print them.

    Example: armstrack extract examples/articles --format jsonl
    """
    extractor = _extractor(catalogue)
    skipped: Counter[str] = Counter()
    results: list[Extraction] = []
    for item in read_articles(paths, IngestSettings(max_bytes=max_bytes)):
        if isinstance(item, InputError):
            _complain("skipped", item)
            skipped[item.reason] += 1
            continue
        try:
            extraction = extractor.run(item)
        except Exception as exc:
            _complain(
                "skipped",
                f"{item.source or item.id}: extraction failed ({exc!r}); please report it",
            )
            skipped["extraction failed"] += 1
            continue
        if format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(extraction_dict(extraction), ensure_ascii=False) + "\n")
        else:
            results.append(extraction)
    if format is OutputFormat.json:
        sys.stdout.write(
            json.dumps([extraction_dict(e) for e in results], ensure_ascii=False, indent=2) + "\n"
        )
    elif format is OutputFormat.table:
        out.print(_table(results), soft_wrap=False)
    _summary(len(results) if format is not OutputFormat.jsonl else None, skipped)
    if skipped:
        raise typer.Exit(1)


def _table(results: list[Extraction]) -> Table:
    table = Table(
        title="Reported arms transfers",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column("article", max_width=18, overflow="ellipsis", no_wrap=True)
    table.add_column("from → to", no_wrap=True)
    for column in ("category", "status", "qty"):
        table.add_column(column, no_wrap=True)
    table.add_column("systems", ratio=1, min_width=12)
    table.add_column("when", no_wrap=True)
    table.add_column("denied by")
    for extraction in results:
        for t in extraction.transfers:
            table.add_row(
                extraction.article.id,
                f"{t.supplier.id} → {t.recipient.id}",
                t.category.value,
                t.status.label,
                _quantity(t),
                ", ".join(s.name for s in t.systems),
                t.times[0].value if t.times else "",
                " ".join(a.id for a in t.denied_by),
            )
    return table


def _quantity(transfer: Transfer) -> str:
    quantity = transfer.quantity
    if quantity is None or quantity.value is None:
        return ""
    return f"~{quantity.value}" if quantity.approximate else str(quantity.value)


def _summary(count: int | None, skipped: Counter[str]) -> None:
    done = f"{count} article{'' if count == 1 else 's'} read" if count is not None else "done"
    if skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in skipped.most_common())
        err.print(f"{done}; {sum(skipped.values())} skipped ({reasons})")
    elif count is not None:
        err.print(done)


@app.command(name="eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSON-lines file (see GOLD.md).")],
    texts: Annotated[
        Path,
        typer.Argument(
            exists=True, file_okay=False, help="Folder with <id>.txt files or JSON-lines articles."
        ),
    ],
    show: Annotated[bool, typer.Option("--show", help="List misses per article.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Score the extractor against gold annotations.

    Example: armstrack eval tests/gold/gold.jsonl tests/gold/articles --show
    """
    extractor = _extractor(catalogue)
    try:
        scores = evaluate(gold, texts, extractor)
    except (ArmstrackError, OSError) as error:
        _complain("error:", error)
        raise typer.Exit(2) from error
    if as_json:
        summary = scores.as_dict()
        if show:
            summary["misses"] = [asdict(m) for m in scores.misses]
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    if show:
        for miss in scores.misses:
            out.print(f"{miss.id}: missed {miss.missed} spurious {miss.spurious}")
            for triple, want, got in miss.wrong_status:
                out.print(f"    status {triple}: gold {want}, got {got}")
            for triple, want_n, got_n in miss.wrong_quantity:
                out.print(f"    quantity {triple}: gold {want_n}, got {got_n}")
    summary = scores.as_dict()
    out.print(f"articles {scores.articles}")
    for name in ("triples", "systems", "denials"):
        row = summary[name]
        out.print(
            f"{name:<9} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            f"  (tp {row['tp']}, fp {row['fp']}, fn {row['fn']})"
        )
    out.print(f"status accuracy   {scores.status_ok}/{scores.status_n}")
    out.print(f"quantity accuracy {scores.quantity_ok}/{scores.quantity_n}")


@app.command(name="catalogue")
def catalogue_command(
    files: Annotated[list[Path] | None, typer.Argument(help="Extension files to check.")] = None,
) -> None:
    """Check the catalogue (and your extension files) and print what it holds.

    Example: armstrack catalogue my-systems.toml
    """
    try:
        loaded = load_catalogue(files or ())
    except CatalogueError as error:
        _complain("error:", f"{error.source}:")
        for problem in error.problems:
            err.print(f"  {problem}")
        raise typer.Exit(2) from error
    out.print(
        f"states {len(loaded.states)}, bodies {len(loaded.bodies)}, groups {len(loaded.groups)}, "
        f"outlets {len(loaded.outlets)}, systems {len(loaded.systems)}, "
        f"class terms {sum(len(c.terms) for c in loaded.classes)}, places {len(loaded.places)}"
    )
    for source in loaded.sources:
        out.print(f"  {source}")


if __name__ == "__main__":
    app()
