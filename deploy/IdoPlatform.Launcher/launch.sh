#!/usr/bin/env bash
# `./ido up | down | status | restart | dead-letters | replay-dead-letters`: for `up`, installs what is missing (PostgreSQL, RabbitMQ) on Debian/Ubuntu as
# root or through sudo, else says what to install (deploy/prerequisites.sh); builds this launcher and hands over to it
# (Program.cs: private servers under .data/, the services and the gateway, Ctrl-C stops everything).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=deploy/IdoPlatform.Launcher/IdoPlatform.Launcher.csproj
command=${1:-}

# shellcheck source=../prerequisites.sh
. deploy/prerequisites.sh
require_dotnet

build_launcher() {
    local output
    if ! output=$(dotnet build "$project" -c Release -nologo -v:q -clp:NoSummary 2>&1); then
        echo "$output" >&2
        exit 1
    fi
}

launcher() { ls deploy/IdoPlatform.Launcher/bin/Release/net*/IdoPlatform.Launcher.dll 2>/dev/null | tail -n1; }

# "pid start-time" of a running `./ido up` (the start time tells a reused pid apart); checked here too, so a
# second `up` neither rebuilds under the running one nor waits for a build to be told.
already_up() {
    local pid start
    [ -r .data/ido.pid ] || return 1 # (a failed `< file` redirection prints its error before any 2>/dev/null)
    read -r pid start < .data/ido.pid || return 1
    [ -n "${pid:-}" ] && [ -r "/proc/$pid/stat" ] &&
        [ "$(sed -E 's/.*\) //' "/proc/$pid/stat" | cut -d' ' -f20)" = "${start:-}" ]
}

if [ "$command" = up ]; then
    if already_up; then
        echo "./ido up is already running (pid $(cut -d' ' -f1 .data/ido.pid)). See ./ido status; stop it with ./ido down." >&2
        exit 1
    fi
    install_missing "./ido up" postgres rabbitmq
    echo "== building the launcher"
    build_launcher
elif [ -z "$(launcher)" ]; then
    build_launcher
fi
exec dotnet "$(launcher)" "$@"
