#!/usr/bin/env bash
# Regenerate the sample resume PDFs (and partial-ml.docx) in this folder from
# their sources.
#
# Needs: pdflatex (texlive-latex-base, texlive-latex-recommended,
# texlive-fonts-recommended), soffice (libreoffice-writer or
# libreoffice-writer-nogui), groff, and poppler-utils for the final check.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

for tool in pdflatex soffice groff; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build.sh: $tool not found; see README.md for the packages to install" >&2
    exit 1
  fi
done

# Fixed dates make the pdfTeX and groff output repeatable.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1764028800}"
export FORCE_SOURCE_DATE=1

# 1. strong-dl.pdf: pdfTeX, 2 pages.
pdflatex -interaction=nonstopmode -halt-on-error strong-dl.tex >/dev/null
rm -f strong-dl.aux strong-dl.log strong-dl.out

# 2. partial-ml.pdf: LibreOffice Writer, 1 page. A throw-away profile keeps
#    this working while another LibreOffice instance is running.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless \
  --convert-to pdf --outdir . partial-ml.fodt >/dev/null

# 2b. partial-ml.docx: the same source as DOCX, for the DOCX reader.
soffice -env:UserInstallation="file://$profile" --headless \
  --convert-to docx --outdir . partial-ml.fodt >/dev/null

# 3. web-dev-decoys.pdf: groff (gropdf), 1 page.
groff -ms -Tpdf -P-pletter web-dev-decoys.ms > web-dev-decoys.pdf

if command -v pdfinfo >/dev/null 2>&1; then
  for pdf in strong-dl.pdf partial-ml.pdf web-dev-decoys.pdf; do
    printf '%-20s %s, %s page(s)\n' "$pdf" \
      "$(pdfinfo "$pdf" | sed -n 's/^Producer: *//p')" \
      "$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"
  done
fi
