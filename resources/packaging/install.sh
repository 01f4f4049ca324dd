#!/bin/sh
# Installs the unpacked pipdesk folder for the current user: a launcher, the icon and the command.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$prefix/applications" "$prefix/icons/hicolor/scalable/apps" "$HOME/.local/bin"
ln -sf "$here/pipdesk" "$HOME/.local/bin/pipdesk"
cp "$here/share/icons/pipdesk.svg" "$prefix/icons/hicolor/scalable/apps/pipdesk.svg"
sed -e "s|^Exec=pipdesk|Exec=$here/pipdesk|" -e "s|^TryExec=pipdesk|TryExec=$here/pipdesk|" "$here/share/applications/pipdesk.desktop" > "$prefix/applications/pipdesk.desktop"
echo "pipdesk installed: run it from your applications menu, or as 'pipdesk' in a terminal."
