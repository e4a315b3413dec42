package eu.interlink.contributions.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** JDBC with less noise: parameters bound by position (Instants as timestamps, LocalDates as dates). */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        }
    }

    static int count(Connection c, String sql, Object... params) throws SQLException {
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
    static final Object NULL_DATE = new Object();
    static final Object NULL_TIMESTAMP = new Object();

    static Object date(LocalDate d) {
        return d == null ? NULL_DATE : d;
    }

    static Object timestamp(Instant t) {
        return t == null ? NULL_TIMESTAMP : t;
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
