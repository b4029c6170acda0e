package org.sibao.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sibao.region.Region;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads {@code reference/henan-divisions.csv} and {@code reference/gbt4754-2017.csv} (copied verbatim from
 * the shared reference folder) into the region and industry tables. Registered with Flyway as a bean.
 */
@Component
class V2_1__LoadReferenceData extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO region (code, name, level, parent_code, prefix) VALUES (?, ?, ?, ?, ?)")) {
            for (String[] row : read("reference/henan-divisions.csv")) {
                ps.setString(1, row[0]);
                ps.setString(2, row[1]);
                ps.setString(3, row[2].toUpperCase(Locale.ROOT));
                ps.setString(4, emptyToNull(row[3]));
                ps.setString(5, Region.prefixOf(row[0]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO industry (code, name, level, parent_code) VALUES (?, ?, ?, ?)")) {
            for (String[] row : read("reference/gbt4754-2017.csv")) {
                ps.setString(1, row[0]);
                ps.setString(2, row[1]);
                ps.setString(3, row[2].toUpperCase(Locale.ROOT));
                ps.setString(4, emptyToNull(row[3]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The reference files are simple CSV: names may be quoted because some contain commas (农、林、牧、渔业 does not, but be safe). */
    static List<String[]> read(String path) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        while (cells.size() < 4) {
            cells.add("");
        }
        return cells.toArray(String[]::new);
    }
}
