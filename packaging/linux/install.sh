#!/bin/sh
# Install Integrationsplan for this user from the unpacked folder it lies in: the menu entry, the icon, the type
# of sync files (a double click opens them in the program), the AppStream metadata and a command in ~/.local/bin.
# Nothing needs root. Run it again after unpacking a newer version elsewhere; `./install.sh --uninstall` removes
# these entries again. The user's databases, settings and backups are never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=de.integrationsplan.Integrationsplan

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/$id.desktop" "$data/mime/packages/$id.xml" "$data/metainfo/$id.metainfo.xml" \
          "$bin/integrationsplan"
    find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
    refresh
    echo "Integrationsplan entries removed (the program folder $here and your data stay)."
    exit 0
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/metainfo" "$data/icons" "$bin"
sed -e "s|^Exec=integrationsplan|Exec=\"$here/integrationsplan\"|" -e "s|^TryExec=integrationsplan|TryExec=$here/integrationsplan|" \
    "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
cp "$here/share/mime/packages/$id.xml" "$data/mime/packages/$id.xml"
cp "$here/share/metainfo/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
cp -R "$here/share/icons/." "$data/icons/"
ln -sf "$here/integrationsplan" "$bin/integrationsplan"
refresh
echo "Integrationsplan installed for $(id -un): in the menu (Office), and as the command $bin/integrationsplan."
