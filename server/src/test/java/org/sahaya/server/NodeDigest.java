package org.sahaya.server;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** What a test compares before and after a request that must change nothing (RouteRoleTest's refusals). */
public final class NodeDigest {

    private NodeDigest() {
    }

    /**
     * A digest of what a refused request could have changed: the rows of the tables people and
     * partners write, and the grid's units and hospitals. Not the audit log (refusals are written
     * there) nor the family's outbox (it moves on its own).
     */
    public static String of(Node node) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> tables = new ArrayList<>(List.of("incidents", "units", "hospitals", "hospital_beds", "contacts",
                "contact_preferences", "subscribers", "devices", "bed_reservations", "dc09_accounts"));
        node.database().withConnection(c -> {
            for (String table : optional(c, "partners", "users")) {
                tables.add(table);
            }
            for (String table : tables) {
                TreeSet<String> rows = new TreeSet<>();
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                sha.update((table + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return null;
        });
        sha.update(new TreeSet<>(node.grid().units().values().stream().map(String::valueOf).toList()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(new TreeSet<>(node.grid().hospitals().values().stream().map(String::valueOf).toList()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<String> optional(Connection c, String... tables) throws SQLException {
        List<String> present = new ArrayList<>();
        for (String t : tables) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(t)) {
                        present.add(t);
                        break;
                    }
                }
            }
        }
        return present;
    }

}
