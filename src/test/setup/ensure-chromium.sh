#!/usr/bin/env bash
# Makes sure Debian's Chromium and ChromeDriver are present for the Selenium tests.
# Selenium Manager cannot download browsers here, so the browser comes from Debian packages.
# Runs only in builds that run tests (pom.xml skips it with -DskipTests / -Dmaven.test.skip).
# CHROMIUM_BIN / CHROMEDRIVER_BIN name other places to look (used to check the install path without apt).
set -euo pipefail
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}"
if [[ -x $CHROMIUM_BIN && -x $CHROMEDRIVER_BIN ]]; then
  exit 0
fi
echo "ensure-chromium: installing Debian packages chromium and chromium-driver" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
