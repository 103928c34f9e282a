package vn.nghean.review.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * What Word reads of the heading, without LibreOffice: the decree's page, a table whose columns are
 * fixed in twips (Word autofits a table that does not say so), the sizes of Phụ lục I, and rules
 * that are drawn borders, not underlined text. {@code mvn -Poffice verify} checks the printed page.
 */
class AdministrativeDocumentTest {

  static final String PROVINCIAL = "province";

  static XWPFDocument open(String name) throws Exception {
    byte[] docx = name.equals(PROVINCIAL)
        ? SampleReports.provincialReport(List.of("VINH", "SOYTE")) : SampleReports.unitReport(name);
    return new XWPFDocument(new ByteArrayInputStream(docx));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONCUONG", "SOLDTBXH", PROVINCIAL})
  void shouldPrintOnA4WithinTheDecreesMargins(String name) throws Exception {
    try (XWPFDocument document = open(name)) {
      CTPageSz size = document.getDocument().getBody().getSectPr().getPgSz();
      CTPageMar margins = document.getDocument().getBody().getSectPr().getPgMar();
      assertThat(millimetres(size.getW())).isCloseTo(210, within(0.1));
      assertThat(millimetres(size.getH())).isCloseTo(297, within(0.1));
      assertThat(millimetres(margins.getTop())).isBetween(19.99, 25.0);
      assertThat(millimetres(margins.getBottom())).isBetween(19.99, 25.0);
      assertThat(millimetres(margins.getLeft())).isBetween(29.99, 35.0);
      assertThat(millimetres(margins.getRight())).isBetween(15.0, 20.01);
      assertThat(margins.getHeader()).isNotNull();
      assertThat(margins.getFooter()).isNotNull();
      assertThat(margins.getGutter()).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONCUONG", "SOLDTBXH", PROVINCIAL})
  void shouldLayTheHeadingInAFixedTableOfTwoColumnsAsWideAsTheText(String name) throws Exception {
    try (XWPFDocument document = open(name)) {
      XWPFTable heading = document.getTables().get(0);
      CTTblPr properties = heading.getCTTbl().getTblPr();
      assertThat(properties.getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
      assertThat(properties.getTblW().getType()).isEqualTo(STTblWidth.DXA);
      assertThat(twips(properties.getTblW().getW())).isEqualTo(AdministrativeDocument.TEXT_WIDTH);
      assertThat(twips(properties.getTblCellMar().getLeft().getW())).isZero();
      assertThat(twips(properties.getTblCellMar().getRight().getW())).isZero();
      List<Integer> grid = heading.getCTTbl().getTblGrid().getGridColList().stream().map(c -> twips(c.getW())).toList();
      assertThat(grid).containsExactly(HeadingBlock.ISSUER_WIDTH, HeadingBlock.NATION_WIDTH);
      assertThat(grid.get(0) + grid.get(1)).isEqualTo(textWidth(document));
      for (var row : heading.getRows()) {
        for (int c = 0; c < 2; c++) {
          var width = row.getCell(c).getCTTc().getTcPr().getTcW();
          assertThat(width.getType()).isEqualTo(STTblWidth.DXA);
          assertThat(twips(width.getW())).isEqualTo(grid.get(c));
        }
      }
      assertThat(properties.getTblBorders().getInsideV().getVal()).isEqualTo(STBorder.NONE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONCUONG", "SOLDTBXH", PROVINCIAL})
  void shouldSetTheHeadingInTheDecreesTypeAndDrawTheMottosRuleAsLongAsTheMotto(String name) throws Exception {
    try (XWPFDocument document = open(name)) {
      XWPFTable heading = document.getTables().get(0);
      List<XWPFParagraph> nation = heading.getRow(0).getCell(1).getParagraphs();
      assertThat(nation).hasSize(3);
      assertRun(nation.get(0), HeadingBlock.NATION, true, false, 12, 13);
      assertRun(nation.get(1), HeadingBlock.MOTTO, true, false, 13, 14);
      assertThat(nation.get(2).getText()).isEmpty();
      // The motto at 13 pt measures 3,183 twips in Liberation Serif Bold (TimesBoldTest).
      assertThat(ruleLength(nation.get(2), HeadingBlock.NATION_WIDTH)).isCloseTo(3183, within(2));

      List<XWPFParagraph> issuer = heading.getRow(0).getCell(0).getParagraphs();
      XWPFParagraph body = issuer.get(issuer.size() - 2);
      assertThat(body.getRuns()).allSatisfy(run -> {
        assertThat(run.isBold()).isTrue();
        assertThat(run.getFontSizeAsDouble()).isBetween(12.0, 13.0);
      });
      if (issuer.size() == 3) {
        assertRun(issuer.get(0), issuer.get(0).getText(), false, false, 12, 13);
      }
      int rule = ruleLength(issuer.get(issuer.size() - 1), HeadingBlock.ISSUER_WIDTH);
      int widest = TimesBold.widestLine(body.getText(), 12, HeadingBlock.ISSUER_WIDTH);
      assertThat(rule).isBetween(widest / 3, widest / 2);

      XWPFTableCell number = heading.getRow(1).getCell(0);
      assertRun(number.getParagraphs().get(0), number.getText(), false, false, 13, 13);
      XWPFTableCell date = heading.getRow(1).getCell(1);
      assertRun(date.getParagraphs().get(0), date.getText(), false, true, 13, 14);
      assertThat(date.getText()).endsWith(", ngày 01 tháng 12 năm 2026");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONCUONG", "SOLDTBXH", PROVINCIAL})
  void shouldUnderlineNoTextAndDrawNoRuleWithCharacters(String name) throws Exception {
    try (XWPFDocument document = open(name)) {
      List<XWPFRun> runs = new ArrayList<>();
      document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
      document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
          .forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
      assertThat(runs).isNotEmpty().allSatisfy(run -> {
        assertThat(run.getUnderline()).isEqualTo(UnderlinePatterns.NONE);
        assertThat(run.text()).doesNotContain("\u2500").doesNotContain("___");
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONCUONG", PROVINCIAL})
  void shouldFixTheColumnsOfEveryTableForWord(String name) throws Exception {
    try (XWPFDocument document = open(name)) {
      assertThat(document.getTables()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(table -> {
        assertThat(table.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
        int sum = table.getCTTbl().getTblGrid().getGridColList().stream().mapToInt(c -> twips(c.getW())).sum();
        assertThat(sum).isEqualTo(AdministrativeDocument.TEXT_WIDTH);
      });
    }
  }

  private static void assertRun(XWPFParagraph paragraph, String text, boolean bold, boolean italic, int minSize,
      int maxSize) {
    assertThat(paragraph.getText()).isEqualTo(text);
    assertThat(paragraph.getRuns()).hasSize(1).allSatisfy(run -> {
      assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
      assertThat(run.isBold()).as(text + " bold").isEqualTo(bold);
      assertThat(run.isItalic()).as(text + " italic").isEqualTo(italic);
      assertThat(run.getFontSizeAsDouble()).as(text + " size").isBetween((double) minSize, (double) maxSize);
    });
  }

  /** The length of the solid bottom border the paragraph draws across the room it has. */
  private static int ruleLength(XWPFParagraph paragraph, int room) {
    CTBorder bottom = paragraph.getCTP().getPPr().getPBdr().getBottom();
    assertThat(bottom.getVal()).isEqualTo(STBorder.SINGLE);
    return room - paragraph.getIndentationLeft() - paragraph.getIndentationRight();
  }

  private static int textWidth(XWPFDocument document) {
    var section = document.getDocument().getBody().getSectPr();
    return twips(section.getPgSz().getW()) - twips(section.getPgMar().getLeft()) - twips(section.getPgMar().getRight());
  }

  private static int twips(Object value) {
    return new BigInteger(String.valueOf(value)).intValueExact();
  }

  private static double millimetres(Object twips) {
    return twips(twips) * 25.4 / 1440;
  }
}
