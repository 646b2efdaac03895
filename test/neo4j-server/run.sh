#!/usr/bin/env bash
# Starts the embedded Neo4j launcher in the foreground (`npm run neo4j`), building it first when
# the build is missing or older than its sources. Settings come from the environment; see
# src/main/java/org/finregatlas/neo4j/Neo4jLauncher.java. Extra arguments (--fresh) are passed on.
#   NEO4J_HEAP (2g)  JVM heap;  NEO4J_JAVA_OPTS  extra JVM options.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"

if ! command -v java >/dev/null 2>&1; then
  echo "NEO4J FAILED: java not found; install a JDK 17 or 21 (Debian: apt-get install default-jdk-headless)" >&2
  exit 5
fi

classpath_file="$here/target/classpath.txt"
main_class="$here/target/classes/org/finregatlas/neo4j/Neo4jLauncher.class"

needs_build() {
  [[ -f "$classpath_file" && -f "$main_class" ]] || return 0
  [[ "$here/pom.xml" -nt "$classpath_file" ]] && return 0
  [[ -n "$(find "$here/src" -newer "$main_class" -type f -print -quit)" ]] && return 0
  return 1
}

if needs_build; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "NEO4J FAILED: mvn not found, needed once to build the launcher; install Maven (Debian: apt-get install maven)" >&2
    exit 5
  fi
  mkdir -p "$here/target"
  # One build at a time when several runs start together (a test run and a manual start).
  exec 9>"$here/target/.build.lock"
  flock 9
  if needs_build; then
    echo "Building the Neo4j launcher (first run downloads Neo4j from Maven Central)..." >&2
    (cd "$here" && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile="$classpath_file") >&2 || {
      echo "NEO4J FAILED: the Maven build of test/neo4j-server failed (output above)" >&2
      exit 5
    }
  fi
  exec 9>&-
fi

export NEO4J_DATA_DIR="${NEO4J_DATA_DIR:-$repo_root/.neo4j-data/dev}"

# shellcheck disable=SC2086 # NEO4J_JAVA_OPTS is a list of options on purpose.
exec java \
  -Xms256m -Xmx"${NEO4J_HEAP:-2g}" \
  -XX:+UseG1GC \
  -XX:+ExitOnOutOfMemoryError \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  ${NEO4J_JAVA_OPTS:-} \
  -cp "$here/target/classes:$(cat "$classpath_file")" \
  org.finregatlas.neo4j.Neo4jLauncher "$@"
