package eu.interlink.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * JDBC with less noise for the kernel's bundles, inside {@link Store#inTransaction}: parameters bound by position
 * (Instants as timestamps, LocalDates as dates, typed NULLs where PostgreSQL needs them).
 */
public final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        }
    }

    public static int count(Connection c, String sql, Object... params) throws SQLException {
        return query(c, sql, rs -> rs.getInt(1), params).get(0);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) ps.setTimestamp(i + 1, Timestamp.from(instant));
                else if (p instanceof LocalDate date) ps.setObject(i + 1, date);
                else if (p == NULL_DATE) ps.setNull(i + 1, java.sql.Types.DATE);
                else if (p == NULL_TIMESTAMP) ps.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                else if (p == null) ps.setNull(i + 1, java.sql.Types.VARCHAR);
                else ps.setObject(i + 1, p);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Markers for typed SQL NULLs, which PostgreSQL wants for dates and timestamps. */
    public static final Object NULL_DATE = new Object();
    public static final Object NULL_TIMESTAMP = new Object();

    public static Object date(LocalDate d) {
        return d == null ? NULL_DATE : d;
    }

    public static Object timestamp(Instant t) {
        return t == null ? NULL_TIMESTAMP : t;
    }

    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
