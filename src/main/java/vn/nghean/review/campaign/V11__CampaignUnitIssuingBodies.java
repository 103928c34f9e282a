package vn.nghean.review.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.nghean.review.unit.IssuingBody;
import vn.nghean.review.unit.UnitKind;

/**
 * Flyway migration 11: the units of campaigns started before migration 10 get the issuing bodies
 * their documents have printed so far, from the name and kind they were taken with.
 */
@Component
class V11__CampaignUnitIssuingBodies extends BaseJavaMigration {

  private final String province;

  V11__CampaignUnitIssuingBodies(@Value("${review.documents.province:Nghệ An}") String province) {
    this.province = province;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery(
            "select campaign_code, unit_code, unit_name, kind from campaign_unit where issuing_body is null");
        PreparedStatement update = connection.prepareStatement("update campaign_unit set superior_body = ?,"
            + " issuing_body = ?, document_symbol = ?, place = ? where campaign_code = ? and unit_code = ?")) {
      while (rows.next()) {
        IssuingBody body = IssuingBody.of(UnitKind.valueOf(rows.getString("kind")), rows.getString("unit_name"),
            province);
        update.setString(1, body.superior());
        update.setString(2, body.body());
        update.setString(3, body.symbol());
        update.setString(4, body.place());
        update.setString(5, rows.getString("campaign_code"));
        update.setString(6, rows.getString("unit_code"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
