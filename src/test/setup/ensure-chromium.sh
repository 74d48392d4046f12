#!/usr/bin/env bash
# Makes sure Debian's Chromium and ChromeDriver are present for the Selenium tests, and a CJK font so that the
# Chinese pages and screenshots show characters rather than empty boxes.
# Selenium Manager cannot download browsers here, so the browser comes from Debian packages.
# Runs only in builds that run tests (pom.xml skips it with -DskipTests / -Dmaven.test.skip).
# CHROMIUM_BIN / CHROMEDRIVER_BIN / CJK_FONT name other places to look (used to check the install path without apt).
set -euo pipefail
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}"
CJK_FONT="${CJK_FONT:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}"
packages=()
if [[ ! -x $CHROMIUM_BIN || ! -x $CHROMEDRIVER_BIN ]]; then packages+=(chromium chromium-driver); fi
if [[ ! -f $CJK_FONT ]]; then packages+=(fonts-wqy-microhei); fi
if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi
echo "ensure-chromium: installing Debian packages ${packages[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
/usr/bin/chromium --version
