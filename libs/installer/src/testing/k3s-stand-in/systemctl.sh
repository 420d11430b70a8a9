#!/bin/sh
# STAND-IN for systemctl on the test nodes, which run no systemd: enough of daemon-reload,
# enable, disable, start, restart, stop, is-active and is-enabled for the K3S units. A started
# unit runs its ExecStart in the background; `start` returns once the service wrote its ready
# marker, as systemd waits for sd_notify READY with Type=notify. Every call is recorded in
# /var/lib/k3s-stand-in/systemctl-calls.log.
STATE=/var/lib/k3s-stand-in
UNITS=/etc/systemd/system
mkdir -p "$STATE"
echo "$*" >> "$STATE/systemctl-calls.log"

while [ "${1#-}" != "$1" ]; do shift; done
command=$1
shift
while [ "${1#-}" != "$1" ]; do shift; done
unit=${1%.service}

running() { [ -f "$STATE/$unit.pid" ] && kill -0 "$(cat "$STATE/$unit.pid")" 2>/dev/null; }

stop_unit() {
  if running; then
    pid=$(cat "$STATE/$unit.pid")
    kill "$pid" 2>/dev/null
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$STATE/$unit.pid" "$STATE/$unit.ready"
}

start_unit() {
  [ -f "$UNITS/$unit.service" ] || { echo "Failed to start $unit.service: Unit $unit.service not found." >&2; exit 5; }
  exec_start=$(sed -n 's/^ExecStart=//p' "$UNITS/$unit.service")
  rm -f "$STATE/$unit.ready"
  setsid sh -c "exec $exec_start" >> "$STATE/$unit.log" 2>&1 < /dev/null &
  echo $! > "$STATE/$unit.pid"
  i=0
  while [ $i -lt 200 ]; do
    [ -f "$STATE/$unit.ready" ] && return 0
    if ! running; then echo "Job for $unit.service failed because the control process exited with error code." >&2; tail -n 5 "$STATE/$unit.log" >&2; exit 1; fi
    sleep 0.1
    i=$((i+1))
  done
  echo "Job for $unit.service timed out." >&2
  exit 1
}

case "$command" in
  daemon-reload) exit 0 ;;
  enable) mkdir -p "$UNITS/multi-user.target.wants" && ln -sf "$UNITS/$unit.service" "$UNITS/multi-user.target.wants/$unit.service" ;;
  disable) rm -f "$UNITS/multi-user.target.wants/$unit.service" ;;
  start) running || start_unit ;;
  restart) stop_unit; start_unit ;;
  stop) stop_unit ;;
  is-active) if running; then echo active; else echo inactive; exit 3; fi ;;
  is-enabled) if [ -L "$UNITS/multi-user.target.wants/$unit.service" ]; then echo enabled; else echo disabled; exit 1; fi ;;
  *) echo "stand-in systemctl: $command is not implemented" >&2; exit 1 ;;
esac
