package vn.nghean.review.document;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.unit.IssuingBody;
import vn.nghean.review.unit.UnitKind;

/**
 * Who issues each document, and where, in the words Nghị định 30/2020/NĐ-CP asks for: a unit's
 * report by the issuing body its campaign took with it ({@link IssuingBody}: a district's or
 * commune's People's Committee, a department under the provincial People's Committee), the
 * provincial report by the provincial Steering Committee.
 */
@Component
class IssuingBodies {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final String province;

  IssuingBodies(@Value("${review.documents.province:Nghệ An}") String province) {
    this.province = province;
  }

  String province() {
    return province;
  }

  /** The heading of a unit's report, from the issuing body its campaign took when it started. */
  AdministrativeDocument.Heading unitHeading(IssuingBody body, Instant date) {
    return new AdministrativeDocument.Heading(body.superior(), body.body(), "Số:        /" + body.symbol(),
        body.place(), longDate(date));
  }

  AdministrativeDocument.Closing unitClosing(UnitKind kind, String name, String signer) {
    java.util.List<String> recipients = java.util.List.of(
        "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ ANTQ tỉnh"
            + " (qua Phòng PV01, Công an tỉnh)",
        "Lưu: VT");
    if (kind == UnitKind.DISTRICT || kind == UnitKind.COMMUNE) {
      return new AdministrativeDocument.Closing(recipients, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer);
    }
    if (name.startsWith("Sở ")) {
      return new AdministrativeDocument.Closing(recipients, "GIÁM ĐỐC", null, signer);
    }
    return new AdministrativeDocument.Closing(recipients, "THỦ TRƯỞNG ĐƠN VỊ", null, signer);
  }

  AdministrativeDocument.Heading provincialHeading(Instant date) {
    return new AdministrativeDocument.Heading("UBND TỈNH " + upper(province),
        // Four lines that each fit the heading's column, broken between the name's phrases.
        "BAN CHỈ ĐẠO PHÒNG, CHỐNG\nTỘI PHẠM, TỆ NẠN XÃ HỘI\nVÀ XÂY DỰNG PHONG TRÀO\nTOÀN DÂN BẢO VỆ ANTQ",
        "Số:        /BC-BCĐ", province, longDate(date));
  }

  /** The provincial report's closing, sent to the kinds of unit that took part. */
  AdministrativeDocument.Closing provincialClosing(java.util.Set<UnitKind> kinds, String signer) {
    java.util.List<String> recipients = new java.util.ArrayList<>(java.util.List.of("Bộ Công an (để báo cáo)",
        "Thường trực Tỉnh ủy, HĐND, UBND tỉnh (để báo cáo)", "Các thành viên Ban Chỉ đạo tỉnh"));
    if (kinds.contains(UnitKind.DISTRICT)) {
      recipients.add("UBND các huyện, thành phố, thị xã");
    }
    if (kinds.contains(UnitKind.COMMUNE)) {
      recipients.add("UBND các xã, phường");
    }
    recipients.add("Các sở, ban, ngành, đoàn thể cấp tỉnh");
    recipients.add("Lưu: VT, PV01");
    return new AdministrativeDocument.Closing(recipients, "TM. BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", signer);
  }

  /**
   * "ngày 05 tháng 01 năm 2026": the decree writes days below 10 and months below 3 with a leading
   * zero.
   */
  static String longDate(Instant instant) {
    ZonedDateTime date = instant.atZone(VietnamTime.ZONE);
    int day = date.getDayOfMonth();
    int month = date.getMonthValue();
    return "ngày " + (day < 10 ? "0" + day : day) + " tháng " + (month < 3 ? "0" + month : month)
        + " năm " + date.getYear();
  }

  static String upper(String text) {
    return text.toUpperCase(VI);
  }
}
