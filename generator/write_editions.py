"""Render and write every edition (English, and each other language under its prefix), each
in a process of its own, side by side: editions share no file, so with a second language the
generator takes about half the time on two cores (bench/results.md).

write.py's promise holds: nothing is written until every edition has rendered, so a failed
render leaves docs/ as it was. Each process keeps its pages until the parent says to write.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from multiprocessing.connection import Connection
from pathlib import Path

from generator.model import Library
from generator.pages import urls
from generator.pages.outputs import edition_folders, render_site
from generator.write import WriteReport, check_ownership, write_pages

_WRITE, _STOP = "write", "stop"


def _folders(edition: Library) -> tuple[str, ...]:
    return edition_folders(edition.language.code if edition.language else urls.SOURCE_LANGUAGE)


def _edition_process(docs: Path, edition: Library, parent: Connection) -> None:
    """Render one edition, say so, and write it only when the parent says every edition
    rendered. A failure is sent as its text: the parent stops the build with it."""
    try:
        pages = render_site(edition)
        parent.send(("rendered", None))
        if parent.recv() == _WRITE:
            parent.send(("written", write_pages(docs, _folders(edition), pages)))
    except BaseException as error:  # the parent reports it; a child never prints a traceback
        parent.send(("failed", f"{type(error).__name__}: {error}"))


def _merged(reports: list[WriteReport]) -> WriteReport:
    merged = WriteReport()
    for report in reports:
        merged.written += report.written
        merged.unchanged += report.unchanged
        merged.removed += report.removed
    merged.written.sort()
    merged.removed.sort()
    return merged


def _answer(channel: Connection, expected: str) -> object:
    try:
        kind, value = channel.recv()
    except EOFError:  # the process died (killed, out of memory) before it answered
        raise RuntimeError("an edition's process ended without answering") from None
    if kind != expected:
        raise RuntimeError(f"an edition failed: {value}")
    return value


def write_editions(docs: Path, editions: list[Library]) -> WriteReport:
    """Every edition's pages, written into docs/; English is rendered in this process."""
    for edition in editions:  # before anything is written, as write_pages does
        check_ownership(docs, _folders(edition))
    if len(editions) == 1 or len(os.sched_getaffinity(0)) < 2:  # the cores it may use
        rendered = [(_folders(edition), render_site(edition)) for edition in editions]
        return _merged([write_pages(docs, folders, pages) for folders, pages in rendered])
    fork = multiprocessing.get_context("fork")  # the library is read once, not sent
    channels, processes = [], []
    for edition in editions[1:]:
        ours, theirs = fork.Pipe()
        process = fork.Process(target=_edition_process, args=(docs, edition, theirs))
        process.start()
        channels.append(ours)
        processes.append(process)
    try:
        pages = render_site(editions[0])
        for channel in channels:
            _answer(channel, "rendered")
        for channel in channels:
            channel.send(_WRITE)
        reports = [write_pages(docs, _folders(editions[0]), pages)]
        reports += [_answer(channel, "written") for channel in channels]  # type: ignore[misc]
    except BaseException:
        for channel in channels:
            with contextlib.suppress(OSError):  # that process has ended already
                channel.send(_STOP)
        raise
    finally:
        for process in processes:
            process.join()
    return _merged(reports)
