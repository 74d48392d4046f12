#!/usr/bin/env bash
# Makes sure Debian's Chromium and ChromeDriver are present for the Selenium tests.
# Selenium Manager cannot download browsers here, so the browser comes from Debian packages.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
echo "ensure-chromium: installing Debian packages chromium and chromium-driver" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
