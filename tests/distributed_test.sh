#!/usr/bin/env bash
# The Dask driver (tools/distributed/driver.py) against the extractor itself:
# on a real scheduler process and two worker processes on 127.0.0.1, its
# output must equal `extractor --threads 1` over the same inputs byte for
# byte, with the same exit status and the same stderr messages (the summary's
# time aside): over a directory, an empty file (an error record) and a JSONL
# with bad lines; over that JSONL cut into line ranges, as a file and on
# stdin; and with a bad --date (status 2, no output).
#
#   tests/distributed_test.sh EXTRACTOR SOURCE_DIR
#
# Fails, not skips, when Debian's python3-distributed is missing (CI installs
# it through tools/install-deps). Every process it starts is ended on exit,
# and each step runs under `timeout`.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 EXTRACTOR SOURCE_DIR" >&2
  exit 2
fi
extractor="$(realpath "$1")"
src="$(realpath "$2")"
python=/usr/bin/python3  # Debian's python, which python3-distributed installs into
dask=/usr/bin/dask
driver="$src/tools/distributed/driver.py"

fail() {
  echo "FAIL: $*" >&2
  if [ -n "${tmp:-}" ]; then  # the scheduler's and the workers' logs
    for log in "$tmp"/*.log; do echo "== $log" >&2; tail -n 15 "$log" >&2; done
  fi
  exit 1
}
"$python" -c 'import distributed' 2>/dev/null ||
  fail "$python cannot import distributed: apt-get install python3-distributed (tools/install-deps)"
[ -x "$dask" ] || fail "$dask missing: apt-get install python3-distributed"

tmp="$(mktemp -d)"
pids=()
cleanup() {
  # Workers first, then the scheduler. Each `timeout -k` wrapper passes the
  # TERM on and sends a KILL 10 s later to one that has not ended by then.
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
scheduler="tcp://127.0.0.1:$port"
# Workers start in their own directory: the driver must hand them its own.
mkdir -p "$tmp/w1" "$tmp/w2"
timeout -k 10 2400 "$dask" scheduler --host 127.0.0.1 --port "$port" --no-dashboard \
  >"$tmp/scheduler.log" 2>&1 &
pids+=($!)
for w in w1 w2; do
  (cd "$tmp/$w" && exec timeout -k 10 2400 "$dask" worker "$scheduler" --host 127.0.0.1 --name "$w" \
    --nthreads 1 --no-nanny --no-dashboard --local-directory "$tmp/$w" --death-timeout 60 \
    >"$tmp/$w.log" 2>&1) &
  pids+=($!)
done

# Inputs: an empty .txt (an error record, status 1) and a JSONL of 24 dev
# texts with bad lines among them (at the line numbers given): blank lines,
# malformed JSON, a line with no id, a bad date, and a document whose own id
# is "-:3" (what an id-less line 3 read from stdin would be called, which the
# driver must not rename).
: >"$tmp/empty.txt"
"$python" - "$src/corpus/dev/text" "$tmp/docs.jsonl" <<'EOF'
import glob, json, os, sys
texts = sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))[:24]
lines = [json.dumps({"id": os.path.basename(f)[:-4], "text": open(f, encoding="utf-8").read()})
         for f in texts]
bad = [(3, '{"id": "-:3", "text": ""}'), (15, ""), (16, "  \t"), (17, '{"id": "broken", "text": '),
       (24, '{"text": "no id here"}'), (25, "\r"),
       (28, '{"id": "bad-date", "text": "Jane Doe is the CEO of Acme.", "date": "2023-02-30"}')]
for line_no, line in bad:
    lines.insert(line_no - 1, line)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF

# Seconds each step may take: the sanitizer build runs the extractor several
# times slower, and CI runs other tests beside this one.
step_timeout="${DISTRIBUTED_STEP_TIMEOUT:-900}"

# Runs the extractor and the driver with the same options and inputs (in the
# source directory, so that relative paths are named alike) and compares.
# Usage: check NAME STDIN_FILE DRIVER_OPTIONS... -- EXTRACTOR_AND_DRIVER_ARGS...
check() {
  local name="$1" input="$2"
  shift 2
  local dopts=()
  while [ "$1" != "--" ]; do dopts+=("$1"); shift; done
  shift
  local want got
  set +e
  (cd "$src" && timeout -k 5 "$step_timeout" "$extractor" --threads 1 "$@" <"$input" \
    >"$tmp/$name.want" 2>"$tmp/$name.want.err")
  want=$?
  (cd "$src" && timeout -k 5 "$step_timeout" "$python" "$driver" --scheduler "$scheduler" --min-workers 2 \
    --connect-timeout 60 --extractor "$extractor" "${dopts[@]}" "$@" <"$input" \
    >"$tmp/$name.got" 2>"$tmp/$name.got.err")
  got=$?
  set -e
  for status in "$want" "$got"; do
    [ "$status" -ne 124 ] && [ "$status" -ne 137 ] || fail "$name: timed out"
  done
  cmp "$tmp/$name.want" "$tmp/$name.got" ||
    { cat "$tmp/$name.got.err" >&2; fail "$name: output differs from extractor --threads 1"; }
  [ "$want" = "$got" ] || { cat "$tmp/$name.got.err" >&2; fail "$name: exit $got, extractor $want"; }
  # stderr: the extractor's messages, in order; the summary's time masked.
  local mask='/^extractor: summary: /s/[0-9]+\.[0-9]+/T/g'
  grep '^extractor: ' "$tmp/$name.want.err" | sed -E "$mask" >"$tmp/$name.want.msg" || true
  grep '^extractor: ' "$tmp/$name.got.err" | sed -E "$mask" >"$tmp/$name.got.msg" || true
  diff "$tmp/$name.want.msg" "$tmp/$name.got.msg" >&2 ||
    { cat "$tmp/$name.got.err" >&2; fail "$name: stderr messages differ"; }
  echo "ok: $name ($(wc -l <"$tmp/$name.got") lines, exit $got, ${SECONDS}s)"
}

check files /dev/null -- corpus/dev/text "$tmp/empty.txt" "$tmp/docs.jsonl"
grep -q '"error"' "$tmp/files.got" || fail "files: no error record in the output"
# The same JSONL as a file and on stdin, in ranges of 16 documents: the second
# range starts at line 19, so the id-less line 24 is renamed in both.
check ranges "$tmp/docs.jsonl" --split-lines 16 --tasks 2 -- "$tmp/empty.txt" "$tmp/docs.jsonl" -
grep -q 'docs.jsonl:24"' "$tmp/ranges.got" || fail "ranges: the id-less line 24 is not named by file and line"
grep -q '"-:24"' "$tmp/ranges.got" || fail "ranges: the id-less line 24 of stdin is not named -:24"
check bad-date /dev/null -- --date 2023-02-30 corpus/dev/text
[ ! -s "$tmp/bad-date.got" ] || fail "bad-date: output despite a configuration error"
echo "3 passed, 0 failed"
