# shellcheck shell=bash
#
# Hosts on one machine for ops/test-cluster and ops/bench scaleout: Linux network namespaces
# joined by veth pairs to a bridge in the root namespace. The bridge has no address and
# nothing routes or forwards out of it, so no packet leaves these hosts. Source it after
# ops/lib.sh; needs root (ip netns, cgroups).
#
#   vc_net_up HOST…            a bridge and one namespace per HOST (eth0 10.77.N.<k>/24, lo up);
#                              sets VC_NS[host], VC_IP[host], VC_LINK[host] (the root side of the veth)
#   vc_spawn HOST LOG CMD…     vd_spawn CMD inside HOST's namespace; sets VD_SPAWNED_PID
#   vc_wait_http HOST URL PID  polls URL from inside HOST until 2xx (60 s; 2 when PID dies first)
#   vc_kill_host HOST [SIG]    that signal (KILL) to every process in HOST's namespace
#   vc_link HOST up|down       pulls / plugs HOST's cable (the root side of its veth)
#   vc_cgroup HOST QUOTA_PCT [SHARES]
#                              a cgroup v1 `cpu` group for HOST limited to QUOTA_PCT % of one CPU
#                              (cpu.cfs_quota_us over a 100 ms period; 0 = no limit), weighted
#                              SHARES (cpu.shares, 1024) against everything else on the machine;
#                              vc_cgroup_add HOST PID puts a process (and its future children) in
#                              it, vc_cgroup_host HOST every process of HOST's namespace
#   vc_net_down                stops every process left in the namespaces (TERM, then KILL),
#                              deletes the namespaces, the bridge and the cgroups (idempotent:
#                              call it from the EXIT trap)
#
# VC_TAG (default vc<pid % 10000>) names everything, so two runs never collide; the subnet's
# third byte comes from it too.

VC_TAG="${VC_TAG:-vc$(($$ % 10000))}"
VC_NET="10.77.$((($$ % 200) + 20))"
VC_BRIDGE="${VC_TAG}br"
VC_CGROUP_ROOT="/sys/fs/cgroup/cpu"
VC_CPUACCT_ROOT="/sys/fs/cgroup/cpuacct"
declare -A VC_NS=() VC_IP=() VC_LINK=() VC_CG=() VC_ACCT=()
VC_HOSTS=()

vc_net_up() {
    local host n=1
    ip link add "$VC_BRIDGE" type bridge || vd_die "no se pudo crear el puente $VC_BRIDGE (¿root? ¿iproute2?)"
    ip link set "$VC_BRIDGE" up
    for host in "$@"; do
        n=$((n + 1))
        VC_NS[$host]="$VC_TAG-$host"
        VC_IP[$host]="$VC_NET.$n"
        VC_LINK[$host]="$VC_TAG$n"
        VC_HOSTS+=("$host")
        ip netns add "${VC_NS[$host]}" || vd_die "no se pudo crear el espacio de red ${VC_NS[$host]}"
        ip link add "${VC_LINK[$host]}" type veth peer name eth0 netns "${VC_NS[$host]}" ||
            vd_die "no se pudo crear el par veth de $host"
        ip link set "${VC_LINK[$host]}" master "$VC_BRIDGE" up
        ip -n "${VC_NS[$host]}" link set lo up
        ip -n "${VC_NS[$host]}" addr add "${VC_IP[$host]}/24" dev eth0
        ip -n "${VC_NS[$host]}" link set eth0 up
    done
}

vc_spawn() {
    local host="$1" log="$2"
    shift 2
    vd_spawn "$log" ip netns exec "${VC_NS[$host]}" "$@"
}

# vc_wait_http HOST URL PID: polls URL from inside HOST until it answers 2xx (60 s); 2 when PID died.
vc_wait_http() {
    local host="$1" url="$2" pid="$3" i
    for ((i = 0; i < 300; i++)); do
        ip netns exec "${VC_NS[$host]}" curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 2
        sleep 0.2
    done
    return 1
}

# The pids of every process in HOST's namespace (what this script started there).
vc_host_pids() {
    ip netns pids "${VC_NS[$1]}" 2>/dev/null || true
}

vc_kill_host() {
    local host="$1" sig="${2:-KILL}" pid
    for pid in $(vc_host_pids "$host"); do
        kill -"$sig" "$pid" 2>/dev/null || true
    done
}

vc_link() {
    ip link set "${VC_LINK[$1]}" "$2"
}

vc_cgroup() {
    local host="$1" pct="$2" shares="${3:-1024}" dir="$VC_CGROUP_ROOT/$VC_TAG-$1"
    [[ -d "$VC_CGROUP_ROOT" ]] || vd_die "no está montado el controlador cpu de cgroup v1 en $VC_CGROUP_ROOT"
    mkdir -p "$dir"
    echo 100000 >"$dir/cpu.cfs_period_us"
    if ((pct > 0)); then
        echo $((pct * 1000)) >"$dir/cpu.cfs_quota_us"
    else
        echo -1 >"$dir/cpu.cfs_quota_us"
    fi
    echo "$shares" >"$dir/cpu.shares"
    VC_CG[$host]="$dir"
    # CPU time is counted by the cpuacct controller (its own hierarchy here, or joined to cpu).
    if [[ -r "$dir/cpuacct.usage" ]]; then
        VC_ACCT[$host]="$dir"
    elif [[ -d "$VC_CPUACCT_ROOT" ]]; then
        mkdir -p "$VC_CPUACCT_ROOT/$VC_TAG-$host"
        VC_ACCT[$host]="$VC_CPUACCT_ROOT/$VC_TAG-$host"
    fi
}

vc_cgroup_add() {
    echo "$2" >"${VC_CG[$1]}/cgroup.procs"
    if [[ -n "${VC_ACCT[$1]:-}" && "${VC_ACCT[$1]}" != "${VC_CG[$1]}" ]]; then
        echo "$2" >"${VC_ACCT[$1]}/cgroup.procs"
    fi
}

vc_cgroup_host() {
    local pid
    for pid in $(vc_host_pids "$1"); do
        vc_cgroup_add "$1" "$pid" 2>/dev/null || true
    done
}

# CPU seconds the host's processes used so far (0 without cpuacct).
vc_cgroup_cpu_s() {
    local f="${VC_ACCT[$1]:-/nonexistent}/cpuacct.usage"
    if [[ -r "$f" ]]; then
        awk '{ printf "%.2f", $1 / 1e9 }' "$f"
    else
        echo 0
    fi
}

vc_net_down() {
    local host pid i left
    for host in "${VC_HOSTS[@]}"; do
        vc_kill_host "$host" TERM
    done
    for ((i = 0; i < 100; i++)); do
        left=0
        for host in "${VC_HOSTS[@]}"; do
            [[ -n "$(vc_host_pids "$host")" ]] && left=1
        done
        ((left)) || break
        sleep 0.1
    done
    for host in "${VC_HOSTS[@]}"; do
        vc_kill_host "$host" KILL
    done
    for host in "${VC_HOSTS[@]}"; do
        ip netns del "${VC_NS[$host]}" 2>/dev/null || true
    done
    ip link del "$VC_BRIDGE" 2>/dev/null || true
    for host in "${!VC_CG[@]}"; do
        # A cgroup can be removed once its processes are gone.
        while read -r pid; do
            kill -KILL "$pid" 2>/dev/null || true
        done <"${VC_CG[$host]}/cgroup.procs" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            rmdir "${VC_CG[$host]}" 2>/dev/null && break
            sleep 0.1
        done
        [[ "${VC_ACCT[$host]:-}" != "${VC_CG[$host]}" ]] && rmdir "${VC_ACCT[$host]}" 2>/dev/null
    done
    VC_HOSTS=()
}
