"""A build replaces site/ whole, or leaves it as it was.

`make site` and `make pdfs` build into a staging folder beside site/ and, only when all of it
built, swap it in: on Linux with one renameat2(RENAME_EXCHANGE), so that at every moment site/
is the previous complete build or the new one; elsewhere with two renames and a moment of no
site/ (a build killed in it leaves the old site aside; the next one puts it back). The old site
is then deleted. site/ stays a real folder, not a link: rsync, static hosts and MkDocs take it
as it is. Beside it, hidden: `.build.lock`, held while a build runs (the next one waits);
`.site.new-<pid>-<x>`, the build under way (after the swap, the old site being deleted);
`.site.parts-<pid>-<x>`, the parts of a parallel build; `.site.old-<pid>-<x>`, the old site
between two renames. A build that stops (failure, Ctrl-C, SIGTERM, SIGHUP) stops its part
processes and deletes its folders; one killed outright leaves them, and the next build deletes
them under the lock. The lock also keeps `generator build` off docs/ while MkDocs reads it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging  # noqa: F401  (its at-fork hooks go in before ours)
import multiprocessing
import os
import secrets
import shutil
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

LOCK = ".build.lock"
STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Made by every build of this name; `.site-parts-` is what builds before staging left.
KINDS = ("new", "parts", "old")
LEGACY = ".site-parts-"

_LIBC = ctypes.CDLL(None, use_errno=True)
_AT_FDCWD, _RENAME_EXCHANGE, _PR_SET_PDEATHSIG = -100, 2, 1


class Interrupted(BaseException):
    """A signal (its number the one argument) asked the build to stop; a BaseException, as
    KeyboardInterrupt is, so that no `except Exception` in MkDocs stops it."""


class _State:
    """What a process forked by a build must undo: the parent's handlers and lock."""

    builder_pid: int | None = None  # the process running a staged build, if this one is
    lock_fd: int | None = None
    signal: int | None = None  # the first signal that asked the build to stop


def _hold_at_fork(how: int) -> Callable[[], None]:
    # A handler that raises inside another at-fork hook (logging's releases its lock in one)
    # has its exception ignored and that hook cut short: signals wait while a build forks.
    return lambda: None if _State.builder_pid is None else _sigmask(how)


def _sigmask(how: int) -> None:
    signal.pthread_sigmask(how, STOPPING)


def _in_forked_child() -> None:
    """In a part process: die with the build (a killed build leaves no orphan writing into
    its folders), take no signal handler or lock of the parent's, stop at Ctrl-C quietly."""
    if _State.builder_pid is None:
        return
    builder = _State.builder_pid
    _State.builder_pid = None
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_DFL)
    _sigmask(signal.SIG_UNBLOCK)
    if _State.lock_fd is not None:
        os.close(_State.lock_fd)  # the lock stays the builder's alone
        _State.lock_fd = None
    with contextlib.suppress(AttributeError):  # prctl is Linux's
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != builder:  # it died before prctl
        os._exit(1)


# Registered after logging's (imported above): ours block first and unblock last.
os.register_at_fork(
    before=_hold_at_fork(signal.SIG_BLOCK),
    after_in_parent=_hold_at_fork(signal.SIG_UNBLOCK),
    after_in_child=_in_forked_child,
)


def stop_children() -> None:
    """Stop every process this one started through multiprocessing (the MkDocs parts)."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()


def _check_not_stopped() -> None:
    """Raise Interrupted if a signal came, even if Python ignored its handler's exception."""
    if _State.signal is not None:
        raise Interrupted(_State.signal)


@contextlib.contextmanager
def _stopping_on_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP stop the parts at once and raise Interrupted, so that the
    build unwinds and deletes what it made (signals wait while it deletes)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        _State.signal = _State.signal or signum
        stop_children()
        raise Interrupted(signum)

    _State.builder_pid, _State.signal = os.getpid(), None
    previous = {}
    try:
        for signum in STOPPING:
            previous[signum] = signal.signal(signum, stop)
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _State.builder_pid = None


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Signals wait while site/ is being replaced, so no handler runs between two renames."""
    _sigmask(signal.SIG_BLOCK)
    try:
        yield
    finally:
        _sigmask(signal.SIG_UNBLOCK)


def _holder(handle: int) -> str:
    """What the lock's holder wrote of itself (it writes just after it takes the lock)."""
    for _ in range(20):
        text = os.pread(handle, 300, 0).decode("utf-8", "replace").strip()
        if text:
            return text
        time.sleep(0.01)
    return "a process"


@contextlib.contextmanager
def project_lock(folder: Path, command: str) -> Iterator[None]:
    """Hold the project's build lock (`.build.lock` in `folder`), waiting, with a message,
    while another build holds it. The kernel releases it when its holder ends, however."""
    path = folder / LOCK
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = f"{_holder(handle)} holds {path}"
            print(f"Waiting for another build to finish: {holder}", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.ftruncate(handle, 0)  # what a killed holder wrote
        os.pwrite(handle, f"{command} (pid {os.getpid()})\n".encode(), 0)
        _State.lock_fd = handle
        try:
            yield
        finally:
            os.ftruncate(handle, 0)  # so that a holder that writes nothing isn't taken for us
    finally:
        _State.lock_fd = None
        os.close(handle)


def _exchange(first: Path, second: Path) -> None:
    """Swap two paths in one step (Linux 3.15+, on the file systems that support it)."""
    try:
        renameat2 = _LIBC.renameat2
    except AttributeError:
        raise OSError(errno.ENOSYS, "renameat2 is missing") from None
    int_, path = ctypes.c_int, ctypes.c_char_p
    renameat2.argtypes = [int_, path, int_, path, ctypes.c_uint]
    names = os.fsencode(first), os.fsencode(second)
    if renameat2(_AT_FDCWD, names[0], _AT_FDCWD, names[1], _RENAME_EXCHANGE) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(first), None, str(second))


class Staging:
    """The folders of one build beside site/, and the swap that puts the new one in place."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.made: list[Path] = []
        self.replaced = False

    def folder(self, kind: str = "new") -> Path:
        """A new, empty folder of this build's beside site/ (mode as umask makes it)."""
        path = self.site.with_name(f".{self.site.name}.{kind}-{os.getpid()}-{secrets.token_hex(3)}")
        self.made.append(path)  # first: a signal between the two must not leave it behind
        path.mkdir(parents=True)
        return path

    def copy_of_site(self) -> Path:
        """A copy of site/ to change (copies, not links: a change can't reach site/)."""
        path = self.folder()
        shutil.copytree(self.site, path, symlinks=True, dirs_exist_ok=True)
        return path

    def replace_site(self, new: Path) -> None:
        """Put the finished build `new` in site/'s place; the old site is deleted with the
        build's other folders."""
        with _signals_held():
            _check_not_stopped()
            if os.path.lexists(self.site):
                with contextlib.suppress(OSError):  # site/'s mode, if it was changed
                    os.chmod(new, stat.S_IMODE(self.site.stat().st_mode))
                try:
                    _exchange(new, self.site)  # `new` now holds the old site
                except OSError as error:
                    if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                        raise
                    old = self.folder("old")  # empty: a folder may be renamed onto it
                    os.replace(self.site, old)
                    os.rename(new, self.site)
            else:
                os.rename(new, self.site)
            self.replaced = True

    def remove(self) -> None:
        """Delete this build's folders (and the old site, once replaced)."""
        with _signals_held():  # a Ctrl-C now would only leave them for the next build
            for path in self.made:
                shutil.rmtree(path, ignore_errors=True)


def leftovers(site: Path) -> list[Path]:
    """The folders builds of this site make beside it, by their names."""
    prefixes = tuple(f".{site.name}.{kind}-" for kind in KINDS) + (LEGACY,)
    if not site.parent.is_dir():
        return []
    return sorted(path for path in site.parent.iterdir() if path.name.startswith(prefixes))


def remove_leftovers(site: Path) -> None:
    """Delete what killed builds left; put the old site back if one was killed between its
    two renames. Only under the lock: no live build's folders are among them."""
    found = leftovers(site)
    old = [path for path in found if path.name.startswith(f".{site.name}.old-")]
    if old and not os.path.lexists(site):
        os.rename(old[-1], site)
        print(f"Put back {site.name}/ from {old[-1].name}, left by a build that was stopped")
        found.remove(old[-1])
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
        print(f"Removed {path.name}, left by a build that was stopped")


def _to_the_end(cleanup: Callable[[], None]) -> None:
    """Run cleanup to its end, even if a handler raises at its edges (it holds signals)."""
    while True:
        with contextlib.suppress(Interrupted):
            cleanup()
            return


@contextlib.contextmanager
def staged(site: Path, project: Path, command: str) -> Iterator[Staging]:
    """Run a build of `site` under the project's lock, with what the last killed build left
    deleted first; what this build made is deleted at the end, however it ends. A signal
    stops it: the message says so and the process exits with 128 + the signal's number."""
    # A site/ that is a link to a folder: that folder is the one replaced, the link stays.
    site = Path(os.path.realpath(site))
    staging = Staging(site)
    try:
        with _stopping_on_signals():
            with project_lock(project, command):
                try:
                    remove_leftovers(site)
                    yield staging
                finally:
                    _to_the_end(staging.remove)
            _check_not_stopped()
    except Interrupted as stopped:
        signum = _State.signal or stopped.args[0]
        name = signal.Signals(signum).name
        state = "holds the new build" if staging.replaced else "is as it was"
        print(f"{command}: stopped by {name}; {site.name}/ {state}", file=sys.stderr)
        raise SystemExit(128 + signum) from None
