package dev.signalbox.panel.rowsecurity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.TestCertificate;
import dev.signalbox.panel.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The second wall: Postgres itself hides other tenants' rows from the panel's database role. */
class RowLevelSecurityIntegrationTests extends PanelIntegrationTest {

    private static final List<String> TENANT_TABLES = List.of("users", "api_tokens", "load_balancers", "listeners",
            "target_groups", "targets", "config_revisions", "invitations", "audit_events", "certificates",
            "listener_certificates");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void asTheAppRoleWithTenantASetNoRowOfTenantBIsVisibleOrWritable() throws SQLException {
        UUID tenantA = tenantOf(signUp(uniqueSlug("rls-a")));
        ApiClient b = signUp(uniqueSlug("rls-b"));
        UUID tenantB = tenantOf(b);
        Fixtures.LoadBalancerSetup hidden = Fixtures.loadBalancerWithEverything(b, "hidden", 8080);
        String certificate = Fixtures.certificate(b, "hidden", TestCertificate.selfSigned("hidden.example"));
        b.post("/api/v1/load-balancers/" + hidden.loadBalancerId() + "/listeners", "{\"protocol\":\"HTTPS\",\"port\":"
                + uniquePort() + ",\"certificateIds\":[\"" + certificate + "\"],\"defaultAction\":{\"type\":"
                + "\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":200}}}").expectStatus(201);
        b.post("/api/v1/tokens", "{\"name\":\"t\",\"scopes\":[\"read\"]}").expectStatus(201);
        b.post("/api/v1/invitations", "{\"email\":\"x@" + tenantB + ".example\",\"role\":\"VIEWER\"}").expectStatus(201);

        try (Connection connection = DriverManager.getConnection(TestServices.postgres().jdbcUrl(),
                TestServices.postgres().username(), TestServices.postgres().password())) {
            assertThat(count(connection, "select count(*) from invitations where tenant_id = ?", tenantB))
                    .as("the owner (superuser) sees everything: the policies are what hides rows").isEqualTo(1);
            assertThat(count(connection, "select count(*) from listener_certificates where tenant_id = ?", tenantB))
                    .isEqualTo(1);
            execute(connection, "set role signalbox_app");
            execute(connection, "select set_config('signalbox.tenant_id', '" + tenantA + "', false)");
            for (String table : TENANT_TABLES) {
                assertThat(count(connection, "select count(*) from " + table + " where tenant_id = ?", tenantB))
                        .as("rows of tenant B in %s", table).isZero();
            }
            assertThat(count(connection, "select count(*) from tenants where id = ?", tenantB)).isZero();
            assertThat(count(connection, "select count(*) from users where tenant_id = ?", tenantA)).isEqualTo(1);
            assertThat(count(connection, "select count(*) from users where tenant_id <> ?", tenantA)).isZero();
            assertThat(update(connection, "update load_balancers set name = 'stolen' where tenant_id = ?", tenantB)).isZero();
            assertThat(update(connection, "delete from targets where tenant_id = ?", tenantB)).isZero();
            assertThatThrownBy(() -> update(connection, "insert into load_balancers (id, tenant_id, name, revision)"
                    + " values (gen_random_uuid(), ?, 'planted', 1)", tenantB))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");

            execute(connection, "select set_config('signalbox.tenant_id', '', false)");
            assertThat(count(connection, "select count(*) from users where tenant_id = ?", tenantA))
                    .as("no tenant set: nothing visible").isZero();
        }
        assertThat(b.get("/api/v1/load-balancers").json().path("items").get(0).path("name").asString()).isEqualTo("hidden");
    }

    @Test
    void thePanelsPoolCarriesTheScopeOfTheCodeThatTakesAConnection() throws SQLException {
        UUID tenantA = tenantOf(signUp(uniqueSlug("pool-a")));
        UUID tenantB = tenantOf(signUp(uniqueSlug("pool-b")));
        try (Connection connection = dataSource.getConnection()) {
            assertThat(single(connection, "select current_user")).isEqualTo("signalbox_app");
            assertThat(count(connection, "select count(*) from users where tenant_id = ?", tenantA)).isZero();
        }
        RowScope.tenant(tenantA, () -> {
            assertThat(jdbc.sql("select count(*) from users where tenant_id in (?, ?)").params(tenantA, tenantB)
                    .query(Long.class).single()).isEqualTo(1);
        });
        assertThat(RowScope.system(() -> jdbc.sql("select count(*) from users where tenant_id in (?, ?)")
                .params(tenantA, tenantB).query(Long.class).single())).isEqualTo(2);
    }

    @Test
    void everyTableWithATenantIdIsProtectedAndTheAppRoleOwnsNothing() {
        List<String> unprotected = RowScope.system(() -> jdbc.sql("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where c.relkind = 'r'
                  and (not c.relrowsecurity or not exists (select 1 from pg_policies p
                       where p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = 'tenant_isolation'))
                """).query(String.class).list());
        assertThat(unprotected).as("tenant tables without row-level security (call signalbox_protect)").isEmpty();
        assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_tables where tableowner = current_user").query(Long.class).single())
                .isZero();
    }

    @Test
    void theAuditLogIsAppendOnlyForThePanel() {
        assertThatThrownBy(() -> RowScope.system(() -> jdbc.sql("delete from audit_events").update()))
                .hasStackTraceContaining("permission denied for table audit_events");
    }

    private UUID tenantOf(ApiClient client) {
        return UUID.fromString(client.get("/api/v1/session").json().path("tenant").path("id").asString());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(Connection connection, String sql, UUID parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int update(Connection connection, String sql, UUID parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }
}
