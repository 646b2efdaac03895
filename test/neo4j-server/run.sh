#!/usr/bin/env bash
# Starts the embedded Neo4j launcher in the foreground (`npm run neo4j`), building it first when
# needed (build.sh). Settings come from the environment, see
# src/main/java/org/finregatlas/neo4j/Neo4jLauncher.java; --fresh starts from an empty database.
#   NEO4J_HEAP (2g)  JVM heap;  NEO4J_PAGECACHE (512m)  Neo4j page cache;
#   NEO4J_JAVA_OPTS  extra JVM options;  NEO4J_DATA_DIR (.neo4j-data/dev at the repo root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"

if ! command -v java >/dev/null 2>&1; then
  echo "NEO4J FAILED: java not found; install a JDK 17 or 21 (Debian: apt-get install default-jdk-headless)" >&2
  exit 5
fi
bash "$here/build.sh"

export NEO4J_DATA_DIR="${NEO4J_DATA_DIR:-$repo_root/.neo4j-data/dev}"

# JVM options after those in the default neo4j.conf of a Neo4j 5 server: the opens let Neo4j and
# Netty use direct memory access on Java 17+ instead of slower fallbacks.
# shellcheck disable=SC2086 # NEO4J_JAVA_OPTS is a list of options on purpose.
exec java \
  -Xms256m -Xmx"${NEO4J_HEAP:-2g}" \
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError \
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  ${NEO4J_JAVA_OPTS:-} \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.finregatlas.neo4j.Neo4jLauncher "$@"
