package vn.nghean.review.document;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/** Runs, drawn rules and layout tables set the same way in Word and in LibreOffice. */
final class Typesetting {

  static final String FONT = "Times New Roman";

  /** Height of the paragraph that carries a rule: the rule sits just under the line above it. */
  private static final int RULE_PARAGRAPH_HEIGHT = 80;
  /** Three quarters of a point, in eighths of a point: a thin solid line, as the decree's models draw it. */
  private static final int RULE_THICKNESS = 6;

  /** Half a point, in eighths of a point. */
  private static final int RULED_BORDER = 4;
  /** Under a millimetre each side: enough to keep text off the lines, little enough for the unit table's columns. */
  private static final int RULED_CELL_MARGIN = 45;

  private Typesetting() {}

  /** Sets the run's text; a line feed in it becomes a line break. */
  static void styled(XWPFRun run, String text, boolean bold, boolean italic, int size) {
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

  /** The cell's first paragraph, or a new one after those it has, holding the text. */
  static XWPFParagraph cellParagraph(XWPFTableCell cell, boolean first, String text, boolean bold, boolean italic,
      ParagraphAlignment alignment, int size) {
    XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
    p.setAlignment(alignment);
    styled(p.createRun(), text, bold, italic, size);
    return p;
  }

  /**
   * A drawn horizontal line, not a character and not an underline: the bottom border of an empty
   * paragraph indented to the line's length, centred in the room it has.
   */
  static XWPFParagraph rule(XWPFParagraph p, int length, int room) {
    CTPPr properties = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    CTBorder bottom = properties.addNewPBdr().addNewBottom();
    bottom.setVal(STBorder.SINGLE);
    bottom.setSz(BigInteger.valueOf(RULE_THICKNESS));
    bottom.setSpace(BigInteger.ZERO);
    bottom.setColor("auto");
    CTSpacing spacing = properties.isSetSpacing() ? properties.getSpacing() : properties.addNewSpacing();
    spacing.setBefore(BigInteger.ZERO);
    spacing.setAfter(BigInteger.ZERO);
    spacing.setLine(BigInteger.valueOf(RULE_PARAGRAPH_HEIGHT));
    spacing.setLineRule(STLineSpacingRule.EXACT);
    int left = Math.max(0, (room - length) / 2);
    p.setIndentationLeft(left);
    p.setIndentationRight(Math.max(0, room - length - left));
    p.setAlignment(ParagraphAlignment.CENTER);
    return p;
  }

  /**
   * A table without borders whose columns are exactly the given widths in twips, in Word as in
   * LibreOffice: a fixed layout (no autofit to the content), a grid, every cell's width, and no
   * cell margins left and right, so that text centred in a column is centred on the column's width
   * and the table's edges are the page's margins whichever way the reader places a table's indent.
   */
  static XWPFTable layoutTable(XWPFDocument document, int rows, int... widths) {
    return table(document, rows, XWPFBorderType.NONE, 0, 0, widths);
  }

  /** A table of figures: the same fixed columns, with single lines and a little room inside each cell. */
  static XWPFTable ruledTable(XWPFDocument document, int rows, int... widths) {
    return table(document, rows, XWPFBorderType.SINGLE, RULED_BORDER, RULED_CELL_MARGIN, widths);
  }

  private static XWPFTable table(XWPFDocument document, int rows, XWPFBorderType border, int borderSize,
      int cellMargin, int... widths) {
    XWPFTable table = document.createTable(rows, widths.length);
    table.setTopBorder(border, borderSize, 0, "auto");
    table.setBottomBorder(border, borderSize, 0, "auto");
    table.setLeftBorder(border, borderSize, 0, "auto");
    table.setRightBorder(border, borderSize, 0, "auto");
    table.setInsideHBorder(border, borderSize, 0, "auto");
    table.setInsideVBorder(border, borderSize, 0, "auto");
    int total = 0;
    for (int width : widths) {
      total += width;
    }
    CTTbl ct = table.getCTTbl();
    CTTblPr properties = ct.getTblPr();
    twips(properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW(), total);
    twips(properties.isSetTblInd() ? properties.getTblInd() : properties.addNewTblInd(), 0);
    (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
        .setType(STTblLayoutType.FIXED);
    CTTblCellMar margins = properties.isSetTblCellMar() ? properties.getTblCellMar() : properties.addNewTblCellMar();
    twips(margins.isSetLeft() ? margins.getLeft() : margins.addNewLeft(), cellMargin);
    twips(margins.isSetRight() ? margins.getRight() : margins.addNewRight(), cellMargin);
    CTTblGrid grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int width : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(width));
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < widths.length; c++) {
        XWPFTableCell cell = table.getRow(r).getCell(c);
        var cellProperties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        twips(cellProperties.isSetTcW() ? cellProperties.getTcW() : cellProperties.addNewTcW(), widths[c]);
      }
    }
    return table;
  }

  private static void twips(CTTblWidth width, int value) {
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(value));
  }
}
