package vn.nghean.review.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import vn.nghean.review.unit.RegistryFile;
import vn.nghean.review.unit.Unit;

/**
 * Flyway migration 8 (a Java one: splitting the comma-separated list is not portable SQL): the
 * participants of campaigns started before it become rows of {@code campaign_unit}, named as their
 * unit's record names them, else as the registry file does (the file, not {@code UnitRegistry}: the
 * registry's own table comes with migration 10).
 */
@Component
class V8__CampaignUnits extends BaseJavaMigration {

  private final Resource registry;

  V8__CampaignUnits(@Value("${review.units.location}") Resource registry) {
    this.registry = registry;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Map<String, Unit> units = RegistryFile.read(registry).units().stream()
        .collect(Collectors.toMap(Unit::code, Function.identity()));
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
          Unit unit = units.get(code);
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
