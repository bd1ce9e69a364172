#!/usr/bin/env bash
# `./ido up | down | status | restart | dead-letters | replay-dead-letters`: for `up`, installs what is missing (PostgreSQL, RabbitMQ) on Debian/Ubuntu as
# root or through sudo, else says what to install; builds this launcher and hands over to it
# (Program.cs: private servers under .data/, the services and the gateway, Ctrl-C stops everything).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=deploy/IdoPlatform.Launcher/IdoPlatform.Launcher.csproj
command=${1:-}

have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
have_rabbitmq() {
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || [ -x /usr/local/lib/rabbitmq/bin/rabbitmq-server ]
}

install_missing() {
    local missing=()
    have_postgres || missing+=(postgresql)
    have_rabbitmq || missing+=(rabbitmq-server)
    [ ${#missing[@]} -eq 0 ] && return 0

    if ! command -v apt-get >/dev/null 2>&1; then
        echo "./ido up needs the PostgreSQL server (initdb, pg_ctl) and the RabbitMQ server (rabbitmq-server)," >&2
        echo "and this is not a Debian/Ubuntu machine. Install them with your package manager, e.g." >&2
        echo "  Fedora: sudo dnf install postgresql-server rabbitmq-server    macOS: brew install postgresql rabbitmq" >&2
        exit 1
    fi
    # The packages would start system services on the default ports; ./ido up runs private servers on
    # other ports under .data/, so keep the system ones from starting (Debian's policy-rc.d hook).
    local script="
        set -e
        export DEBIAN_FRONTEND=noninteractive
        policy=/usr/sbin/policy-rc.d
        made_policy=
        if [ ! -e \$policy ]; then printf '#!/bin/sh\nexit 101\n' > \$policy; chmod +x \$policy; made_policy=1; fi
        trap '[ -n \"\$made_policy\" ] && rm -f \$policy' EXIT
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends ${missing[*]} >/dev/null"
    if [ "$(id -u)" -eq 0 ]; then
        echo "== installing ${missing[*]} (apt-get)"
        sh -c "$script"
    elif command -v sudo >/dev/null 2>&1; then
        echo "== installing ${missing[*]} (sudo apt-get; your password may be asked)"
        sudo sh -c "$script"
    else
        echo "./ido up needs ${missing[*]}. Install as root, then run ./ido up again:" >&2
        echo "  apt-get install postgresql rabbitmq-server" >&2
        exit 1
    fi
}

if ! command -v dotnet >/dev/null 2>&1; then
    echo "./ido needs the .NET 10 SDK (dotnet on PATH): https://dotnet.microsoft.com/download" >&2
    exit 1
fi

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
    install_missing
    echo "== building the launcher"
    build_launcher
elif [ -z "$(launcher)" ]; then
    build_launcher
fi
exec dotnet "$(launcher)" "$@"
