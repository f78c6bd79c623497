package dev.signalbox.panel.rowsecurity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Writes the thread's {@link RowScope} into every connection as it leaves the pool, for JPA, JDBC
 * and auto-commit statements alike. Both settings are always written, so whatever an earlier
 * borrower left in a pooled connection is overwritten before anyone uses it.
 */
final class RowScopedDataSource extends DelegatingDataSource {

    private static final String APPLY = "select set_config('signalbox.tenant_id', ?, false),"
            + " set_config('signalbox.system', ?, false)";

    RowScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        RowScope.Binding binding = RowScope.current();
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
            statement.setString(1, binding.tenantId() == null ? "" : binding.tenantId().toString());
            statement.setString(2, binding.system() ? "on" : "off");
            statement.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
