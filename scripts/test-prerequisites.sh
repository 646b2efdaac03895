#!/usr/bin/env bash
# What `npm test` needs besides npm packages, installed when missing (it runs as `pretest`,
# and `.ci/run` runs it too, so a fresh machine needs no other step):
# - Debian's Chromium and CJK fonts for the browser suites (the graph's labels are Chinese);
# - a JDK and Maven, and the Maven build of the embedded Neo4j launcher (test/neo4j-server).
# System packages are installed only as root with apt-get; anywhere else it says what is
# missing and goes on, and the suites that need it skip with a reason (or fail under CI=true).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

wanted=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || wanted+=(chromium)
# Fonts have no command to look for: ask dpkg where there is one, else fontconfig.
if command -v dpkg-query >/dev/null 2>&1; then
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || wanted+=(fonts-noto-cjk)
else
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || echo "test prerequisites: no Noto Sans CJK font found; Chinese labels may draw as boxes" >&2
fi
command -v java >/dev/null 2>&1 || wanted+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || wanted+=(maven)

if ((${#wanted[@]} > 0)); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test prerequisites: installing ${wanted[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Lock timeout: another apt-get on the machine finishes first instead of failing this run.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
  else
    echo "test prerequisites: missing ${wanted[*]} (install them, e.g. with apt-get, to run every suite)" >&2
  fi
fi

if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
  bash test/neo4j-server/build.sh
fi

# schemathesis (PyPI, pinned in test/schemathesis/requirements.txt) in a git-ignored
# virtualenv, for the outside check of the OpenAPI document. Without Python 3 and its venv
# module the schemathesis tests skip with the reason (and fail under CI=true).
venv=test/schemathesis/.venv
if command -v python3 >/dev/null 2>&1 && python3 -m venv --help >/dev/null 2>&1; then
  if ! cmp -s test/schemathesis/requirements.txt "$venv/requirements.installed" 2>/dev/null; then
    echo "test prerequisites: installing schemathesis into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r test/schemathesis/requirements.txt
    cp test/schemathesis/requirements.txt "$venv/requirements.installed"
  fi
else
  echo "test prerequisites: no python3 with venv; the schemathesis tests will skip" >&2
fi
