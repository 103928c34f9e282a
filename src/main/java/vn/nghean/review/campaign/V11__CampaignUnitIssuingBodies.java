package vn.nghean.review.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 11: the units of campaigns started before migration 10 get the issuing bodies
 * their documents have printed so far, from the name and kind they were taken with. The rule is the
 * one {@code unit.IssuingBody} had when this migration was written (2026-12-01), copied here: a later
 * change to today's rule must not change what upgrading an old database does (OldCampaignUpgradeTest).
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
        String[] body = issuingBody(rows.getString("kind"), rows.getString("unit_name"), province);
        for (int i = 0; i < body.length; i++) {
          update.setString(i + 1, body[i]);
        }
        update.setString(5, rows.getString("campaign_code"));
        update.setString(6, rows.getString("unit_code"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Superior body, issuing body, symbol and place, as documents printed them before migration 10. */
  static String[] issuingBody(String kind, String name, String province) {
    Locale vi = Locale.forLanguageTag("vi");
    if (kind.equals("DISTRICT") || kind.equals("COMMUNE")) {
      String locality = name.startsWith("UBND ") ? name.substring("UBND ".length()) : name;
      String place = locality;
      for (String prefix : new String[] {"thành phố ", "thị xã ", "huyện ", "phường ", "xã "}) {
        if (locality.toLowerCase(vi).startsWith(prefix)) {
          place = locality.substring(prefix.length());
          break;
        }
      }
      return new String[] {null, "ỦY BAN NHÂN DÂN\n" + locality.toUpperCase(vi), "BC-UBND", place};
    }
    String body = name;
    if (body.endsWith(" tỉnh")) {
      body = body.substring(0, body.length() - " tỉnh".length()) + "\ntỉnh " + province;
    } else if (body.equals("Tỉnh Đoàn")) {
      body = body + " " + province;
    }
    String superior = name.startsWith("Sở ") ? "UBND TỈNH " + province.toUpperCase(vi) : null;
    return new String[] {superior, body.toUpperCase(vi), "BC", province};
  }
}
