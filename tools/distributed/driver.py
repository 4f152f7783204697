#!/usr/bin/python3
"""Runs the extractor over many machines with Dask, as if it ran on one.

Promises:
  - Output (one JSON line per document, in input order) is byte-identical to
    `extractor --threads 1` over the same INPUTs with the same options, and
    so is stderr, but for the closing summary line, whose counts are summed
    over the tasks and whose time is the driver's wall time.
  - INPUTs are expanded as the extractor's DocumentReader does (read.cc):
    files as given; directories searched recursively for *.txt and *.jsonl,
    in byte-wise sorted path order, directory symlinks not followed, dangling
    file symlinks listed; "-" (or no INPUT) is standard input. A directory
    whose listing hits any error goes whole to one task, so the extractor's
    own listing decides what it yields.
  - The expanded list is cut into contiguous shares of about equal size
    (--tasks); each task runs the extractor on its share in a subprocess, in
    the driver's working directory, and returns stdout, stderr and status.
  - --split-lines N also cuts a JSONL input of more than N documents into
    ranges of N documents, each fed to the extractor on stdin. An id-less
    error record then names "-:LINE" of the range; the task renames it to
    "FILE:LINE" of the whole file (and the "extractor: -:LINE:" prefix of
    its stderr message), so ranges too are byte-identical to one process.
    (One exception: a failed document whose own id is "-:K" while line K of
    its range is another line gets FILE:K too.)
  - Exit status: the highest of the tasks' (0, 1 = some documents failed,
    2 = usage or configuration error, which stops the run). A task that
    cannot run the extractor, or whose extractor dies of a signal, stops
    the run with status 2 and a message; the output is then incomplete.

Requirements on a cluster: every worker needs Python's `distributed` (the
same version as the driver), the extractor binary and its patterns/ at the
same path as on the driver's machine, and the inputs and the driver's
working directory at the same paths (a shared filesystem), because a task
opens files by the names the driver gives. Only standard input is shipped
through the scheduler. Here all of that is one machine.

Usage: driver.py (--scheduler tcp://HOST:PORT | --local N) --extractor BIN
                 [-o FILE] [--tasks N] [--split-lines N] [--threads N]
                 [--format F] [--date D] [--patterns DIR] [INPUT ...]
                 [-- EXTRACTOR-OPTION ...]
Options after "--" go to every extractor as they are (e.g. --explain).
"""

import argparse
import io
import json
import os
import re
import socket
import subprocess
import sys
import time

# Options that would make an extractor do something other than write its
# share's JSON Lines to stdout.
FORBIDDEN_PASSTHROUGH = ("-o", "--output", "--list-rules", "--test-rules", "-h", "--help",
                         "--version", "--threads", "--format", "--date", "--patterns")

# Per-file cost in bytes-equivalent when balancing shares: a small file still
# costs a read and a document's fixed work.
FILE_WEIGHT = 4096


# --- Expanding INPUTs, as DocumentReader does ---------------------------------

def cpp_extension(name):
    """std::filesystem::path::extension() of a file name: a leading dot alone
    ('.txt') is no extension; '..txt' has '.txt' (os.path.splitext differs)."""
    if name in (".", ".."):
        return ""
    i = name.rfind(".")
    return name[i:] if i > 0 else ""


def list_directory(top):
    """Files under `top` the extractor would read, in its order; None when
    any listing error occurs (the caller then hands `top` over whole)."""
    found = []
    stack = [top]
    try:
        while stack:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    # recursive_directory_iterator recurses into directories but
                    # not into directory symlinks.
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                        continue
                    listed = entry.is_file() or (entry.is_symlink()
                                                 and not os.path.exists(entry.path))
                    if listed and cpp_extension(entry.name) in (".txt", ".jsonl"):
                        found.append(entry.path)
    except OSError:
        return None
    # std::sort of std::string: byte-wise order of the whole path.
    return sorted(found, key=os.fsencode)


def effective_format(path, requested):
    """FormatOf in read.cc: the format the extractor reads `path` in."""
    if requested != "auto":
        return requested
    if path == "-":
        return "jsonl"
    return "jsonl" if cpp_extension(os.path.basename(path)).lower() in (".jsonl", ".json") \
        else "txt"


def expand_inputs(inputs):
    """Paths in reading order; directories that failed to list stay as they are."""
    paths = []
    for item in inputs or ["-"]:
        if item != "-" and os.path.isdir(item):
            listed = list_directory(item)
            paths.extend([item] if listed is None else listed)
        else:
            paths.append(item)
    return paths


# --- Cutting JSONL into line ranges ---------------------------------------------

def is_blank_line(line):
    """A line the extractor skips: spaces and tabs only, after one '\\r'."""
    line = line.rstrip(b"\n")
    if line.endswith(b"\r"):
        line = line[:-1]
    return not line.strip(b" \t")


def line_ranges(lines, docs_per_range):
    """Cuts an iterable of raw lines (each with its '\\n') into ranges of
    `docs_per_range` documents. Returns [(begin, end, first_line)] with byte
    offsets and the 1-based number of the range's first line; blank lines go
    with the range before them, so every range holds a document. A single
    range when there are at most `docs_per_range` documents."""
    cuts = []  # (byte offset, line number) where a range begins
    offset, line_no, docs = 0, 0, 0
    for line in lines:
        line_no += 1
        if not is_blank_line(line):
            if docs and docs % docs_per_range == 0:
                cuts.append((offset, line_no))
            docs += 1
        offset += len(line)
    starts = [(0, 1)] + cuts
    ends = [c[0] for c in cuts] + [offset]
    return [(b, e, first) for (b, first), e in zip(starts, ends)]


def utf8_name(path):
    """True when `path` is valid UTF-8, so that the JSON the task writes for
    it is the extractor's."""
    try:
        path.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


# --- The task: runs on a worker -------------------------------------------------

def rename_range_records(out, err, data, source, first_line):
    """Renames what a range run on stdin calls "-:L" to SOURCE:(L + first_line - 1).

    An error record names "-:L" where JSON line L has no usable id (read.cc
    ParseJsonLine, and the --max-doc-bytes check). Line L is read to tell a
    document whose own id is "-:L" from that; an error record of another line
    whose id is "-:L" would be renamed wrongly (stdin's own naming)."""
    lines = data.split(b"\n")
    shift = first_line - 1

    def line_id(local):
        """The "id" of line `local` as the extractor reads it, or None."""
        raw = lines[local - 1] if 0 < local <= len(lines) else b""
        try:
            obj = json.loads(raw.rstrip(b"\r").decode("utf-8"))
        except ValueError:
            return None
        doc_id = obj.get("id") if isinstance(obj, dict) else None
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
            return None
        return str(doc_id)

    def record(match):
        local = int(match.group(1))
        if line_id(local) == "-:%d" % local:
            return match.group(0)
        # nlohmann::json writes strings as json.dumps(ensure_ascii=False) does.
        return b'{"doc":' + json.dumps("%s:%d" % (source, local + shift),
                                       ensure_ascii=False).encode("utf-8") + b","

    def message(line):
        # "extractor: WHERE: [ID: ]MESSAGE" (batch.cc), where ID is left out
        # when it equals WHERE: "-:L" on stdin, FILE:L in the whole file.
        match = re.match(rb"extractor: -:(\d+): ", line)
        if not match:
            return line
        local = int(match.group(1))
        stdin_where, where = "-:%d" % local, "%s:%d" % (source, local + shift)
        doc_id = line_id(local)
        rest = line[match.end():]
        shown = ""  # the ID as the whole-file run shows it
        if doc_id == stdin_where and doc_id != where:
            shown = doc_id + ": "  # left out on stdin, shown in the file
        elif doc_id == where and doc_id != stdin_where:
            rest = rest[len((doc_id + ": ").encode("utf-8")):]  # the reverse
        return ("extractor: %s: %s" % (where, shown)).encode("utf-8") + rest

    out = re.sub(rb'^\{"doc":"-:(\d+)",(?="error":)', record, out, flags=re.M)
    err = b"\n".join(message(line) for line in err.split(b"\n"))
    return out, err


def extractor_environment():
    """The worker's environment without what Dask's nanny sets for Python
    workers: MALLOC_TRIM_THRESHOLD_=65536 makes the extractor about twice as
    slow (glibc hands memory back to the system after every free)."""
    env = dict(os.environ)
    try:
        import dask
        preset = dask.config.get("distributed.nanny.pre-spawn-environ", {})
    except ImportError:
        preset = {}
    for name, value in preset.items():
        if env.get(name) == str(value):
            del env[name]
    return env


def run_share(command, cwd, paths=None, stdin=None, path_range=None):
    """Runs `command` + `paths` in `cwd`; or feeds it `stdin` (bytes); or
    feeds it bytes [begin, end) of a file, path_range = (source, begin, end,
    first_line, bytes or None to read them from the file). Returns (stdout,
    stderr, status); status None when the extractor could not be run, with
    the reason in stderr (a task that raised would only be logged on the
    worker, at length)."""
    try:
        if not os.path.isdir(cwd):
            raise OSError("the working directory %s is not on this worker" % cwd)
        renaming = None
        if path_range is not None:
            source, begin, end, first_line, data = path_range
            if data is None:
                with open(os.path.join(cwd, source), "rb") as f:
                    f.seek(begin)
                    data = f.read(end - begin)
            stdin = data
            renaming = (source, first_line)
        proc = subprocess.run(list(command) + list(paths or []), cwd=cwd, input=stdin,
                              stdin=None if stdin is not None else subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=extractor_environment())
    except OSError as e:
        return b"", ("%s: %s\n" % (socket.gethostname(), e)).encode("utf-8", "replace"), None
    out, err = proc.stdout, proc.stderr
    if renaming and proc.returncode in (0, 1):
        out, err = rename_range_records(out, err, stdin, *renaming)
    return out, err, proc.returncode


# --- Planning the shares --------------------------------------------------------

class Share:
    """One task's work: whole files, or one range of lines, or standard input."""

    def __init__(self, paths=None, stdin=None, path_range=None, weight=0):
        self.paths, self.stdin, self.path_range = paths, stdin, path_range
        self.weight = weight  # about the bytes to read
        self.index = None     # for whole files: which of the --tasks shares

    def describe(self):
        if self.path_range:
            r = self.path_range
            return "%s from line %d" % (r[0], r[3])
        if self.paths:
            return self.paths[0] + (" and %d more" % (len(self.paths) - 1)
                                    if len(self.paths) > 1 else "")
        return "standard input"


def file_weight(path):
    try:
        return os.path.getsize(path) + FILE_WEIGHT
    except OSError:
        return FILE_WEIGHT


def plan_shares(paths, fmt, tasks, split_lines, stdin_bytes):
    """Units in input order, then consecutive whole files grouped into about
    `tasks` shares of equal weight (a range or stdin is a share of its own)."""
    units = []  # Share objects; .paths of one file each, grouped below
    stdin_used = False
    for path in paths:
        if path == "-":
            # The extractor reads stdin once; a second "-" finds it at its end.
            data = b"" if stdin_used else stdin_bytes
            stdin_used = True
            ranges = (line_ranges(io.BytesIO(data), split_lines)
                      if split_lines and effective_format("-", fmt) == "jsonl" else [])
            if len(ranges) > 1:
                for b, e, first in ranges:
                    units.append(Share(path_range=("-", b, e, first, data[b:e]), weight=e - b))
            else:
                units.append(Share(stdin=data, weight=len(data) + FILE_WEIGHT))
            continue
        if (split_lines and effective_format(path, fmt) == "jsonl" and utf8_name(path)
                and os.path.isfile(path)):
            try:
                with open(path, "rb") as f:
                    ranges = line_ranges(f, split_lines)
            except OSError:
                ranges = []
            if len(ranges) > 1:
                for b, e, first in ranges:
                    units.append(Share(path_range=(path, b, e, first, None), weight=e - b))
                continue
        units.append(Share(paths=[path], weight=file_weight(path)))

    file_total = sum(u.weight for u in units if u.paths)
    shares, position = [], 0
    for unit in units:
        if not unit.paths:
            shares.append(unit)
            continue
        # The share a file falls in: where its middle lies in the run of all files.
        index = int((position + unit.weight / 2) * tasks / file_total)
        position += unit.weight
        last = shares[-1] if shares else None
        if last is not None and last.paths and last.index == index:
            last.paths += unit.paths
            last.weight += unit.weight
        else:
            unit.index = index
            shares.append(unit)
    return shares


# --- Gathering ------------------------------------------------------------------

SUMMARY = re.compile(rb"extractor: summary: ")
NUMBER = re.compile(rb"\d+(?:\.\d+)?")


def merge_summaries(lines, seconds):
    """One summary line from the tasks' own: counts summed, time replaced by
    the driver's wall time. Lines that do not share one wording are kept."""
    skeletons = {NUMBER.sub(b"#", line) for line in lines}
    if len(skeletons) != 1:
        return lines
    columns = zip(*(NUMBER.findall(line) for line in lines))
    values = iter([b"%.3f" % seconds if b"." in col[0] else b"%d" % sum(int(v) for v in col)
                   for col in columns])
    return [NUMBER.sub(lambda _: next(values), lines[0])]


def parse_args(argv):
    passthrough = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(
        prog="driver.py", description="Runs the extractor on a Dask cluster; output and exit "
        "status as `extractor --threads 1` over the same INPUTs. Options after -- go to "
        "every extractor.")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a running scheduler")
    where.add_argument("--local", type=int, metavar="N",
                       help="start a LocalCluster of N worker processes on loopback")
    p.add_argument("--extractor", required=True, help="the extractor binary (same path on "
                   "every worker)")
    p.add_argument("-o", "--output", help="write JSON Lines here instead of stdout")
    p.add_argument("--tasks", type=int, help="shares of whole files (default: 2 per worker "
                   "thread)")
    p.add_argument("--split-lines", type=int, metavar="N", help="also cut JSONL inputs "
                   "(and stdin) into ranges of N documents, one task each")
    p.add_argument("--threads", type=int, default=1, help="--threads of each extractor "
                   "(default 1)")
    p.add_argument("--format", default="auto", choices=("auto", "txt", "jsonl"))
    p.add_argument("--date", help="passed to the extractor")
    p.add_argument("--patterns", help="passed to the extractor (same path on every worker)")
    p.add_argument("--min-workers", type=int, default=1, help="wait for this many workers "
                   "(default 1)")
    p.add_argument("--connect-timeout", type=float, default=60, help="seconds to wait for "
                   "the scheduler and the workers (default 60)")
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    args = p.parse_intermixed_args(argv)
    for opt in passthrough:
        if opt.split("=")[0] in FORBIDDEN_PASSTHROUGH or opt.startswith("-o"):
            p.error("%s cannot be passed to the extractors after --" % opt)
    for name in ("tasks", "split_lines", "threads", "local", "min_workers"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            p.error("--%s must be at least 1" % name.replace("_", "-"))
    args.passthrough = passthrough
    return args


def extractor_command(args, fmt):
    exe = args.extractor
    if "/" in exe:  # a task runs in the driver's directory, but be explicit
        exe = os.path.abspath(exe)
    command = [exe, "--threads", str(args.threads), "--format", fmt]
    if args.date is not None:
        command += ["--date", args.date]
    if args.patterns is not None:
        command += ["--patterns", args.patterns]
    return command + args.passthrough


def main(argv):
    args = parse_args(argv)
    paths = expand_inputs(args.inputs)
    stdin_bytes = sys.stdin.buffer.read() if "-" in paths else b""
    try:
        out = open(args.output, "wb") if args.output else sys.stdout.buffer
    except OSError as e:
        print("driver: cannot write %s: %s" % (args.output, e.strerror), file=sys.stderr)
        return 2

    # Imported here so that --help and usage errors do not pay for it.
    from distributed import Client, LocalCluster

    cluster = client = None
    status = 0
    try:
        if args.local:
            cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
        client = Client(cluster or args.scheduler, timeout=args.connect_timeout,
                        set_as_default=False)
        client.wait_for_workers(args.min_workers, timeout=args.connect_timeout)
        worker_threads = sum(client.nthreads().values())
        shares = plan_shares(paths, args.format, args.tasks or 2 * worker_threads,
                             args.split_lines, stdin_bytes)
        cwd = os.getcwd()
        files_command = extractor_command(args, args.format)
        range_command = extractor_command(args, "jsonl") + ["-"]
        start = time.monotonic()
        futures = []
        for i, share in enumerate(shares):
            if share.path_range:
                call = dict(command=range_command, path_range=share.path_range)
            elif share.paths:
                call = dict(command=files_command, paths=share.paths)
            else:
                call = dict(command=files_command, paths=["-"], stdin=share.stdin)
            futures.append(client.submit(run_share, cwd=cwd, pure=False,
                                         priority=len(shares) - i, **call))

        summaries = []
        # In input order; each result is written as soon as all before it are.
        for i, (share, future) in enumerate(zip(shares, futures)):
            try:
                text, err, code = future.result()
            except Exception as e:  # e.g. the task's worker died too often
                text, err, code = b"", ("%s\n" % e).encode("utf-8", "replace"), None
            future.release()
            if code is None or code < 0 or code > 2:
                sys.stderr.buffer.write(err)
                why = ("the extractor could not be run" if code is None else
                       "the extractor was killed by signal %d" % -code if code < 0 else
                       "the extractor ended with status %d" % code)
                print("driver: task %d (%s) failed: %s" % (i, share.describe(), why),
                      file=sys.stderr)
            if code != 0 and code != 1:
                # A configuration error (2) is the same in every task: it is
                # reported once, as the extractor would, and ends the run.
                if code == 2:
                    sys.stderr.buffer.write(err)
                client.cancel(futures[i + 1:])
                status = 2
                break
            out.write(text)
            *lines, tail = err.split(b"\n")
            for line in lines:
                if SUMMARY.match(line):
                    summaries.append(line)
                else:
                    sys.stderr.buffer.write(line + b"\n")
            sys.stderr.buffer.write(tail)
            sys.stderr.flush()
            status = max(status, code)
        else:
            if summaries:
                for line in merge_summaries(summaries, time.monotonic() - start):
                    sys.stderr.buffer.write(line + b"\n")
        out.flush()
    except OSError as e:
        # Connection problems, and failing to write the output.
        print("driver: %s" % e, file=sys.stderr)
        status = 2
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        if out is not sys.stdout.buffer:
            out.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
