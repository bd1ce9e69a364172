# What this machine needs for `./ido up`, `./ido test` and `.ci/run`, in one place: whether it is there, and
# installing what is missing on Debian/Ubuntu (as root, or through sudo). Sourced from the repository root
# (`. deploy/prerequisites.sh`) by deploy/IdoPlatform.Launcher/launch.sh, deploy/local/test.sh and .ci/run;
# defines functions only.

# The servers are started privately from these binaries (deploy/IdoPlatform.LocalServers/ServerBinaries.cs).
have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
have_rabbitmq() { [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || [ -x /usr/local/lib/rabbitmq/bin/rabbitmq-server ]; }
# The browser tests (tests/IdoPlatform.Web.Tests) drive Debian's chromium through Playwright.
have_chromium() { [ -x "${IDO_CHROMIUM:-/usr/bin/chromium}" ]; }
# The OpenAPI lint of every service's document (tests/IdoPlatform.BuildingBlocks.Web.Tests/Shared/SpectralLint.cs).
have_spectral() { command -v spectral >/dev/null 2>&1; }
have_dotnet() { command -v dotnet >/dev/null 2>&1; }

require_dotnet() {
    have_dotnet && return 0
    echo "./ido needs the .NET 10 SDK (dotnet on PATH): https://dotnet.microsoft.com/download" >&2
    exit 1
}

# The Debian packages missing of the named parts (postgres, rabbitmq, chromium), one a line.
missing_packages() {
    local part
    for part in "$@"; do
        case $part in
            postgres) have_postgres || echo postgresql ;;
            rabbitmq) have_rabbitmq || echo rabbitmq-server ;;
            chromium) have_chromium || echo chromium ;;
            *) echo "prerequisites.sh: unknown part '$part'" >&2; return 64 ;;
        esac
    done
}

# Sets the array `as_root` to the way of running a command as root: empty when we are root, sudo otherwise
# (`quiet`: only sudo that needs no password, so nothing waits for one). Fails when there is no way.
find_root() {
    as_root=()
    [ "$(id -u)" -eq 0 ] && return 0
    command -v sudo >/dev/null 2>&1 || return 1
    if [ "${1:-}" = quiet ]; then
        sudo -n true 2>/dev/null || return 1
        as_root=(sudo -n)
    else
        as_root=(sudo)
    fi
}

# apt-get installs the packages through "${as_root[@]}" (see find_root). The server packages would start system
# services on the default ports; ours run privately on other ports, so Debian's policy-rc.d hook keeps them from
# starting while the packages install (a hook that was there already stays as it was).
apt_install() {
    # shellcheck disable=SC2016 # expanded by the root shell
    "${as_root[@]}" sh -c '
        set -e
        export DEBIAN_FRONTEND=noninteractive
        policy=/usr/sbin/policy-rc.d
        made_policy=
        if [ ! -e $policy ]; then printf "#!/bin/sh\nexit 101\n" > $policy; chmod +x $policy; made_policy=1; fi
        trap "if [ -n \"\$made_policy\" ]; then rm -f $policy; fi" EXIT
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null' apt_install "$@"
}

# Installs the missing ones of the named parts (postgres, rabbitmq, chromium) or exits saying what to install.
# $1 names the command that needs them, for the messages.
install_missing() {
    local needed_by=$1
    shift
    local missing
    missing=$(missing_packages "$@") || exit 1
    [ -z "$missing" ] && return 0
    missing=$(echo $missing) # one line
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$needed_by needs $missing (Debian's names), and this is not a Debian/Ubuntu machine." >&2
        echo "Install them with your package manager, e.g." >&2
        echo "  Fedora: sudo dnf install postgresql-server rabbitmq-server    macOS: brew install postgresql rabbitmq" >&2
        exit 1
    fi
    if ! find_root; then
        echo "$needed_by needs $missing. Install as root, then run it again:" >&2
        echo "  apt-get install $missing" >&2
        exit 1
    fi
    if [ ${#as_root[@]} -eq 0 ]; then
        echo "== installing $missing (apt-get)"
    else
        echo "== installing $missing (sudo apt-get; your password may be asked)"
    fi
    # shellcheck disable=SC2086 # one word a package
    apt_install $missing
}

# Chromium for the browser tests when it is missing and may be installed without asking anyone (root, or sudo
# without a password); otherwise the browser tests say what to install.
try_install_chromium() {
    have_chromium && return 0
    command -v apt-get >/dev/null 2>&1 && find_root quiet || return 0
    echo "== installing chromium (browser tests)"
    apt_install chromium || echo "note: chromium could not be installed; the browser tests will say what to do"
}

# The spectral CLI (npm, global) when it is missing; Node and npm must be there.
install_spectral() {
    have_spectral && return 0
    if ! command -v npm >/dev/null 2>&1; then
        echo "the OpenAPI lint tests need spectral: install Node.js, then npm install -g @stoplight/spectral-cli" >&2
        return 1
    fi
    echo "== installing @stoplight/spectral-cli (OpenAPI lint)"
    npm install -g --no-fund --no-audit --loglevel=error @stoplight/spectral-cli >/dev/null
}
