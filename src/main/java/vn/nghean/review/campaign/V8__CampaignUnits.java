package vn.nghean.review.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitRegistry;

/**
 * Flyway migration 8 (a Java one: splitting the comma-separated list is not portable SQL): the
 * participants of campaigns started before it become rows of {@code campaign_unit}, named as their
 * unit's record names them, else as the registry does.
 */
@Component
class V8__CampaignUnits extends BaseJavaMigration {

  private final UnitRegistry units;

  V8__CampaignUnits(UnitRegistry units) {
    this.units = units;
  }

  @Override
  public void migrate(Context context) throws SQLException {
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
          Unit unit = units.find(code).orElse(null);
          insert.setString(1, campaign);
          insert.setString(2, code);
          insert.setInt(3, ordinal++);
          insert.setString(4, recordedName(name, campaign, code, unit));
          insert.setString(5, unit == null ? "DEPARTMENT" : unit.kind().name());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private static String recordedName(PreparedStatement query, String campaign, String code, Unit unit)
      throws SQLException {
    query.setString(1, campaign);
    query.setString(2, code);
    try (ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : unit != null ? unit.name() : code;
    }
  }
}
