#!/usr/bin/env bash
# Decodes Recoup's EPC QR PNGs with an independent decoder (zbarimg from Debian's zbar-tools) and compares each
# result byte for byte with the payload that was encoded, twice: as raw symbol bytes, and as text, which zbar
# decodes in the character set the symbol declares (ECI) or else guesses (it took the Ä of a 331-byte payload
# without ECI for Shift-JIS). Exits non-zero on any difference or failure.
# Usage: sepa/scripts/check-epc-qr.sh   (from anywhere; needs mvn and java 17; installs zbar-tools as root if missing)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v zbarimg >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "zbarimg is missing; install Debian's zbar-tools (apt-get install zbar-tools) or run as root" >&2
    exit 2
  fi
  echo "installing zbar-tools ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools >/dev/null
fi
echo "decoder: $(zbarimg --version 2>/dev/null | head -1 || echo unknown) (zbarimg)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
mvn -B -q -pl sepa test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "sepa/target/test-classes:sepa/target/classes:$(cat "$work/cp.txt")" io.recoup.sepa.epc.EpcQrSamples "$work/out"

failures=0
count=0
for png in "$work"/out/sample-*.png; do
  expected="${png%.png}.txt"
  count=$((count + 1))
  # -Sbinary: the symbol's data bytes as they are, no charset conversion and no newline appended.
  # zbarimg's stderr (e.g. a D-Bus notice on machines without a system bus) is shown only when decoding fails.
  if ! zbarimg --raw -q -Sbinary "$png" > "$work/decoded.txt" 2> "$work/zbar.err"; then
    echo "FAIL $(basename "$png"): zbarimg found no QR code"
    cat "$work/zbar.err"
    failures=$((failures + 1))
    continue
  fi
  if ! cmp -s "$expected" "$work/decoded.txt"; then
    echo "FAIL $(basename "$png"): decoded payload differs from the encoded one"
    cmp "$expected" "$work/decoded.txt" || true
    failures=$((failures + 1))
    continue
  fi
  # Text mode: zbar converts to UTF-8 from the declared (or guessed) character set and appends a newline.
  zbarimg --raw -q "$png" 2> "$work/zbar.err" | head -c -1 > "$work/text.txt"
  if cmp -s "$expected" "$work/text.txt"; then
    echo "OK   $(basename "$png"): $(wc -c < "$expected") bytes identical, as raw bytes and as text"
  else
    echo "FAIL $(basename "$png"): read as text, the payload differs (character set not declared?)"
    cmp "$expected" "$work/text.txt" || true
    failures=$((failures + 1))
  fi
done

echo "$((count - failures)) passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$count" -gt 0 ]
