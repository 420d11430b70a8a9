#!/bin/sh
# STAND-IN for K3S's install script (https://get.k3s.io), used by the installer's tests where no
# K3S release can run. It records how it was called (user, arguments, INSTALL_K3S_*/K3S_*
# variables) in /var/lib/k3s-stand-in/install-calls.log, then does what the real script does to
# the file system: picks server or agent the same way, checks or "downloads" the binary, writes
# the systemd unit and its env file, the killall and uninstall scripts, reloads and enables the
# unit, and starts it unless INSTALL_K3S_SKIP_START=true. @@PLACEHOLDERS@@ are filled in by
# k3s-stand-in-bundle.ts when a test builds its bundle.
set -e
STATE=/var/lib/k3s-stand-in
BIN_DIR=/usr/local/bin
SYSTEMD_DIR=/etc/systemd/system
mkdir -p "$STATE"

{
  echo "--- call uid=$(id -u) args=$*"
  env | grep -E '^(INSTALL_K3S|K3S)_' | sort
} >> "$STATE/install-calls.log"

fatal() { echo "[ERROR] $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fatal "the stand-in install script must run as root (the real one calls sudo itself)"

# A test marks a node to drop: the script cuts its own SSH session, as a reboot or a network
# failure would, once (the marker is removed so the next run succeeds).
if [ -f "$STATE/drop-connection-during-install" ]; then
  rm -f "$STATE/drop-connection-during-install"
  p=$$
  while [ "$p" -gt 1 ]; do
    if [ "$(cat /proc/$p/comm)" = sshd ]; then kill -9 "$p"; exit 1; fi
    p=$(awk '{print $4}' /proc/$p/stat)
  done
fi

# As install.sh: INSTALL_K3S_EXEC and the arguments give the command; else agent when K3S_URL is set.
set -- ${INSTALL_K3S_EXEC} "$@"
case "$1" in
  -*|"")
    if [ -n "${K3S_URL}" ]; then CMD_K3S=agent; else CMD_K3S=server; fi ;;
  *) CMD_K3S=$1; shift ;;
esac
if [ "$CMD_K3S" = server ]; then SYSTEM_NAME=k3s; else SYSTEM_NAME=k3s-agent; fi

if [ "${INSTALL_K3S_SKIP_DOWNLOAD}" = true ]; then
  [ -x "$BIN_DIR/k3s" ] || fatal "INSTALL_K3S_SKIP_DOWNLOAD=true but $BIN_DIR/k3s is not an executable"
else
  VERSION="${INSTALL_K3S_VERSION:-@@CHANNEL_VERSION@@}"
  echo "[INFO]  stand-in: downloading k3s $VERSION (copying the stand-in binary)"
  sed "s/^const VERSION = .*/const VERSION = '$VERSION';/" "@@ONLINE_BINARY_TEMPLATE@@" > "$BIN_DIR/k3s.tmp"
  chmod 0755 "$BIN_DIR/k3s.tmp"
  mv "$BIN_DIR/k3s.tmp" "$BIN_DIR/k3s"
fi

cat > "$SYSTEMD_DIR/$SYSTEM_NAME.service" <<UNIT
[Unit]
Description=Lightweight Kubernetes (stand-in)
[Service]
Type=notify
EnvironmentFile=-$SYSTEMD_DIR/$SYSTEM_NAME.service.env
ExecStart=$BIN_DIR/k3s $CMD_K3S $*
UNIT
umask 077
env | grep -E '^(K3S|CONTAINERD)_' > "$SYSTEMD_DIR/$SYSTEM_NAME.service.env" || true
umask 022

cat > "$BIN_DIR/k3s-killall.sh" <<'KILLALL'
#!/bin/sh
for unit in k3s k3s-agent; do systemctl stop "$unit" 2>/dev/null || true; done
KILLALL
chmod 0755 "$BIN_DIR/k3s-killall.sh"

UNINSTALL="$BIN_DIR/${SYSTEM_NAME}-uninstall.sh"
cat > "$UNINSTALL" <<SCRIPT
#!/bin/sh
# Stand-in uninstall script, written by the stand-in install script.
[ "\$(id -u)" = 0 ] || { echo "must run as root" >&2; exit 1; }
echo "--- uninstall $SYSTEM_NAME uid=\$(id -u) at=\$(date +%s%N)" >> $STATE/uninstall-calls.log
$BIN_DIR/k3s-killall.sh
systemctl disable $SYSTEM_NAME
rm -f $SYSTEMD_DIR/$SYSTEM_NAME.service $SYSTEMD_DIR/$SYSTEM_NAME.service.env
if ! ls $SYSTEMD_DIR/k3s*.service >/dev/null 2>&1; then
  rm -rf /etc/rancher/k3s /var/lib/rancher/k3s /etc/rancher/node $BIN_DIR/k3s $BIN_DIR/k3s-killall.sh
fi
rm -f "\$0"
SCRIPT
chmod 0755 "$UNINSTALL"

systemctl daemon-reload
systemctl enable "$SYSTEM_NAME"
if [ "${INSTALL_K3S_SKIP_START}" != true ]; then systemctl restart "$SYSTEM_NAME"; fi
echo "[INFO]  stand-in: $SYSTEM_NAME installed"
