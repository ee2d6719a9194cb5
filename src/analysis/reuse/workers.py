"""The parts of one search shared out between forked worker processes, merged in order.

:func:`map_parts` returns ``[work(0), ..., work(count - 1)]``. With ``processes`` above 1 it
forks ``processes - 1`` workers, which inherit everything the search has built (the prepared
texts, the postings of the n-gram index) without copying or pickling it; the parent and the
workers take the next part from a shared counter until none is left, each worker sends back the
results of its parts through a pipe, and the results are put back in part order. Each part is a
pure function of what the processes share, so the results are those of one process, whatever
process computed which part (``tests/reuse/test_workers.py``). Lazily computed state (the word
spans and stems of an article) is computed again in each process that needs it, so the CPU time
summed over the processes is somewhat higher than in one. Where ``fork`` is not available, or in
a daemonic process (a Dask worker), the parts run in this process. Forking copies only the
calling thread: it is meant for a process that runs no other threads of its own (a script, the
command line, a notebook kernel), hence one process by default.
"""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable
from typing import Any

__all__ = ["map_parts"]


def map_parts(count: int, work: Callable[[int], Any], processes: int = 1) -> list:
    """``[work(0), ..., work(count - 1)]``, computed by ``processes`` processes (see the module
    docstring).

    Examples
    --------
    >>> map_parts(5, lambda part: part * part, processes=2)
    [0, 1, 4, 9, 16]
    """
    if processes < 2 or count < 2 or not _can_fork():
        return [work(part) for part in range(count)]
    context = mp.get_context("fork")
    counter = context.Value("i", 0)
    workers = []
    for _ in range(min(processes, count) - 1):
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(work, count, counter, writer))
        process.start()
        writer.close()
        workers.append((process, reader))
    try:
        results = dict(_take_parts(work, count, counter))
    finally:
        # Every worker is heard and joined, also when this process's own part failed.
        replies = []
        for process, reader in workers:
            replies.append(reader.recv())
            process.join()
    for status, payload in replies:
        if status != "ok":
            raise RuntimeError(f"a worker process failed:\n{payload}")
        results.update(payload)
    return [results[part] for part in range(count)]


def _can_fork() -> bool:
    return "fork" in mp.get_all_start_methods() and not mp.current_process().daemon


def _take_parts(work: Callable[[int], Any], count: int, counter):
    """Yield ``(part, work(part))`` for the next part not yet taken, until none is left."""
    while True:
        with counter.get_lock():
            part = counter.value
            counter.value += 1
        if part >= count:
            return
        yield part, work(part)


def _worker(work: Callable[[int], Any], count: int, counter, writer) -> None:
    try:
        writer.send(("ok", list(_take_parts(work, count, counter))))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        writer.send(("error", traceback.format_exc()))
    finally:
        writer.close()
