package dev.signalbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresIntegrationTests {

    @Test
    void answersQueriesOnTheSignalboxDatabase() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(0);
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database(), current_setting('server_version_num')::int")) {
            assertThat(postgres.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("signalbox");
            assertThat(rows.getInt(2)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    void keepsDataInAGivenDirectoryAcrossRestarts(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(0, data);
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (text varchar(20))");
            statement.execute("INSERT INTO note VALUES ('kept')");
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(0, data);
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }
}
