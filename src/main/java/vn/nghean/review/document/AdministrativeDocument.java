package vn.nghean.review.document;

import static vn.nghean.review.document.Typesetting.FONT;
import static vn.nghean.review.document.Typesetting.cellParagraph;
import static vn.nghean.review.document.Typesetting.rule;
import static vn.nghean.review.document.Typesetting.styled;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * A Word document laid out as Nghị định 30/2020/NĐ-CP asks of an administrative document: A4,
 * margins 20/20/30/20 mm, Times New Roman, the issuing body and the national heading side by side,
 * number, place and date, title, body, then the recipients ({@code Nơi nhận}) and the signature.
 */
final class AdministrativeDocument {

  /** Twentieths of a point: A4 and the decree's margins. */
  private static final int PAGE_WIDTH = 11906;
  private static final int PAGE_HEIGHT = 16838;
  /** Millimetres, at the decree's bounds: top and bottom 20–25, left 30–35, right 15–20. */
  private static final int TOP = 20;
  private static final int BOTTOM = 20;
  private static final int LEFT = 30;
  private static final int RIGHT = 20;
  static final int TEXT_WIDTH = PAGE_WIDTH - twips(LEFT) - twips(RIGHT);
  private static final int FIRST_LINE_INDENT = 567;
  private static final int BODY_SIZE = 14;
  private static final int SIGNATURE_SIZE = 14;
  /** The rule under the subject, like the one under the issuing body: two fifths of its line. */
  private static final int SUBJECT_RULE_FIFTHS = 2;

  /** The issuing body and the document's identity, printed at the top of the first page. */
  record Heading(String superiorBody, String issuingBody, String number, String place, String date) {}

  /** The block at the foot: who receives the document, and who signs for whom. */
  record Closing(List<String> recipients, String authority, String position, String signer) {}

  private final XWPFDocument document = new XWPFDocument();

  AdministrativeDocument(Heading heading, String kind, String subject) {
    pageSetup();
    HeadingBlock.write(document, heading);
    paragraph(kind, ParagraphAlignment.CENTER, true, false, BODY_SIZE, 240, 0);
    paragraph(subject, ParagraphAlignment.CENTER, true, false, BODY_SIZE, 0, 0);
    XWPFParagraph rule = rule(document.createParagraph(),
        TimesBold.widestLine(subject, BODY_SIZE, TEXT_WIDTH) * SUBJECT_RULE_FIFTHS / 5, TEXT_WIDTH);
    rule.setSpacingAfter(240);
  }

  /** A numbered part of the body, e.g. "I. KẾT QUẢ ĐẠT ĐƯỢC". */
  AdministrativeDocument part(String title) {
    XWPFParagraph p = body(title, true, false);
    p.setSpacingBefore(120);
    return this;
  }

  /** Body text: each line of the text becomes an indented, justified paragraph. */
  AdministrativeDocument text(String text) {
    if (text == null || text.isBlank()) {
      body("(Không có nội dung)", false, true);
      return this;
    }
    for (String line : text.strip().split("\\R")) {
      if (!line.isBlank()) {
        body(line.strip(), false, false);
      }
    }
    return this;
  }

  /** A table with a bold header row and borders, as wide as the text; the widths are relative weights. */
  AdministrativeDocument table(String[] header, int[] weights, List<String[]> rows) {
    int total = java.util.Arrays.stream(weights).sum();
    int[] widths = new int[weights.length];
    int used = 0;
    for (int c = 0; c < weights.length; c++) {
      widths[c] = TEXT_WIDTH * weights[c] / total;
      used += widths[c];
    }
    widths[widths.length - 1] += TEXT_WIDTH - used;
    XWPFTable table = Typesetting.ruledTable(document, rows.size() + 1, widths);
    // Centred, a table as wide as the text has its borders on the margins in Word and LibreOffice alike.
    table.setTableAlignment(TableRowAlign.CENTER);
    for (int r = 0; r <= rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (r == 0) {
        row.setRepeatHeader(true);
      }
      for (int c = 0; c < header.length; c++) {
        XWPFTableCell cell = row.getCell(c);
        String value = r == 0 ? header[c] : rows.get(r - 1)[c];
        cellParagraph(cell, true, value == null ? "" : value, r == 0 || rows.get(r - 1)[0].isEmpty(), false,
            r == 0 || c != 1 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT, 12);
      }
    }
    paragraph("", ParagraphAlignment.LEFT, false, false, 6, 0, 0);
    return this;
  }

  /** Recipients on the left, the signature on the right, as the decree's model shows. */
  AdministrativeDocument closing(Closing closing) {
    paragraph("", ParagraphAlignment.LEFT, false, false, BODY_SIZE, 0, 0);
    int recipientsWidth = TEXT_WIDTH * 45 / 100;
    XWPFTable table = Typesetting.layoutTable(document, 1, recipientsWidth, TEXT_WIDTH - recipientsWidth);
    XWPFTableCell left = table.getRow(0).getCell(0);
    XWPFTableCell right = table.getRow(0).getCell(1);
    cellParagraph(left, true, "Nơi nhận:", true, true, ParagraphAlignment.LEFT, 12);
    for (int i = 0; i < closing.recipients().size(); i++) {
      String end = i == closing.recipients().size() - 1 ? "." : ";";
      cellParagraph(left, false, "- " + closing.recipients().get(i) + end, false, false, ParagraphAlignment.LEFT, 11);
    }
    cellParagraph(right, true, closing.authority(), true, false, ParagraphAlignment.CENTER, SIGNATURE_SIZE);
    if (closing.position() != null) {
      cellParagraph(right, false, closing.position(), true, false, ParagraphAlignment.CENTER, SIGNATURE_SIZE);
    }
    for (int i = 0; i < 4; i++) {
      cellParagraph(right, false, "", false, false, ParagraphAlignment.CENTER, BODY_SIZE);
    }
    cellParagraph(right, false, closing.signer() == null ? "" : closing.signer(), true, false,
        ParagraphAlignment.CENTER, BODY_SIZE);
    return this;
  }

  byte[] toBytes() {
    try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pageSetup() {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    document.createStyles().setDefaultFonts(fonts);
    CTSectPr section = document.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(twips(TOP)));
    margins.setBottom(BigInteger.valueOf(twips(BOTTOM)));
    margins.setLeft(BigInteger.valueOf(twips(LEFT)));
    margins.setRight(BigInteger.valueOf(twips(RIGHT)));
    // The schema requires these of w:pgMar too; set here rather than left to each reader's defaults.
    margins.setHeader(BigInteger.valueOf(twips(10)));
    margins.setFooter(BigInteger.valueOf(twips(10)));
    margins.setGutter(BigInteger.ZERO);
  }

  /** Rounded to the nearest twip, so that 20 mm is 20 mm and not a tenth more. */
  private static int twips(int millimetres) {
    return Math.round(millimetres * 1440 / 25.4f);
  }

  private XWPFParagraph body(String text, boolean bold, boolean italic) {
    XWPFParagraph p = paragraph(text, ParagraphAlignment.BOTH, bold, italic, BODY_SIZE, 0, 120);
    p.setIndentationFirstLine(FIRST_LINE_INDENT);
    p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
    return p;
  }

  private XWPFParagraph paragraph(String text, ParagraphAlignment alignment, boolean bold, boolean italic, int size,
      int before, int after) {
    XWPFParagraph p = document.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingBefore(before);
    p.setSpacingAfter(after);
    styled(p.createRun(), text, bold, italic, size);
    return p;
  }
}
