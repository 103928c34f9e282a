package vn.nghean.review.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;


/**
 * Flyway migration 8 (a Java one: splitting the comma-separated list is not portable SQL): the
 * participants of campaigns started before it become rows of {@code campaign_unit}, named as their
 * unit's record names them, else as the registry named them then. What it reads is frozen with it
 * ({@code db/frozen/V8__units.csv}, read by its own few lines): a later registry, or a later change
 * to the classes that read registries, must not change what upgrading an old database does.
 */
@Component
class V8__CampaignUnits extends BaseJavaMigration {

  static final String UNITS = "db/frozen/V8__units.csv";

  /** A unit as migration 8 knows it. */
  record FrozenUnit(String code, String kind, String name) {}

  @Override
  public void migrate(Context context) throws SQLException {
    Map<String, FrozenUnit> units = frozenUnits();
    Connection connection = context.getConnection();
    try (Statement campaigns = connection.createStatement();
        ResultSet rows = campaigns.executeQuery("select code, unit_codes from campaign");
        PreparedStatement name = connection.prepareStatement(
            "select unit_name from unit_report where campaign_code = ? and unit_code = ?");
        PreparedStatement insert = connection.prepareStatement(
            "insert into campaign_unit (campaign_code, unit_code, ordinal, unit_name, kind) values (?, ?, ?, ?, ?)")) {
      while (rows.next()) {
        String campaign = rows.getString(1);
        int ordinal = 0;
        for (String code : rows.getString(2).split(",")) {
          FrozenUnit unit = units.get(code);
          insert.setString(1, campaign);
          insert.setString(2, code);
          insert.setInt(3, ordinal++);
          insert.setString(4, recordedName(name, campaign, code, unit));
          insert.setString(5, unit == null ? "DEPARTMENT" : unit.kind());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /** {@code code;kind;name} per line, {@code #} for comments. */
  static Map<String, FrozenUnit> frozenUnits() {
    try (var in = V8__CampaignUnits.class.getClassLoader().getResourceAsStream(UNITS)) {
      if (in == null) {
        throw new IllegalStateException("Migration 8 needs " + UNITS);
      }
      Map<String, FrozenUnit> units = new java.util.HashMap<>();
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(";", 3);
        units.put(cells[0], new FrozenUnit(cells[0], cells[1], cells[2].strip()));
      }
      return units;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String recordedName(PreparedStatement query, String campaign, String code, FrozenUnit unit)
      throws SQLException {
    query.setString(1, campaign);
    query.setString(2, code);
    try (ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : unit != null ? unit.name() : code;
    }
  }
}
