"""Command line: ``python -m analysis report CORPUS --out DIR`` (script: ``news-analysis``).

``report`` runs the whole pipeline (:func:`analysis.report.run_report`) and prints a summary;
``notebooks`` runs the numbered notebooks on the corpus
(:func:`analysis.report.notebooks.run_notebooks`), executed and as HTML, and exits 1 if one
failed. The output
folder, the options and the input paths are checked before any work: a bad one is one line on
standard error and exit status 2. Bad input stops the run the same way, naming the file, the line
and what was expected; with ``--errors collect`` the bad inputs are skipped and listed in the
report instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.corpus.errors import ArticleFormatError
from analysis.corpus.headers import zone_info
from analysis.corpus.tables import check_columns
from analysis.options import add_arguments, from_arguments
from analysis.report.writing import OutputFolderError, check_output_folder

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``prog: error: message``."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="Chronology, source overlap and boilerplate reuse in news articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = commands.add_parser(
        "report", help="analyse a corpus and write tables, figures and report.html"
    )
    report.add_argument(
        "corpus",
        nargs="+",
        help="folder, file or glob of articles (.txt, .html, .jsonl, .csv, .parquet)",
    )
    report.add_argument("--out", required=True, help="output folder (created)")
    report.add_argument(
        "--errors",
        choices=("raise", "collect"),
        default="raise",
        help="stop at the first bad input (raise, default) or skip and list bad inputs (collect)",
    )
    report.add_argument(
        "--columns",
        type=_column_mapping,
        metavar="FIELD=COLUMN,...",
        help="where a table keeps each field, e.g. id=url,date=publish_date,text=body",
    )
    report.add_argument(
        "--zone",
        default="UTC",
        help="time zone of publication times written without one (default UTC; e.g. Asia/Baku)",
    )
    report.add_argument(
        "--outlet",
        action="append",
        default=[],
        metavar="NAME",
        help="an outlet or agency bylines may name, besides the built-in list (repeatable)",
    )
    report.add_argument("--no-progress", action="store_true", help="hide progress bars")
    where = report.add_mutually_exclusive_group()
    where.add_argument(
        "--dask", action="store_true", help="run on a local Dask cluster (one worker per core)"
    )
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on an existing Dask scheduler (tcp://host:8786)"
    )
    report.add_argument("--workers", type=int, help="workers of the local Dask cluster")
    add_arguments(report)
    notebooks = commands.add_parser(
        "notebooks", help="run the numbered notebooks on a corpus: executed .ipynb and .html"
    )
    notebooks.add_argument("corpus", help="folder or file of articles, as for report")
    notebooks.add_argument("--out", required=True, help="output folder (created or replaced)")
    notebooks.add_argument(
        "--columns",
        type=_column_mapping,
        metavar="FIELD=COLUMN,...",
        help="where a table keeps each field, e.g. id=url,date=publish_date,text=body",
    )
    notebooks.add_argument(
        "--parse-cache",
        metavar="FOLDER",
        help="folder of a parse cache (as report's --sources-parse-cache): paragraphs parsed "
        "before are not parsed again",
    )
    return parser


def _notebooks(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        check_output_folder(args.out)
    except OutputFolderError as exc:
        parser.error(str(exc))
    if not Path(args.corpus).exists():
        parser.error(f"no such file or folder: {args.corpus}")
    from analysis.report.notebooks import run_notebooks

    runs = run_notebooks(
        args.corpus, args.out, columns=args.columns, parse_cache=args.parse_cache, progress=True
    )
    for run in runs:
        print(run)
    failed = [run.name for run in runs if run.error]
    if failed:
        print(f"error: {len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _column_mapping(text: str) -> dict[str, str]:
    pairs = [part.partition("=") for part in text.split(",") if part.strip()]
    if not pairs or any(
        not sep or not field.strip() or not name.strip() for field, sep, name in pairs
    ):
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN[,FIELD=COLUMN...], got {text!r}")
    mapping = {field.strip(): name.strip() for field, _, name in pairs}
    try:
        return check_columns(mapping)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "notebooks":
        return _notebooks(parser, args)
    try:
        options = from_arguments(args)
        zone_info(args.zone)
        check_output_folder(args.out)
    except (ValueError, OutputFolderError) as exc:
        parser.error(str(exc))
    for item in args.corpus:
        if not any(ch in item for ch in "*?[") and not Path(item).exists():
            parser.error(f"no such file or folder: {item}")
    from analysis.report.pipeline import run_report

    source = args.corpus[0] if len(args.corpus) == 1 else args.corpus
    loading = {"columns": args.columns, "zone": args.zone, "outlets": args.outlet}
    settings = {
        "options": options,
        "errors": args.errors,
        "loading": loading,
        "progress": not args.no_progress,
    }
    try:
        if args.dask or args.scheduler:
            from analysis.distributed import dask_client

            with dask_client(args.scheduler, n_workers=args.workers) as client:
                result = run_report(source, args.out, client=client, **settings)
        else:
            result = run_report(source, args.out, **settings)
    except ArticleFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.errors == "raise":
            print(
                "hint: --errors collect skips bad inputs and lists them in the report",
                file=sys.stderr,
            )
        return 2
    print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
