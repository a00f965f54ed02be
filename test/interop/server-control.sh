# shellcheck shell=bash
# Process and package control shared by test/interop/cyrus.sh and courier.sh (sourced, never
# executed): Debian packages installed without starting their services, a .deb unpacked beside
# the system, pid files, ports. Only bash builtins, coreutils, dpkg and apt.
#
# The caller sets SERVER_NAME before sourcing.

log() { printf '[%s] %s\n' "${SERVER_NAME:-imap-wire}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"
	elif sudo -n true 2>/dev/null; then sudo -n "$@"
	else die "need root (or passwordless sudo) for: $*"
	fi
}

# pkgs_missing PKG...  -- the packages of the list that are not installed.
pkgs_missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || printf '%s ' "$p"
	done
}

# ensure_pkgs PKG...  -- apt-get install the missing ones. A temporary /usr/sbin/policy-rc.d
# (exit 101) keeps the packages' own system services from starting (they would listen on
# 0.0.0.0:143); it is removed again if it was created here.
ensure_pkgs() {
	local missing aptlog policy=0 rc=0
	missing=$(pkgs_missing "$@")
	[ -z "$missing" ] && return 0
	aptlog=$(mktemp "${TMPDIR:-/tmp}/imap-wire-apt.XXXXXX")
	log "installing $missing(log: $aptlog)"
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
		as_root chmod 755 /usr/sbin/policy-rc.d
		policy=1
	fi
	# shellcheck disable=SC2086
	if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		$missing >>"$aptlog" 2>&1; then
		as_root apt-get update -q >>"$aptlog" 2>&1 || true
		# shellcheck disable=SC2086
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
			$missing >>"$aptlog" 2>&1 || rc=$?
	fi
	[ "$policy" = 1 ] && as_root rm -f /usr/sbin/policy-rc.d
	[ "$rc" = 0 ] || { tail -n 20 "$aptlog" >&2; die "apt-get install $missing failed (rc=$rc)"; }
	rm -f "$aptlog"
}

# candidate_version PKG  -- the version apt would install (after an apt-get update if unknown).
candidate_version() {
	local v
	v=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p')
	case "$v" in '' | '(none)')
		as_root apt-get update -q >/dev/null 2>&1 || true
		v=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p') ;;
	esac
	case "$v" in '' | '(none)') die "apt knows no package $1" ;; esac
	printf '%s\n' "$v"
}

# extract_deb PKG VERSION  -- unpack PKG=VERSION (apt-get download + dpkg-deb -x; nothing is
# installed) into $IMAP_WIRE_PKG_CACHE (default /var/tmp/imap-wire-pkgs)/PKG_VERSION and print
# that folder. dovecot-imapd, cyrus-imapd and courier-imap all provide and conflict with
# imap-server (Debian 12), so apt installs only one of them; the others run from such a copy.
extract_deb() {
	local pkg=$1 ver=$2 cache=${IMAP_WIRE_PKG_CACHE:-/var/tmp/imap-wire-pkgs} dir tmp deb
	dir="$cache/${pkg}_${ver//:/_}"
	if [ -f "$dir/.complete" ]; then
		printf '%s\n' "$dir"
		return 0
	fi
	as_root mkdir -p "$cache"
	as_root chmod 755 "$cache"
	tmp=$(as_root mktemp -d "$cache/.download.XXXXXX")
	as_root chmod 755 "$tmp"
	if ! (cd "$tmp" && as_root apt-get download -q "$pkg=$ver") >/dev/null 2>&1; then
		as_root apt-get update -q >/dev/null 2>&1 || true
		(cd "$tmp" && as_root apt-get download -q "$pkg=$ver") >&2 ||
			{ as_root rm -rf "$tmp"; die "cannot download $pkg=$ver"; }
	fi
	deb=$(ls "$tmp"/*.deb)
	as_root rm -rf "$dir"
	as_root mkdir -p "$dir"
	as_root dpkg-deb -x "$deb" "$dir" || { as_root rm -rf "$tmp" "$dir"; die "dpkg-deb -x $deb failed"; }
	as_root touch "$dir/.complete"
	as_root rm -rf "$tmp"
	log "unpacked $pkg $ver into $dir"
	printf '%s\n' "$dir"
}

# pid_alive PIDFILE [COMM]  -- print the pid when PIDFILE names a live process (not a zombie)
# whose /proc/PID/comm starts with COMM.
pid_alive() {
	local pid comm state
	read -r pid 2>/dev/null <"$1" || return 1
	case "$pid" in '' | *[!0-9]*) return 1 ;; esac
	read -r comm 2>/dev/null <"/proc/$pid/comm" || return 1
	[ -z "${2:-}" ] || case "$comm" in "$2"*) ;; *) return 1 ;; esac
	state=$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null) || return 1
	case "$state" in Z | X) return 1 ;; esac
	printf '%s\n' "$pid"
}

# stop_pidfile PIDFILE COMM [TIMEOUT_S]  -- SIGTERM exactly that pid, wait, SIGKILL it if it
# is still there.
stop_pidfile() {
	local pid i tmo=${3:-10}
	pid=$(pid_alive "$1" "$2") || { log "not running (no live $2 in $1)"; return 0; }
	log "stopping $2 (pid $pid)"
	as_root kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < tmo * 20; i++)); do
		pid_alive "$1" "$2" >/dev/null || { log "stopped $2"; return 0; }
		sleep 0.05
	done
	log "$2 (pid $pid) still alive after ${tmo} s, sending SIGKILL"
	as_root kill -KILL "$pid" 2>/dev/null || true
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port PORT [TIMEOUT_S]
wait_port() {
	local i tmo=${2:-10}
	for ((i = 0; i < tmo * 20; i++)); do
		port_open "$1" && return 0
		sleep 0.05
	done
	return 1
}

# wait_port_closed PORT [TIMEOUT_S]
wait_port_closed() {
	local i tmo=${2:-10}
	for ((i = 0; i < tmo * 20; i++)); do
		port_open "$1" || return 0
		sleep 0.05
	done
	return 1
}

# run_seed PORT  -- the corpus over IMAP with test/interop/seed.ts (the caller's extra args follow).
run_seed() {
	local port=$1 tsx=$ROOT/node_modules/.bin/tsx
	shift
	[ -x "$tsx" ] || die "no $tsx (npm install the devDependencies)"
	"$tsx" "$HERE/seed.ts" --port "$port" --corpus "$ROOT/fixtures/corpus" "$@"
}

# The subcommands every script has the same way: restart, status, and the dispatch of `$1` to
# `cmd_<name>` (the script defines cmd_install, cmd_start, cmd_seed, cmd_stop, running and print_env).
cmd_restart() {
	cmd_stop
	cmd_start
}

cmd_status() {
	local pid
	pid=$(running) || { log "not running (state $STATE)"; return 1; }
	log "running (pid $pid)"
	print_env
}

# dispatch "$@"  -- runs the subcommand, or prints the calling script's header as usage.
dispatch() {
	case "${1:-}" in
	install | start | seed | stop | restart | status)
		local cmd=$1
		shift
		"cmd_$cmd" "$@"
		;;
	*)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
		exit 2
		;;
	esac
}
