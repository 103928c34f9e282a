package vn.nghean.review.document;

import static vn.nghean.review.document.Typesetting.cellParagraph;
import static vn.nghean.review.document.Typesetting.rule;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The top of the first page as Phụ lục I of Nghị định 30/2020/NĐ-CP lays it out, in a table
 * without borders: on the left the superior body, the issuing body in bold capitals over a short
 * rule, and the number; on the right the national heading, the motto over a rule as long as the
 * motto, and the place and date, each of the three on one line.
 */
final class HeadingBlock {

  static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

  /** Sizes in points, within the decree's ranges; at 13 pt the national heading would not fit its column. */
  static final int NATION_SIZE = 12;
  static final int MOTTO_SIZE = 13;
  static final int ISSUER_SIZE = 12;
  static final int NUMBER_SIZE = 13;
  static final int DATE_SIZE = 13;

  /**
   * Column widths in twips, 42 and 58 hundredths of the text's 9,071. The national heading at 12 pt
   * (5,007; at 13 pt it would need 5,424) and the longest date line at 13 pt fit the right column's
   * 5,262: at 14 pt "Hưng Nguyên Nam, ngày 01 tháng 12 năm 2026", of the longest commune's name since
   * the 2025 reform, wrapped in LibreOffice (AdministrativeLayoutIT). The widest line of an issuing
   * body ("SỞ LAO ĐỘNG - THƯƠNG BINH" at 12 pt, 3,638) fits the left column's 3,809.
   */
  static final int ISSUER_WIDTH = AdministrativeDocument.TEXT_WIDTH * 42 / 100;
  static final int NATION_WIDTH = AdministrativeDocument.TEXT_WIDTH - ISSUER_WIDTH;

  /** The decree's rule under the issuing body is a third to a half of its line: two fifths. */
  private static final int ISSUER_RULE_FIFTHS = 2;
  /** Space between the rules and the line of number and date. */
  private static final int BEFORE_NUMBER = 120;

  private HeadingBlock() {}

  static void write(XWPFDocument document, AdministrativeDocument.Heading heading) {
    XWPFTable table = Typesetting.layoutTable(document, 2, ISSUER_WIDTH, NATION_WIDTH);

    XWPFTableCell issuer = table.getRow(0).getCell(0);
    boolean superior = heading.superiorBody() != null;
    if (superior) {
      cellParagraph(issuer, true, heading.superiorBody(), false, false, ParagraphAlignment.CENTER, ISSUER_SIZE);
    }
    cellParagraph(issuer, !superior, heading.issuingBody(), true, false, ParagraphAlignment.CENTER, ISSUER_SIZE);
    int issuerLine = TimesBold.widestLine(heading.issuingBody(), ISSUER_SIZE, ISSUER_WIDTH);
    rule(issuer.addParagraph(), issuerLine * ISSUER_RULE_FIFTHS / 5, ISSUER_WIDTH);

    XWPFTableCell nation = table.getRow(0).getCell(1);
    cellParagraph(nation, true, NATION, true, false, ParagraphAlignment.CENTER, NATION_SIZE);
    cellParagraph(nation, false, MOTTO, true, false, ParagraphAlignment.CENTER, MOTTO_SIZE);
    rule(nation.addParagraph(), TimesBold.twips(MOTTO, MOTTO_SIZE), NATION_WIDTH);

    cellParagraph(table.getRow(1).getCell(0), true, heading.number(), false, false, ParagraphAlignment.CENTER,
        NUMBER_SIZE).setSpacingBefore(BEFORE_NUMBER);
    cellParagraph(table.getRow(1).getCell(1), true, heading.place() + ", " + heading.date(), false, true,
        ParagraphAlignment.CENTER, DATE_SIZE).setSpacingBefore(BEFORE_NUMBER);
  }
}
