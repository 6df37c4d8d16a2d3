package org.sahaya.server.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.Jdbc;

/** The auditor's view of the log: pages of entries, newest first, filtered. Blocking: run it on the Offload. */
public final class AuditReader {

    private final Database database;

    public AuditReader(Database database) {
        this.database = database;
    }

    public AuditPage page(AuditSearch search) {
        StringBuilder sql = new StringBuilder("SELECT " + AuditTable.COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (search.before() != null) {
            sql.append(" AND seq < ?");
            args.add(search.before());
        }
        if (search.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(search.actor());
        }
        if (search.recordPrefix()) {
            sql.append(" AND record LIKE ? ESCAPE '\\'");
            args.add(likePrefix(search.record().substring(0, search.record().length() - 1)));
        } else if (search.record() != null) {
            sql.append(" AND record = ?");
            args.add(search.record());
        }
        if (search.from() != null) {
            sql.append(" AND at >= ?");
            args.add(search.from());
        }
        if (search.to() != null) {
            sql.append(" AND at < ?");
            args.add(search.to());
        }
        // One more than the page, to know whether another page follows.
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(search.limit() + 1);
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object arg = args.get(i);
                    if (arg instanceof java.time.Instant at) {
                        Jdbc.setInstant(ps, i + 1, at);
                    } else {
                        ps.setObject(i + 1, arg);
                    }
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(AuditTable.entry(rs));
                    }
                }
                if (entries.size() <= search.limit()) {
                    return new AuditPage(entries, null);
                }
                List<AuditEntry> page = List.copyOf(entries.subList(0, search.limit()));
                return new AuditPage(page, page.getLast().seq());
            }
        });
    }

    /** A LIKE pattern matching every text that starts with {@code prefix} taken literally. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
