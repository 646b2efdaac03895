#!/usr/bin/env bash
# Builds the launcher once: compiles it and writes its runtime classpath (the Neo4j jars in the
# local Maven repository) to target/classpath.txt, so run.sh can start it with plain `java -cp`.
# Does nothing when the build is newer than pom.xml and the sources. Safe to run concurrently.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath_file="$here/target/classpath.txt"
main_class="$here/target/classes/org/finregatlas/neo4j/Neo4jLauncher.class"

up_to_date() {
  [[ -f "$classpath_file" && -f "$main_class" ]] || return 1
  [[ "$here/pom.xml" -nt "$classpath_file" ]] && return 1
  [[ -n "$(find "$here/src" -newer "$main_class" -type f -print -quit)" ]] && return 1
  return 0
}

up_to_date && exit 0

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "NEO4J FAILED: $tool not found, needed to build the Neo4j launcher; install a JDK 17+ and Maven (Debian: apt-get install default-jdk-headless maven)" >&2
    exit 5
  fi
done

mkdir -p "$here/target"
# One build at a time when several start together (a test run and a manual start).
exec 9>"$here/target/.build.lock"
flock 9
up_to_date && exit 0

echo "Building the Neo4j launcher (the first build downloads Neo4j from Maven Central)..." >&2
# -f instead of cd: works from any directory. Output goes to stderr, stdout stays for READY.
if ! mvn -B -q -Dstyle.color=never -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2; then
  echo "NEO4J FAILED: the Maven build of test/neo4j-server failed (output above)" >&2
  exit 5
fi
# Maven may leave the classpath file older than a pom.xml it did not need to rewrite it for.
touch "$classpath_file"
