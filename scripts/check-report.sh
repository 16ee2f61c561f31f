#!/usr/bin/env bash
# check-report.sh REPORT.html OUT.png
#
# Opens a `dvcw report` file in headless Chromium, offline, as a reader's browser would: saves a screenshot
# to OUT.png and fails (exit 1) when the page logs a script error or a failed load, when an <img> is not an
# embedded PNG (data: URI) that decodes, or when one of the report's pages (headings) is missing.
# Needs Debian's chromium (apt-get install chromium fonts-dejavu-core); $CHROMIUM overrides the binary.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 REPORT.html OUT.png" >&2
  exit 2
fi
report="$1"
png="$2"
[[ -f "$report" ]] || { echo "check-report: no such file: $report" >&2; exit 2; }

browser="${CHROMIUM:-}"
if [[ -z "$browser" ]]; then
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
  done
fi
[[ -n "$browser" ]] || { echo "check-report: chromium not found (apt-get install chromium)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
mkdir -p "$(dirname "$png")"
png="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"

# A fresh profile per run, nothing fetched from the network, console messages to stderr.
chrome() {
  local profile
  profile="$(mktemp -d "$work/profile.XXXXXX")"
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic --user-data-dir="$profile" \
    --enable-logging=stderr --log-level=0 --hide-scrollbars "$@"
}

failures=()

chrome --screenshot="$png" --window-size=1400,4000 "$url" >"$work/shot.out" 2>"$work/shot.err" \
  || failures+=("chromium failed taking the screenshot (see below)")
chrome --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.err" \
  || failures+=("chromium failed dumping the DOM")

# Console errors of either run: uncaught script errors, resources that did not load.
if grep -hE 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$work/shot.err" "$work/dom.err" \
    | grep -E 'Uncaught|Error|Failed to load|net::ERR_' >"$work/console-errors.txt"; then
  failures+=("the page logged errors: $(head -3 "$work/console-errors.txt" | tr '\n' ' ')")
fi

[[ -s "$png" ]] || failures+=("no screenshot written to $png")
if [[ -s "$png" ]] && [[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
  failures+=("the screenshot is not a PNG")
fi

if [[ ! -s "$work/dom.html" ]] || ! grep -q '</html>' "$work/dom.html"; then
  failures+=("the DOM dump is empty or cut short")
else
  # Every page of the report, by its heading's id.
  for id in online-rate integration dossiers kpi-breaches readiness data-quality dossier-feed service-index; do
    grep -q "<h2 id=\"$id\">" "$work/dom.html" || failures+=("missing heading: $id")
  done
  grep -q '<h1 id="top">' "$work/dom.html" || failures+=("missing the title heading")
  # Diacritics survived the round trip (the page is UTF-8 and says so).
  grep -q 'Tỷ lệ hồ sơ nộp trực tuyến' "$work/dom.html" || failures+=("Vietnamese heading text not found as UTF-8")

  # Every <img>: an embedded PNG that decodes; no image may point outside the file.
  grep -o '<img[^>]*>' "$work/dom.html" >"$work/imgs.txt" || true
  images=$(wc -l <"$work/imgs.txt")
  [[ "$images" -gt 0 ]] || failures+=("no images in the report")
  n=0
  while IFS= read -r tag; do
    n=$((n + 1))
    src="$(printf '%s' "$tag" | sed -nE 's/.* src="([^"]*)".*/\1/p')"
    case "$src" in
      data:image/png\;base64,*)
        # (the decoder is cut off after 8 bytes: its SIGPIPE is expected, hence the subshell and || true)
        sig="$( (printf '%s' "${src#data:image/png;base64,}" | base64 -d) 2>/dev/null | head -c 8 | od -An -tx1 | tr -d ' \n' || true)"
        [[ "$sig" == "89504e470d0a1a0a" ]] || failures+=("image $n: data URI does not decode to a PNG")
        ;;
      *) failures+=("image $n has no data: src (${src:0:60})") ;;
    esac
  done <"$work/imgs.txt"
fi

if [[ ${#failures[@]} -gt 0 ]]; then
  echo "check-report: FAILED for $report" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "check-report: ok: $images embedded charts, 8 pages, no console errors; screenshot $png"
