package vn.nghean.review.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A database from before the campaigns' units were rows (migration 7: a comma-separated list on the
 * campaign) upgraded to today's schema: migration 8 makes the rows from its frozen registry, migration
 * 11 gives each the issuing body the documents printed, by its frozen rule. Neither reads today's
 * registry or {@code unit.IssuingBody}: the expected values are written out here, so a later change to
 * those cannot change what an upgrade does without this test saying so.
 */
class OldCampaignUpgradeTest {

  static FluentConfiguration flyway(JdbcDataSource database) {
    return Flyway.configure().dataSource(database)
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .javaMigrations(new V8__CampaignUnits(), new V11__CampaignUnitIssuingBodies("Nghệ An"));
  }

  @Test
  void shouldGiveAnOldCampaignsUnitsTheirRowsAndTheIssuingBodiesTheirDocumentsPrinted() throws SQLException {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:old-campaign-upgrade;DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    flyway(database).target("7").load().migrate();
    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
      sql.executeUpdate("insert into campaign (code, title, period, report_deadline, conference_deadline,"
          + " synthesis_cutoff, unit_codes) values ('SK-2024', 'Sơ kết 2024', '2023–2024', current_timestamp,"
          + " current_timestamp, current_timestamp, 'VINH,SOYTE,TINHDOAN,HOICCB,ANHSONXA,DAGIAITHE')");
    }

    flyway(database).load().migrate();

    List<String> rows = new ArrayList<>();
    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("select unit_code, kind, unit_name, superior_body, issuing_body,"
            + " document_symbol, place from campaign_unit where campaign_code = 'SK-2024' order by ordinal")) {
      while (row.next()) {
        rows.add(String.join(" | ", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5).replace("\n", "/"), row.getString(6), row.getString(7)));
      }
    }
    assertThat(rows).containsExactly(
        "VINH | DISTRICT | UBND thành phố Vinh | null | ỦY BAN NHÂN DÂN/THÀNH PHỐ VINH | BC-UBND | Vinh",
        "SOYTE | DEPARTMENT | Sở Y tế | UBND TỈNH NGHỆ AN | SỞ Y TẾ | BC | Nghệ An",
        "TINHDOAN | DEPARTMENT | Tỉnh Đoàn | null | TỈNH ĐOÀN NGHỆ AN | BC | Nghệ An",
        "HOICCB | DEPARTMENT | Hội Cựu chiến binh tỉnh | null | HỘI CỰU CHIẾN BINH/TỈNH NGHỆ AN | BC | Nghệ An",
        "ANHSONXA | COMMUNE | UBND xã Anh Sơn | null | ỦY BAN NHÂN DÂN/XÃ ANH SƠN | BC-UBND | Anh Sơn",
        // A code the frozen registry never had keeps its code as its name, as a department.
        "DAGIAITHE | DEPARTMENT | DAGIAITHE | null | DAGIAITHE | BC | Nghệ An");
  }
}
