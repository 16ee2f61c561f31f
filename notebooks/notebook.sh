#!/usr/bin/env bash
# notebook.sh: `./dvcw notebook` — Jupyter with the warehouse's own Java kernel.
#   ./dvcw notebook [--port N]              install what is missing, build the kernel, start Jupyter on 127.0.0.1
#   ./dvcw notebook --execute [FILE.ipynb…] run every notebook (or the ones named) headless; fail on the first error
# The lakehouse is $DVCW_LAKEHOUSE, else $DVCW_HOME/lakehouse (run ./dvcw refresh first).
set -euo pipefail

DVCW_HOME="${DVCW_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
NOTEBOOKS="$DVCW_HOME/notebooks"
STATE="$DVCW_HOME/.dvcw"
KERNELS="$NOTEBOOKS/target/jupyter"          # JUPYTER_PATH entry: kernels/dvcw-java/kernel.json
KERNEL_SPEC="$KERNELS/kernels/dvcw-java/kernel.json"
STAMP="$STATE/notebook.stamp"
# Debian's python: a pyenv or venv python3 earlier on PATH cannot import Debian's nbconvert.
PY=/usr/bin/python3
PACKAGES=(jupyter-notebook python3-nbclient jupyter-nbconvert jupyter-client fonts-dejavu-core fonts-noto-mono)

usage() {
  sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

say() { echo "dvcw notebook: $*" >&2; }

install_packages() {
  local missing=()
  if ! command -v dpkg-query >/dev/null; then
    say "not a Debian system: install Jupyter Notebook 6, nbconvert, nbclient and a font with Vietnamese letters yourself"
    return
  fi
  for p in "${PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == "install ok installed" ]] || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  say "installing ${missing[*]} ..."
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

kernel_stale() {
  [[ -f "$STAMP" && -f "$KERNEL_SPEC" ]] || return 0
  # The spec holds this checkout's absolute paths: a moved checkout needs a new one.
  grep -qF "\"DVCW_HOME\": \"$DVCW_HOME\"" "$KERNEL_SPEC" || return 0
  local newer
  newer=$(find "$DVCW_HOME/pom.xml" "$NOTEBOOKS/pom.xml" "$NOTEBOOKS/src" "$DVCW_HOME/core" "$DVCW_HOME/lakehouse-layer" "$DVCW_HOME/charts" \
    "$DVCW_HOME/models" "$DVCW_HOME/conf" -path '*/target' -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null)
  [[ -n "$newer" ]]
}

build_kernel() {
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to build the kernel"; exit 1; }
  say "building the kernel (first run or sources changed) ..."
  mkdir -p "$STATE"
  # package: compiles, copies every runtime jar to notebooks/target/kernel-lib and writes the kernel spec.
  (cd "$DVCW_HOME" && mvn -B -Dstyle.color=never -pl notebooks -am -DskipTests package) > "$STATE/notebook-build.log" 2>&1 \
    || { grep -E "ERROR|BUILD" "$STATE/notebook-build.log" | head -20 >&2
         say "build failed; the full log is $STATE/notebook-build.log"; exit 1; }
  touch "$STAMP"
}

check_lakehouse() {
  local lakehouse="${DVCW_LAKEHOUSE:-$DVCW_HOME/lakehouse}"
  if [[ "$lakehouse" != *://* && ! -d "$lakehouse" ]]; then
    say "no lakehouse at $lakehouse: run ./dvcw refresh first (or set DVCW_LAKEHOUSE)"
    exit 1
  fi
  say "lakehouse: $lakehouse"
}

# Stopping the runner stops what it started. nbconvert runs in the background so that a signal reaches this
# script's trap at once (bash runs traps only between commands); the trap passes SIGINT on, which nbconvert
# turns into a clean kernel shutdown, then SIGTERM/SIGKILL if it lingers. Should this script die by SIGKILL,
# nbconvert gets SIGINT from the kernel (PR_SET_PDEATHSIG, set by $WITH_PARENT); and the kernel itself exits
# when nbconvert is gone (ParentWatchdog). No JVM outlives the runner.
CHILD=""
# Python prelude: ask Linux to send SIGINT when this script dies, then run the module named after -m.
# (bash starts background commands with SIGINT ignored: the prelude restores Python's KeyboardInterrupt.)
WITH_PARENT='import ctypes, runpy, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGINT)  # PR_SET_PDEATHSIG
except Exception:
    pass
module = sys.argv[2]; sys.argv = [module] + sys.argv[3:]
runpy.run_module(module, run_name="__main__", alter_sys=True)'

stop_child() {
  local sig="$1"
  if [[ -n "$CHILD" ]] && kill -0 "$CHILD" 2>/dev/null; then
    say "stopping (SIG$sig): ending nbconvert and its kernel ..."
    kill -INT "$CHILD" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do kill -0 "$CHILD" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$CHILD" 2>/dev/null || true
    sleep 1
    kill -KILL "$CHILD" 2>/dev/null || true
  fi
  trap - "$sig"
  kill -"$sig" $$
}

# Runs "$@" in the background and waits for it, so the traps below can act while it runs.
run_child() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return $rc
}

execute_all() {
  trap 'stop_child TERM' TERM
  trap 'stop_child INT' INT
  trap 'stop_child HUP' HUP
  local out files=("$@")
  if [[ ${#files[@]} -eq 0 ]]; then
    mapfile -t files < <(find "$NOTEBOOKS" -maxdepth 1 -name '*.ipynb' | sort)
  fi
  [[ ${#files[@]} -gt 0 ]] || { say "no notebooks in $NOTEBOOKS"; exit 1; }
  out="$(mktemp -d "${TMPDIR:-/tmp}/dvcw-notebooks.XXXXXX")"
  for nb in "${files[@]}"; do
    say "executing $(basename "$nb") ..."
    local started=$SECONDS
    # Without --allow-errors nbconvert exits non-zero on the first cell error and prints that cell.
    if ! run_child "$PY" -c "$WITH_PARENT" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
        --output-dir "$out" "$nb" 2> "$out/$(basename "$nb" .ipynb).log"; then
      tail -40 "$out/$(basename "$nb" .ipynb).log" >&2
      say "FAILED: $(basename "$nb"); the executed copy and its log are in $out"
      exit 1
    fi
    say "ok: $(basename "$nb") ($((SECONDS - started)) s)"
  done
  say "all ${#files[@]} notebooks ran without errors; executed copies in $out"
}

main() {
  local execute=0 port=8888 files=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --execute) execute=1 ;;
      --port) port="${2:?--port needs a number}"; shift ;;
      -h|--help) usage; exit 0 ;;
      -*) say "unknown option $1"; usage >&2; exit 2 ;;
      *) files+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")") ;;
    esac
    shift
  done
  install_packages
  "$PY" -c 'import nbconvert, nbclient, jupyter_client' 2>/dev/null \
    || { say "$PY cannot import nbconvert/nbclient/jupyter_client: install ${PACKAGES[*]}"; exit 1; }
  if kernel_stale; then
    build_kernel
  fi
  export DVCW_HOME
  export JUPYTER_PATH="$KERNELS${JUPYTER_PATH:+:$JUPYTER_PATH}"
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  check_lakehouse
  if [[ $execute -eq 1 ]]; then
    execute_all ${files[@]+"${files[@]}"}
  else
    say "kernel 'Java 17 + Spark (dvc-warehouse)' from $KERNEL_SPEC"
    local as_root=()
    # Containers and CI often run as root, which Jupyter refuses unless told; it still listens on 127.0.0.1 only.
    [[ $(id -u) -ne 0 ]] || as_root=(--allow-root)
    exec "$PY" -m notebook --ip=127.0.0.1 --port="$port" --no-browser --notebook-dir="$NOTEBOOKS" ${as_root[@]+"${as_root[@]}"}
  fi
}

main "$@"
