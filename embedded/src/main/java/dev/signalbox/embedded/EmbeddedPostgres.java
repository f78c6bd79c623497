package dev.signalbox.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/** A real PostgreSQL 17 server (zonky binaries) with an empty database named {@value #DATABASE}. */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DATABASE = "signalbox";
    private static final String USERNAME = "postgres";
    // initdb runs with trust authentication on loopback, so any password is accepted
    private static final String PASSWORD = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts on {@code port} (0 for a free one) in a throw-away data directory. */
    public static EmbeddedPostgres start(int port) {
        return start(port, null);
    }

    /**
     * Starts on {@code port} (0 for a free one). With a data directory the data survives a restart
     * of the server; without one a temporary directory is used and removed on close.
     */
    public static EmbeddedPostgres start(int port, @Nullable Path dataDirectory) {
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(FreePort.orFree(port))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setRegisterShutdownHook(true);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            EmbeddedPostgres postgres = new EmbeddedPostgres(builder.start());
            postgres.createDatabaseIfMissing();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
