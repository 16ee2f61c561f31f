#!/usr/bin/env bash
# build-letter-fixtures.sh [OUT_DIR]
#
# Rebuilds the Word, PDF and Excel versions of the bundled letters that the document-formats tests compare
# with the text versions (document-formats/src/test/resources/letters by default):
#   1. LetterFixtureBuilder (test sources of document-formats, Apache POI) writes each .docx from its text
#      version in inputs/documents, tables as real Word tables, and the 7260/VPCP-KSTT appendix as .xlsx;
#   2. LibreOffice headless exports every .docx to PDF, as a ministry's "Save as PDF" would.
# Run it only to change the fixtures; they are committed, and CI never needs LibreOffice.
# Needs Maven (offline, warm repository) and LibreOffice Writer:
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/document-formats/src/test/resources/letters}"
command -v soffice >/dev/null 2>&1 || { echo "build-letter-fixtures: soffice not found (see the header)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -o -q -pl core,document-formats test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
cp="document-formats/target/test-classes:document-formats/target/classes:core/target/classes:$(cat "$work/classpath")"
mkdir -p "$out"
java -cp "$cp" vn.dvcw.formats.fixtures.LetterFixtureBuilder inputs/documents "$out"

# A private LibreOffice profile: no first-start dialogs, no clash with a LibreOffice the user has open.
for docx in "$out"/*.docx; do
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$out" "$docx" \
    >/dev/null
  echo "$(basename "${docx%.docx}").pdf $(stat -c %s "${docx%.docx}.pdf") bytes"
done
