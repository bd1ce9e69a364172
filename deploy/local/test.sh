#!/usr/bin/env bash
# `./ido test`: build IdoPlatform.sln once, run all its test projects (in parallel, each against real
# PostgreSQL and RabbitMQ that tests/IdoPlatform.Testing provides), print one summary line, and exit
# non-zero when anything failed. Extra arguments go to `dotnet test` (e.g. --filter Name~Relay).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
solution=${IDO_SOLUTION:-IdoPlatform.sln} # another solution only to try this script itself

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=../prerequisites.sh
. deploy/prerequisites.sh
require_dotnet
# Like PostgreSQL and RabbitMQ, chromium for the browser tests is installed when missing and we may (root, or sudo
# without a password); otherwise those tests say what to install.
try_install_chromium

started=$(date +%s)
echo "== build $solution"
dotnet build "$solution" -nologo -v:minimal -clp:NoSummary
built=$(date +%s)

echo "== test $solution"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# A hung test is stopped after 8 minutes and reported as a failure instead of stalling the run.
dotnet test "$solution" --no-build -nologo \
    --blame-hang-timeout 8m --blame-hang-dump-type none \
    "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One line over all test projects, from the per-project lines
# "Passed!  - Failed: 0, Passed: 14, Skipped: 0, Total: 14, Duration: 27 s - X.dll (net10.0)".
read -r passed failed skipped projects < <(
    grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
    | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
    | awk '{ f += $1; p += $2; s += $3; n++ } END { printf "%d %d %d %d\n", p, f, s, n }')
finished=$(date +%s)
echo
echo "== $projects test projects; build $((built - started)) s, tests $((finished - built)) s"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # A crashed test host or a hang leaves no count of its own: count it as a failure.
    failed=1
fi
echo "Total: $passed passed, $failed failed, $skipped skipped"
exit "$status"
