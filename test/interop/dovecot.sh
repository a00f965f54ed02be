#!/usr/bin/env bash
# A throw-away Dovecot IMAP server on 127.0.0.1 for imap-wire's interop tests.
#
#   test/interop/dovecot.sh install          install dovecot-imapd if missing
#   test/interop/dovecot.sh start            install dovecot-imapd if missing, write a config into
#                                            the state dir, start; does nothing if already running
#   test/interop/dovecot.sh seed [--force]   APPEND fixtures/corpus (MANIFEST, FOLDERS, MANIFEST.bob)
#                                            over IMAP; a user whose INBOX has mail is skipped
#   test/interop/dovecot.sh stop [--clean]   stop the master by its pid file; --clean also deletes
#                                            the state dir (next start: new UIDVALIDITY, UIDs from 1)
#   test/interop/dovecot.sh restart          stop, then start on the same state (mail and UIDs kept)
#   test/interop/dovecot.sh status           exit 0 and print the settings when running
#
# Environment:
#   IMAP_WIRE_DOVECOT_STATE_DIR   config, mail, logs, pids          /tmp/imap-wire-dovecot
#   IMAP_WIRE_DOVECOT_PORT        plaintext IMAP on 127.0.0.1       1143
#
# Users (plaintext LOGIN / AUTHENTICATE PLAIN): alice/alice-pass, bob/bob-pass, carol/carol-pass.
# Nothing outside the state dir is written, except that `start` may apt-get install
# dovecot-imapd (as root, or with passwordless sudo), with a temporary /usr/sbin/policy-rc.d so
# that the package's own system service is not started. /etc/dovecot is never read.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE=${IMAP_WIRE_DOVECOT_STATE_DIR:-/tmp/imap-wire-dovecot}
PORT=${IMAP_WIRE_DOVECOT_PORT:-1143}
case "$STATE" in /*) ;; *) STATE="$(pwd)/$STATE" ;; esac
PIDFILE=$STATE/run/master.pid

log() { printf '[dovecot] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"
	elif sudo -n true 2>/dev/null; then sudo -n "$@"
	else die "need root (or passwordless sudo) for: $*"
	fi
}

# running  -- print the master's pid when the pid file names a live dovecot process.
running() {
	local pid comm
	read -r pid 2>/dev/null <"$PIDFILE" || return 1
	case "$pid" in '' | *[!0-9]*) return 1 ;; esac
	read -r comm 2>/dev/null <"/proc/$pid/comm" || return 1
	[ "$comm" = dovecot ] || return 1
	printf '%s\n' "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_dovecot() {
	dpkg-query -W -f='${Status}' dovecot-imapd 2>/dev/null | grep -q ' installed$' && return 0
	local aptlog policy=0 rc=0
	aptlog=$(mktemp "${TMPDIR:-/tmp}/imap-wire-apt.XXXXXX")
	log "installing dovecot-imapd (log: $aptlog)"
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
		as_root chmod 755 /usr/sbin/policy-rc.d
		policy=1
	fi
	as_root apt-get update -q >>"$aptlog" 2>&1 || rc=$?
	if [ "$rc" = 0 ]; then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
			dovecot-core dovecot-imapd >>"$aptlog" 2>&1 || rc=$?
	fi
	[ "$policy" = 1 ] && as_root rm -f /usr/sbin/policy-rc.d
	[ "$rc" = 0 ] || { tail -n 20 "$aptlog" >&2; die "apt-get failed (rc=$rc)"; }
	rm -f "$aptlog"
}

print_env() {
	cat <<EOF
IMAP_WIRE_DOVECOT_PORT=$(cat "$STATE/port")
IMAP_WIRE_DOVECOT_STATE_DIR=$STATE
IMAP_WIRE_DOVECOT_LOG=$STATE/dovecot.log
IMAP_WIRE_DOVECOT_VERSION=$(dovecot --version 2>/dev/null | cut -d' ' -f1)
EOF
}

write_config() {
	# Dovecot refuses mail access as root: as root the mail belongs to nobody:nogroup and the
	# login/internal processes run as the users the dovecot-core package creates; otherwise
	# everything runs as the calling user.
	local internal_user internal_group login_user mail_uid mail_gid login_chroot
	if [ "$(id -u)" = 0 ]; then
		internal_user=dovecot internal_group=dovecot login_user=dovenull login_chroot=login
		mail_uid=$(id -u nobody) mail_gid=$(getent group nogroup | cut -d: -f3)
	else
		internal_user=$(id -un) internal_group=$(id -gn) login_user=$(id -un) login_chroot=
		mail_uid=$(id -u) mail_gid=$(id -g)
	fi
	mkdir -p "$STATE"/{run,lib,home}
	chmod 755 "$STATE" "$STATE/home"
	chown "$mail_uid:$mail_gid" "$STATE/home"

	# TLS: STARTTLS on $PORT, implicit TLS on $PORT + 850 (written to $STATE/tls-port), with a
	# throw-away self-signed certificate for localhost and 127.0.0.1, made once per state dir;
	# the tests trust $STATE/tls/cert.pem.
	local tls_port=$((PORT + 850))
	if [ ! -s "$STATE/tls/cert.pem" ]; then
		mkdir -p "$STATE/tls"
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
			-keyout "$STATE/tls/key.pem" -out "$STATE/tls/cert.pem" -subj /CN=localhost \
			-addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null ||
			die "openssl could not make the test certificate"
		chmod 644 "$STATE/tls/cert.pem"
		chmod 600 "$STATE/tls/key.pem"
	fi
	echo "$tls_port" >"$STATE/tls-port"

	cat >"$STATE/users" <<EOF
alice:{PLAIN}alice-pass::::::
bob:{PLAIN}bob-pass::::::
carol:{PLAIN}carol-pass::::::
EOF
	chmod 644 "$STATE/users"

	cat >"$STATE/dovecot.conf" <<EOF
# Generated by test/interop/dovecot.sh; self-contained (does not include /etc/dovecot).
instance_name = imap-wire-dovecot-$PORT
base_dir = $STATE/run
state_dir = $STATE/lib
log_path = $STATE/dovecot.log
info_log_path = $STATE/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <$STATE/tls/cert.pem
ssl_key = <$STATE/tls/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = $internal_user
default_internal_group = $internal_group
default_login_user = $login_user
mail_uid = $mail_uid
mail_gid = $mail_gid
first_valid_uid = 1
first_valid_gid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $STATE/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $STATE/users
  default_fields = uid=$mail_uid gid=$mail_gid home=$STATE/home/%u
}
mail_location = maildir:~/Maildir
mailbox_list_index = yes
mail_fsync = never
# QUOTA (RFC 9208) and METADATA (RFC 5464), for the encoder's interop test; zlib for
# COMPRESS=DEFLATE (RFC 4978, the drivers' interop test).
mail_attribute_dict = file:%h/dovecot-attributes
mail_plugins = \$mail_plugins quota zlib
plugin {
  quota = count:User quota
  quota_rule = *:storage=100M:messages=10000
  quota_vsizes = yes
}
# The idle-sessions benchmark holds 1,000 sessions of one user from 127.0.0.1 (Dovecot 2.3: 10
# by default, counted by anvil).
mail_max_userip_connections = 2000
namespace inbox {
  inbox = yes
  separator = /
  prefix =
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
}
protocol imap {
  imap_literal_minus = no
  mail_plugins = \$mail_plugins imap_quota imap_zlib
  imap_metadata = yes
}
# Room for 1,000+ concurrent sessions (Dovecot 2.3 defaults: imap-login in high-security mode,
# one process per connection being logged in, at most default_process_limit = 100 of them; imap
# one process per session, at most 1024). imap-login runs in high-performance mode
# (service_count = 0: each process takes many connections); imap keeps one process per session.
default_client_limit = 4000
service imap-login {
  chroot = $login_chroot
  service_count = 0
  process_min_avail = 1
  process_limit = 4
  client_limit = 1000
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $tls_port
    ssl = yes
  }
}
service imap {
  process_limit = 1200
}
service imap-urlauth-login {
  chroot = $login_chroot
}
service anvil {
  chroot =
}
EOF
	doveconf -c "$STATE/dovecot.conf" -n >/dev/null 2>"$STATE/doveconf.err" ||
		{ cat "$STATE/doveconf.err" >&2; die "invalid config $STATE/dovecot.conf"; }
	echo "$PORT" >"$STATE/port"
}

cmd_start() {
	install_dovecot
	local pid i
	if pid=$(running); then
		log "already running (pid $pid)"
		print_env
		return 0
	fi
	port_open "$PORT" && die "127.0.0.1:$PORT is taken by another process (set IMAP_WIRE_DOVECOT_PORT)"
	write_config
	# The master keeps the stderr it was started with open for its lifetime: give it a file, or a
	# caller that pipes our output (execFileSync, `| tee`) would wait for EOF forever.
	dovecot -c "$STATE/dovecot.conf" </dev/null >>"$STATE/dovecot.stderr" 2>&1 ||
		{ tail -n 20 "$STATE/dovecot.stderr" "$STATE/dovecot.log" >&2; die "dovecot failed to start"; }
	for ((i = 0; i < 200; i++)); do
		port_open "$PORT" && running >/dev/null && break
		sleep 0.05
	done
	pid=$(running) && port_open "$PORT" ||
		{ tail -n 20 "$STATE/dovecot.log" >&2; die "dovecot is not listening on 127.0.0.1:$PORT"; }
	log "running (pid $pid) on 127.0.0.1:$PORT, state $STATE"
	print_env
}

cmd_seed() {
	running >/dev/null || die "dovecot is not running (state $STATE): run start first"
	local tsx=$ROOT/node_modules/.bin/tsx
	[ -x "$tsx" ] || die "no $tsx (npm install the devDependencies)"
	"$tsx" "$HERE/seed.ts" --port "$(cat "$STATE/port")" --corpus "$ROOT/fixtures/corpus" "$@"
}

# descendants PID  -- the pids of PID's children, grandchildren… (from /proc/*/stat).
descendants() {
	local f pid ppid parent
	local -A children=()
	local -a todo=("$1")
	for f in /proc/[0-9]*/stat; do
		read -r pid _ _ ppid _ 2>/dev/null <"$f" || continue
		children[$ppid]+="$pid "
	done
	while [ ${#todo[@]} -gt 0 ]; do
		parent=${todo[0]}
		todo=("${todo[@]:1}")
		for pid in ${children[$parent]:-}; do
			printf '%s\n' "$pid"
			todo+=("$pid")
		done
	done
}

cmd_stop() {
	local pid i sessions=()
	if pid=$(running); then
		# Dovecot 2.3.19: the imap processes of logged-in sessions outlive the master by about 10 s
		# (then "* BYE Server shutting down."); a stopped server must drop its clients at once, so
		# the master's processes are ended too, by pid.
		mapfile -t sessions < <(descendants "$pid")
		log "stopping pid $pid"
		kill -TERM "$pid" 2>/dev/null || true
		[ ${#sessions[@]} -eq 0 ] || kill -TERM "${sessions[@]}" 2>/dev/null || true
		for ((i = 0; i < 100; i++)); do
			running >/dev/null || break
			sleep 0.1
		done
		if running >/dev/null; then
			log "pid $pid still alive after 10 s, sending SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
		else
			log "stopped"
		fi
	else
		log "not running"
	fi
	if [ "${1:-}" = --clean ] && [ -d "$STATE" ]; then
		[ -f "$STATE/dovecot.conf" ] || die "$STATE does not look like our state dir; not deleting it"
		rm -rf "$STATE"
		log "removed $STATE"
	fi
}

cmd_install() {
	install_dovecot
	log "Dovecot $(dovecot --version | cut -d' ' -f1) installed"
}

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

case "${1:-}" in
install | start | seed | stop | restart | status)
	cmd=$1
	shift
	"cmd_$cmd" "$@"
	;;
*)
	sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac
