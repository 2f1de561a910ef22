"""Pure work on an idle core: a helper process beside the build.

MkDocs converts and writes pages in one process, so on a fresh clone a
second core idles while the first also checks every page's terminology and
finds its search terms. Those results depend only on texts and files on disk
and are kept in a `Memo`; a `Helper` hands the ones the memo does not have
to a worker process and the build asks for each result when it needs it, so
the two overlap. Without an idle core (one core, or every core rendering
PDFs), the work is done in the caller, as before. The worker starts with the
first result the memo does not have and stays for the process: `serve`
rebuilds reuse it.

A helper's result is the same as the caller's: the same function, the same
memo entry. If the worker fails in any way, the caller makes the result
itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import select
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from types import ModuleType
from typing import Any

from .cache import Memo

log = logging.getLogger("prirucka.offload")


def usable_cores() -> int:
    """The cores this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def yield_to_build() -> None:
    """Lower the priority of the process that calls this (a helper, Pagefind): on a
    machine with few cores, work beside the build runs when the build leaves a core
    free, instead of taking turns with the build on it."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # not on this system: the same work, less polite
        pass


def follow(build: int) -> None:
    """In a worker process: exit as soon as the build's process `build` is gone.

    A pool's worker waits for work on a pipe it holds open itself, so a build
    killed outright (SIGKILL, a CI runner's timeout) would leave it, and the
    forkserver that started it, running for good.
    """
    threading.Thread(target=_exit_after, args=(build,), daemon=True).start()


def _exit_after(build: int) -> None:
    try:
        handle = os.pidfd_open(build)
    except (AttributeError, OSError):  # not Linux 5.3 or later, or gone already: ask
        while running(build):
            time.sleep(1)
    else:
        select.select([handle], [], [])
    os._exit(0)


def running(pid: int) -> bool:
    """Whether a process `pid` exists (perhaps another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _start_helper(build: int) -> None:
    yield_to_build()
    follow(build)


@contextmanager
def apart_from_main() -> Iterator[None]:
    """Worker processes start without the caller's own script.

    A worker would import the script that started the build (`__main__`)
    again: a build script without an `if __name__ == "__main__":` guard would
    then build again in every worker, and a build started from standard input
    or a notebook has no script to import, so its workers died. The workers
    need only Příručka, so they start while `__main__` is an empty module.
    """
    caller = sys.modules.get("__main__")
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        if caller is not None:
            sys.modules["__main__"] = caller


class Pending:
    """A result: at hand, or being made by the helper (and then `fallback()` should
    the helper fail). Nothing else is kept: inputs such as a page's HTML can go."""

    def __init__(
        self,
        value: Any = None,
        batch: _Batch | None = None,
        index: int = 0,
        fallback: Callable[[], Any] | None = None,
    ) -> None:
        self._value, self._batch, self._index, self._fallback = value, batch, index, fallback

    def result(self) -> Any:
        if self._batch is not None:
            batch, self._batch = self._batch, None
            try:
                made, value = batch.results()[self._index]
                if not made:
                    raise RuntimeError(value)
                self._value = value
            except Exception as error:  # killed, or the input changed under it: made here
                log.debug(f"helper failed ({type(error).__name__}: {error}); made in the build")
                self._value = self._fallback()
            self._fallback = None
        return self._value


Job = tuple[Memo, tuple[str, ...], Callable[[], Any]]


def _make_all(jobs: list[Job]) -> list[tuple[bool, Any]]:
    """In the helper: each job's result (kept in its memo), or why it failed."""
    results = []
    for memo, parts, make in jobs:
        try:
            results.append((True, memo.keep(parts, make)))
        except Exception as error:
            results.append((False, f"{type(error).__name__}: {error}"))
    return results


class _Batch:
    """Jobs handed to the helper together: each hand-over wakes threads of the build's
    process that then compete with it for the interpreter, so a few pages go at once."""

    SIZE = 8

    def __init__(self, helper: Helper) -> None:
        self.helper = helper
        self.jobs: list[Job] = []
        self.future: Future | None = None

    def results(self) -> list[tuple[bool, Any]]:
        if self.future is None:
            self.helper._hand_over()  # asked for before the batch was full
        assert self.future is not None
        return self.future.result()


class Helper:
    """Results of pure functions, from the memo, a worker process or the caller."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._batch: _Batch | None = None

    def remember(
        self,
        memo: Memo,
        parts: tuple[str, ...],
        make: Callable[[], Any],
        elsewhere: Callable[..., Any],
        *args: Any,
    ) -> Pending:
        """The result `memo` keeps under `parts`: stored, or made now by `make()` (with
        what the caller has loaded), or by `elsewhere(*args)` in the helper process
        (a module-level function and plain values: they travel pickled)."""
        found, value = memo.lookup(parts)
        if found:
            return Pending(value)
        if self.workers < 1:
            return Pending(memo.keep(parts, make))
        if self._batch is None:
            self._batch = _Batch(self)
        batch = self._batch
        pending = Pending(
            batch=batch, index=len(batch.jobs), fallback=lambda: memo.keep(parts, make)
        )
        batch.jobs.append((memo, parts, partial(elsewhere, *args)))
        memo.expect(parts)  # the helper stores it
        if len(batch.jobs) >= _Batch.SIZE:
            self._hand_over()
        return pending

    def _hand_over(self) -> None:
        batch, self._batch = self._batch, None
        if batch is None:
            return
        if self._pool is None:
            # forkserver: the build may run threads (serve), which fork does not survive.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_helper,
                initargs=(os.getpid(),),
            )
        with apart_from_main():  # a submission may start a worker
            batch.future = self._pool.submit(_make_all, batch.jobs)
        batch.jobs = []  # the inputs travelled; only the results come back

    def close(self) -> None:
        if self._batch is not None:  # never handed over: the caller makes these results
            self._batch.future = Future()
            self._batch.future.set_exception(RuntimeError("the helper was closed"))
            self._batch = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
