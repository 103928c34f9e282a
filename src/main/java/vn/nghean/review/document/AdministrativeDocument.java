package vn.nghean.review.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
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

  static final String FONT = "Times New Roman";
  static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

  /** Twentieths of a point: A4 and the decree's margins. */
  private static final int PAGE_WIDTH = 11906;
  private static final int PAGE_HEIGHT = 16838;
  private static final int MM = 57;
  private static final int TEXT_WIDTH = PAGE_WIDTH - 30 * MM - 20 * MM;
  private static final int FIRST_LINE_INDENT = 567;
  private static final int BODY_SIZE = 14;
  private static final int HEADING_SIZE = 13;

  /** The issuing body and the document's identity, printed at the top of the first page. */
  record Heading(String superiorBody, String issuingBody, String number, String place, String date) {}

  /** The block at the foot: who receives the document, and who signs for whom. */
  record Closing(List<String> recipients, String authority, String position, String signer) {}

  private final XWPFDocument document = new XWPFDocument();

  AdministrativeDocument(Heading heading, String kind, String subject) {
    pageSetup();
    heading(heading);
    paragraph(kind, ParagraphAlignment.CENTER, true, false, BODY_SIZE, 240, 0);
    paragraph(subject, ParagraphAlignment.CENTER, true, false, BODY_SIZE, 0, 0);
    paragraph("\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500", ParagraphAlignment.CENTER, false, false, 10, 0, 240);
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

  /** A table with a bold header row and borders; the widths are relative weights. */
  AdministrativeDocument table(String[] header, int[] weights, List<String[]> rows) {
    XWPFTable table = document.createTable(rows.size() + 1, header.length);
    table.setTableAlignment(TableRowAlign.CENTER);
    int total = java.util.Arrays.stream(weights).sum();
    for (int r = 0; r <= rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (r == 0) {
        row.setRepeatHeader(true);
      }
      for (int c = 0; c < header.length; c++) {
        XWPFTableCell cell = row.getCell(c);
        cell.setWidth(String.valueOf(TEXT_WIDTH * weights[c] / total));
        String value = r == 0 ? header[c] : rows.get(r - 1)[c];
        cellText(cell, value == null ? "" : value, r == 0 || rows.get(r - 1)[0].isEmpty(),
            r == 0 || c != 1 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT, 12);
      }
    }
    paragraph("", ParagraphAlignment.LEFT, false, false, 6, 0, 0);
    return this;
  }

  /** Recipients on the left, the signature on the right, as the decree's model shows. */
  AdministrativeDocument closing(Closing closing) {
    paragraph("", ParagraphAlignment.LEFT, false, false, BODY_SIZE, 0, 0);
    XWPFTable table = borderless(1, 2);
    XWPFTableCell left = table.getRow(0).getCell(0);
    XWPFTableCell right = table.getRow(0).getCell(1);
    left.setWidth(String.valueOf(TEXT_WIDTH * 45 / 100));
    right.setWidth(String.valueOf(TEXT_WIDTH * 55 / 100));
    XWPFParagraph heading = left.getParagraphs().get(0);
    styled(heading.createRun(), "Nơi nhận:", true, true, 12);
    for (int i = 0; i < closing.recipients().size(); i++) {
      String end = i == closing.recipients().size() - 1 ? "." : ";";
      cellParagraph(left, "- " + closing.recipients().get(i) + end, false, false, ParagraphAlignment.LEFT, 11);
    }
    XWPFParagraph authority = right.getParagraphs().get(0);
    authority.setAlignment(ParagraphAlignment.CENTER);
    styled(authority.createRun(), closing.authority(), true, false, HEADING_SIZE + 1);
    if (closing.position() != null) {
      cellParagraph(right, closing.position(), true, false, ParagraphAlignment.CENTER, HEADING_SIZE + 1);
    }
    for (int i = 0; i < 4; i++) {
      cellParagraph(right, "", false, false, ParagraphAlignment.CENTER, BODY_SIZE);
    }
    cellParagraph(right, closing.signer() == null ? "" : closing.signer(), true, false, ParagraphAlignment.CENTER,
        BODY_SIZE);
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
    margins.setTop(BigInteger.valueOf(20 * MM));
    margins.setBottom(BigInteger.valueOf(20 * MM));
    margins.setLeft(BigInteger.valueOf(30 * MM));
    margins.setRight(BigInteger.valueOf(20 * MM));
  }

  private void heading(Heading heading) {
    XWPFTable table = borderless(2, 2);
    XWPFTableCell body = table.getRow(0).getCell(0);
    XWPFTableCell nation = table.getRow(0).getCell(1);
    body.setWidth(String.valueOf(TEXT_WIDTH * 42 / 100));
    nation.setWidth(String.valueOf(TEXT_WIDTH * 58 / 100));
    XWPFParagraph first = body.getParagraphs().get(0);
    first.setAlignment(ParagraphAlignment.CENTER);
    if (heading.superiorBody() != null) {
      styled(first.createRun(), heading.superiorBody(), false, false, HEADING_SIZE);
      cellParagraph(body, heading.issuingBody(), true, false, ParagraphAlignment.CENTER, HEADING_SIZE);
    } else {
      styled(first.createRun(), heading.issuingBody(), true, false, HEADING_SIZE);
    }
    cellParagraph(body, "\u2500\u2500\u2500\u2500\u2500\u2500", false, false, ParagraphAlignment.CENTER, 8);

    XWPFParagraph nationLine = nation.getParagraphs().get(0);
    nationLine.setAlignment(ParagraphAlignment.CENTER);
    styled(nationLine.createRun(), NATION, true, false, HEADING_SIZE);
    XWPFParagraph motto = cellParagraph(nation, MOTTO, true, false, ParagraphAlignment.CENTER, BODY_SIZE);
    motto.getRuns().get(0).setUnderline(UnderlinePatterns.SINGLE);

    cellText(table.getRow(1).getCell(0), heading.number(), false, ParagraphAlignment.CENTER, HEADING_SIZE);
    XWPFTableCell date = table.getRow(1).getCell(1);
    XWPFParagraph dateLine = date.getParagraphs().get(0);
    dateLine.setAlignment(ParagraphAlignment.CENTER);
    styled(dateLine.createRun(), heading.place() + ", " + heading.date(), false, true, BODY_SIZE);
  }

  private XWPFTable borderless(int rows, int columns) {
    XWPFTable table = document.createTable(rows, columns);
    table.removeBorders();
    table.setWidth(String.valueOf(TEXT_WIDTH));
    return table;
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

  private static void cellText(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment, int size) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(alignment);
    styled(p.createRun(), text, bold, false, size);
  }

  private static XWPFParagraph cellParagraph(XWPFTableCell cell, String text, boolean bold, boolean italic,
      ParagraphAlignment alignment, int size) {
    XWPFParagraph p = cell.addParagraph();
    p.setAlignment(alignment);
    styled(p.createRun(), text, bold, italic, size);
    return p;
  }

  /** Sets the run's text; a line feed in it becomes a line break. */
  private static void styled(XWPFRun run, String text, boolean bold, boolean italic, int size) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i]);
    }
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
  }
}
