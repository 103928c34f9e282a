package vn.nghean.review.document;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitKind;

/**
 * Who issues each document, and where, in the words Nghị định 30/2020/NĐ-CP asks for: a district
 * report is issued by its People's Committee, a department's by the department under the provincial
 * People's Committee, the provincial report by the provincial Steering Committee.
 */
@Component
class IssuingBodies {

  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final String DISTRICT_PREFIX = "UBND ";
  private static final String PROVINCIAL_SUFFIX = " tỉnh";

  private final String province;

  IssuingBodies(@Value("${review.documents.province:Nghệ An}") String province) {
    this.province = province;
  }

  String province() {
    return province;
  }

  AdministrativeDocument.Heading unitHeading(Unit unit, Instant date) {
    if (unit.kind() == UnitKind.DISTRICT) {
      String locality = unit.name().startsWith(DISTRICT_PREFIX) ? unit.name().substring(DISTRICT_PREFIX.length())
          : unit.name();
      return new AdministrativeDocument.Heading(null, "ỦY BAN NHÂN DÂN\n" + upper(locality), "Số:        /BC-UBND",
          placeOf(locality), longDate(date));
    }
    // "Hội Cựu chiến binh tỉnh" does not fit the heading's column with the province's name: the
    // line breaks before "tỉnh", so that "TỈNH NGHỆ AN" stays whole on a line of its own.
    String name = unit.name();
    if (name.endsWith(PROVINCIAL_SUFFIX)) {
      name = name.substring(0, name.length() - PROVINCIAL_SUFFIX.length()) + "\ntỉnh " + province;
    } else if (name.equals("Tỉnh Đoàn")) {
      name = name + " " + province;
    }
    String superior = unit.name().startsWith("Sở ") ? "UBND TỈNH " + upper(province) : null;
    return new AdministrativeDocument.Heading(superior, upper(name), "Số:        /BC", province, longDate(date));
  }

  AdministrativeDocument.Closing unitClosing(Unit unit, String signer) {
    java.util.List<String> recipients = java.util.List.of(
        "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ ANTQ tỉnh"
            + " (qua Phòng PV01, Công an tỉnh)",
        "Lưu: VT");
    if (unit.kind() == UnitKind.DISTRICT) {
      return new AdministrativeDocument.Closing(recipients, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer);
    }
    if (unit.name().startsWith("Sở ")) {
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

  AdministrativeDocument.Closing provincialClosing(String signer) {
    return new AdministrativeDocument.Closing(java.util.List.of("Bộ Công an (để báo cáo)",
        "Thường trực Tỉnh ủy, HĐND, UBND tỉnh (để báo cáo)", "Các thành viên Ban Chỉ đạo tỉnh",
        "UBND các huyện, thành phố, thị xã", "Các sở, ban, ngành, đoàn thể cấp tỉnh", "Lưu: VT, PV01"),
        "TM. BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", signer);
  }

  /** "Vinh" from "thành phố Vinh", "Anh Sơn" from "huyện Anh Sơn": the place name of the date line. */
  static String placeOf(String locality) {
    for (String kind : new String[] {"thành phố ", "thị xã ", "huyện "}) {
      if (locality.toLowerCase(VI).startsWith(kind)) {
        return locality.substring(kind.length());
      }
    }
    return locality;
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
