package org.finregatlas.neo4j;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j 5.26 with a Bolt connector on 127.0.0.1, for local development and
 * the test harness, so neither needs Docker nor a Neo4j installation.
 *
 * <p>Contract with its callers (test/support/global-setup.ts reads stdout):
 * <ul>
 *   <li>prints exactly one line {@code NEO4J READY bolt://127.0.0.1:<port>} once Bolt answers a
 *       handshake and the password is set;</li>
 *   <li>on any start-up problem prints one line {@code NEO4J FAILED: <reason>} on stderr and
 *       exits non-zero (2 = bad setting, 3 = port taken, 4 = Neo4j failed to start);</li>
 *   <li>shuts the database down cleanly on SIGTERM/SIGINT and prints {@code NEO4J STOPPED}.</li>
 * </ul>
 *
 * <p>Environment: NEO4J_BOLT_PORT (7687), NEO4J_DATA_DIR (.neo4j-data/dev), NEO4J_PASSWORD
 * (finreg-atlas-dev; user neo4j), NEO4J_FRESH=1 or --fresh (start from an empty database),
 * NEO4J_PAGECACHE (512m), NEO4J_EXIT_ON_STDIN_CLOSE=1 (exit when the parent process goes away).
 */
public final class Neo4jLauncher {
    static final String USER = "neo4j";
    static final String DEFAULT_PASSWORD = "finreg-atlas-dev";
    static final String HOST = "127.0.0.1";
    static final int MIN_PASSWORD_LENGTH = 8;
    /** Written into every data directory this launcher creates; --fresh only deletes such directories. */
    static final String MARKER = ".finreg-atlas-neo4j";

    /** A start-up failure with a one-line reason and the exit code to leave with. */
    static final class LaunchError extends Exception {
        final int exitCode;

        LaunchError(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (LaunchError e) {
            fail(e.exitCode, e.getMessage());
        } catch (RuntimeException e) {
            fail(4, "Neo4j did not start: " + rootMessage(e) + " (details in the data directory's logs/debug.log)");
        }
    }

    private static void run(String[] args) throws LaunchError {
        boolean fresh = isTrue(System.getenv("NEO4J_FRESH"));
        for (String arg : args) {
            if (arg.equals("--fresh")) {
                fresh = true;
            } else {
                throw new LaunchError(2, "unknown argument \"" + arg + "\" (the only flag is --fresh)");
            }
        }
        int port = parsePort(System.getenv("NEO4J_BOLT_PORT"));
        Path dataDir = Paths.get(envOr("NEO4J_DATA_DIR", ".neo4j-data/dev")).toAbsolutePath().normalize();
        String password = envOr("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        if (password.length() < MIN_PASSWORD_LENGTH) {
            // Neo4j's own rule (dbms.security.auth_minimum_password_length), checked before a slow start.
            throw new LaunchError(2, "NEO4J_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                    + " characters, got " + password.length());
        }
        long pageCache = parseBytes("NEO4J_PAGECACHE", envOr("NEO4J_PAGECACHE", "512m"));

        // Checked before Neo4j starts: Neo4j's own bind error comes after seconds of start-up
        // and is buried in a long stack trace.
        ensurePortFree(port);
        prepareDataDir(dataDir, fresh);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // The suites try wrong passwords on purpose (a refused login must be a 503, and must
                // not reach the log); Neo4j's lock-out after a few failures would then refuse the
                // right password too, for every later suite of the run. Local test servers only.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                // No usage report to the vendor: this machine has no network beyond package registries.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt otherwise waits 5 s twice on shutdown for connections that are already gone,
                // which every test run would pay.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // A throw-away development store: no pre-allocated or retained transaction logs.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("NEO4J STOPPED");
            System.out.flush();
        }, "neo4j-shutdown"));

        setInitialPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        awaitBolt(port, Duration.ofSeconds(60));
        if (isTrue(System.getenv("NEO4J_EXIT_ON_STDIN_CLOSE"))) {
            exitWhenStdinCloses();
        }
        System.out.println("NEO4J READY bolt://" + HOST + ":" + port);
        System.out.flush();
        // The JVM stays alive on Neo4j's non-daemon threads until a signal runs the shutdown hook.
    }

    /**
     * Neo4j creates user neo4j with password "neo4j" and a forced change. Embedded code runs with
     * full rights, so the system database accepts an ALTER USER here; it is run on every start so
     * a changed NEO4J_PASSWORD takes effect on an existing data directory too.
     */
    private static void setInitialPassword(GraphDatabaseService system, String password) throws LaunchError {
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            // Neo4j refuses to "change" a password to the one already set: nothing to do then.
            if (!reason.toLowerCase(Locale.ROOT).contains("cannot be the same")) {
                throw new LaunchError(2, "could not set the password of user neo4j: " + reason);
            }
        }
    }

    private static void ensurePortFree(int port) throws LaunchError {
        try (ServerSocket probe = new ServerSocket()) {
            // Same option Neo4j's Netty uses, so a port in TIME_WAIT does not count as taken.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (BindException e) {
            throw new LaunchError(3, "port " + HOST + ":" + port
                    + " is already in use (another Neo4j?); stop it or set NEO4J_BOLT_PORT to a free port");
        } catch (IOException e) {
            throw new LaunchError(3, "cannot bind " + HOST + ":" + port + ": " + e.getMessage());
        }
    }

    private static void prepareDataDir(Path dataDir, boolean fresh) throws LaunchError {
        try {
            if (fresh && Files.exists(dataDir)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(dataDir)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty && !Files.exists(dataDir.resolve(MARKER))) {
                    throw new LaunchError(2, "refusing to delete " + dataDir
                            + " for --fresh: it was not created by this launcher (no " + MARKER + " file)");
                }
                try (Stream<Path> walk = Files.walk(dataDir)) {
                    for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dataDir);
            Path marker = dataDir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Neo4j data of the FinReg Atlas local launcher; safe to delete.\n");
            }
        } catch (IOException e) {
            throw new LaunchError(2, "cannot prepare data directory " + dataDir + ": " + e);
        }
    }

    /** Bolt is ready when it answers the handshake with a protocol version it accepts. */
    private static void awaitBolt(int port, Duration timeout) throws LaunchError {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                socket.setSoTimeout(2000);
                OutputStream out = socket.getOutputStream();
                // Magic preamble, then four proposals: Bolt 5.0, 4.4, none, none.
                out.write(new byte[] {
                    0x60, 0x60, (byte) 0xB0, 0x17,
                    0, 0, 0, 5,
                    0, 0, 4, 4,
                    0, 0, 0, 0,
                    0, 0, 0, 0,
                });
                out.flush();
                byte[] reply = socket.getInputStream().readNBytes(4);
                if (reply.length == 4 && (reply[2] != 0 || reply[3] != 0)) {
                    return;
                }
                last = "handshake answered with no version";
            } catch (IOException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new LaunchError(4, "Bolt on " + HOST + ":" + port + " did not answer within "
                + timeout.toSeconds() + " s (" + last + ")");
    }

    /** Lets a parent that dies without sending a signal (SIGKILL, crash) still take Neo4j with it. */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Input is ignored; only the end of the stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone too.
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int parsePort(String raw) throws LaunchError {
        if (raw == null || raw.isBlank()) {
            return 7687;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new LaunchError(2, "NEO4J_BOLT_PORT must be a port number 1-65535, got \"" + raw + "\"");
    }

    private static long parseBytes(String name, String raw) throws LaunchError {
        try {
            return ByteUnit.parse(raw.trim());
        } catch (RuntimeException e) {
            throw new LaunchError(2, name + " must be a size such as 512m or 2g, got \"" + raw + "\"");
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static void fail(int exitCode, String message) {
        System.err.println("NEO4J FAILED: " + message);
        System.err.flush();
        // exit, not halt: once Neo4j is up, the shutdown hook closes the store cleanly.
        System.exit(exitCode);
    }
}
