package vn.nghean.review.unit;

import java.util.Locale;

/**
 * Who issues a unit's report and where, in the words of Nghị định 30/2020/NĐ-CP: the heading's left
 * column (the superior body, if any, above the issuing body in capitals), the symbol after the
 * report's number, and the place name of the date line. A campaign takes it with its units when it
 * starts, so that a later edition of the registry never changes an old campaign's documents.
 *
 * @param superior the superior body ("UBND TỈNH NGHỆ AN" above a department), or null
 * @param body the issuing body in capitals, a line break where its column breaks it
 * @param symbol what follows "Số: /" ("BC-UBND" for a People's Committee, "BC" otherwise)
 * @param place the place name of the date line ("Vinh", "Anh Sơn", "Nghệ An")
 */
public record IssuingBody(String superior, String body, String symbol, String place) {

  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final String COMMITTEE_PREFIX = "UBND ";
  private static final String PROVINCIAL_SUFFIX = " tỉnh";
  private static final String[] LOCALITY_KINDS = {"thành phố ", "thị xã ", "huyện ", "phường ", "xã "};

  /**
   * A district's or commune's People's Committee issues as "ỦY BAN NHÂN DÂN" over its locality
   * ("HUYỆN ANH SƠN", "XÃ ANH SƠN", "PHƯỜNG CỬA LÒ") and dates from the locality's name; a provincial
   * department or organisation issues under its own name, dated from the province.
   */
  public static IssuingBody of(UnitKind kind, String name, String province) {
    if (kind == UnitKind.DISTRICT || kind == UnitKind.COMMUNE) {
      String locality = name.startsWith(COMMITTEE_PREFIX) ? name.substring(COMMITTEE_PREFIX.length()) : name;
      return new IssuingBody(null, "ỦY BAN NHÂN DÂN\n" + upper(locality), "BC-UBND", placeOf(locality));
    }
    // "Hội Cựu chiến binh tỉnh" does not fit the heading's column with the province's name: the
    // line breaks before "tỉnh", so that "TỈNH NGHỆ AN" stays whole on a line of its own.
    String body = name;
    if (body.endsWith(PROVINCIAL_SUFFIX)) {
      body = body.substring(0, body.length() - PROVINCIAL_SUFFIX.length()) + "\ntỉnh " + province;
    } else if (body.equals("Tỉnh Đoàn")) {
      body = body + " " + province;
    }
    String superior = name.startsWith("Sở ") ? "UBND TỈNH " + upper(province) : null;
    return new IssuingBody(superior, upper(body), "BC", province);
  }

  /** "Vinh" from "thành phố Vinh", "Anh Sơn" from "huyện Anh Sơn" or "xã Anh Sơn". */
  static String placeOf(String locality) {
    String lower = locality.toLowerCase(VI);
    for (String kind : LOCALITY_KINDS) {
      if (lower.startsWith(kind)) {
        return locality.substring(kind.length());
      }
    }
    return locality;
  }

  private static String upper(String text) {
    return text.toUpperCase(VI);
  }
}
