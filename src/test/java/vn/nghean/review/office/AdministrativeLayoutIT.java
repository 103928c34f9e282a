package vn.nghean.review.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;

import vn.nghean.review.document.SampleReports;
import vn.nghean.review.office.PrintedPage.Line;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitKind;

/**
 * The reports as LibreOffice prints them, read back from the PDF: the heading of Nghị định
 * 30/2020/NĐ-CP with the national heading, the motto and the date each on one line, the issuing
 * body on the lines expected, the decree's rules drawn to their length, and nothing past the
 * margins. Every unit of the registry is printed, and the provincial report; the first pages are
 * kept in {@code target/office/png/}.
 */
class AdministrativeLayoutIT {

  static final Path OUT = Path.of("target", "office");
  static final String PROVINCIAL = "TOAN-TINH";
  static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
  static final String DATE = "ngày 01 tháng 12 năm 2026";
  static final Locale VI = Locale.forLanguageTag("vi");
  /** Twips per point, and the resolution at which the rules are looked for: two pixels a point. */
  static final double TWIPS = 20;
  static final int DPI = 144;

  /** The departments' headings as a Vietnamese reader expects them, line by line. */
  static final Map<String, Expected> DEPARTMENTS = Map.of(
      "SOGDDT", department("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
      "SOYTE", department("UBND TỈNH NGHỆ AN", "SỞ Y TẾ"),
      "SOTUPHAP", department("UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP"),
      "SOLDTBXH", department("UBND TỈNH NGHỆ AN", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"),
      "SOVHTT", department("UBND TỈNH NGHỆ AN", "SỞ VĂN HÓA VÀ THỂ THAO"),
      "MTTQ", department(null, "ỦY BAN MTTQ VIỆT NAM", "TỈNH NGHỆ AN"),
      "TINHDOAN", department(null, "TỈNH ĐOÀN NGHỆ AN"),
      "HOIPHUNU", department(null, "HỘI LIÊN HIỆP PHỤ NỮ", "TỈNH NGHỆ AN"),
      "HOINONGDAN", department(null, "HỘI NÔNG DÂN", "TỈNH NGHỆ AN"),
      "HOICCB", department(null, "HỘI CỰU CHIẾN BINH", "TỈNH NGHỆ AN"));
  static final Expected PROVINCE = new Expected("UBND TỈNH NGHỆ AN", List.of("BAN CHỈ ĐẠO PHÒNG, CHỐNG",
      "TỘI PHẠM, TỆ NẠN XÃ HỘI", "VÀ XÂY DỰNG PHONG TRÀO", "TOÀN DÂN BẢO VỆ ANTQ"), "Số: /BC-BCĐ", "Nghệ An");

  /** The heading's left column: the superior body if any, the issuing body's lines, the number; and the date's place. */
  record Expected(String superior, List<String> body, String number, String place) {}

  /** The document's own page geometry in points: its margins, and where the heading's left column ends. */
  record Geometry(double top, double bottom, double left, double right, double columnSplit) {}

  record Printed(Expected expected, Geometry geometry, List<PrintedPage> pages, BufferedImage firstPage,
      List<String> fonts) {}

  /** A horizontal run of dark pixels, in points. */
  record Stroke(double xMin, double xMax, double y) {
    double length() {
      return xMax - xMin;
    }

    double centre() {
      return (xMin + xMax) / 2;
    }
  }

  static final Map<String, Printed> PRINTED = new LinkedHashMap<>();

  @BeforeAll
  static void print() throws IOException {
    Office.requireTools();
    Path docx = Files.createDirectories(OUT.resolve("docx"));
    Path pdf = Files.createDirectories(OUT.resolve("pdf"));
    Path png = Files.createDirectories(OUT.resolve("png"));
    Map<String, byte[]> documents = new LinkedHashMap<>();
    for (Unit unit : SampleReports.units()) {
      documents.put(unit.code(), SampleReports.unitReport(unit.code()));
    }
    documents.put(PROVINCIAL, SampleReports.provincialReport(SampleReports.units().stream().map(Unit::code).toList()));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, byte[]> document : documents.entrySet()) {
      files.add(Files.write(docx.resolve(document.getKey() + ".docx"), document.getValue()));
    }
    Office.toPdf(files, pdf);
    for (Map.Entry<String, byte[]> document : documents.entrySet()) {
      String name = document.getKey();
      Path printed = Office.pdfOf(docx.resolve(name + ".docx"), pdf);
      Office.png(printed, png.resolve(name), 80, false);
      PRINTED.put(name, new Printed(expected(name), geometry(document.getValue()), Office.pages(printed),
          Office.firstPage(printed, DPI), Office.fonts(printed)));
    }
  }

  static Stream<String> documents() {
    return Stream.concat(SampleReports.units().stream().map(Unit::code), Stream.of(PROVINCIAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void shouldPrintTheNationalHeadingTheMottoAndTheDateEachOnOneLine(String name) {
    Printed printed = PRINTED.get(name);
    assertThat(texts(nationColumn(printed))).as(name)
        .containsExactly(NATION, MOTTO, printed.expected().place() + ", " + DATE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void shouldPrintTheIssuingBodyOnTheLinesExpected(String name) {
    Expected expected = PRINTED.get(name).expected();
    List<String> lines = new ArrayList<>();
    if (expected.superior() != null) {
      lines.add(expected.superior());
    }
    lines.addAll(expected.body());
    lines.add(expected.number());
    assertThat(texts(issuerColumn(PRINTED.get(name)))).as(name).containsExactlyElementsOf(lines);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void shouldDrawALineUnderTheMottoAsLongAsTheMottoAndNotUnderlineIt(String name) {
    Printed printed = PRINTED.get(name);
    List<Line> nation = nationColumn(printed);
    Line motto = nation.get(1);
    Line date = nation.get(2);
    Stroke rule = longestStroke(printed.firstPage(), printed.geometry().columnSplit(),
        printed.pages().get(0).width() - printed.geometry().right(), motto.yMax(), date.yMin());
    assertThat(rule.length()).as(name + ": the rule under the motto, against the motto's %.1f pt", motto.width())
        .isCloseTo(motto.width(), within(1 + motto.width() * 0.02));
    assertThat(rule.centre()).as(name + ": the rule's centre").isCloseTo(motto.centre(), within(1.5));
    assertThat(longestStroke(printed.firstPage(), motto.xMin() - 2, motto.xMax() + 2, motto.yMin(), motto.yMax())
        .length()).as(name + ": a stroke as long as the motto within its line would be an underline")
        .isLessThan(motto.width() / 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void shouldDrawALineUnderTheIssuingBodyAThirdToAHalfOfItsLine(String name) {
    Printed printed = PRINTED.get(name);
    List<Line> issuer = issuerColumn(printed);
    int first = printed.expected().superior() == null ? 0 : 1;
    List<Line> body = issuer.subList(first, first + printed.expected().body().size());
    Line number = issuer.get(issuer.size() - 1);
    Line last = body.get(body.size() - 1);
    double widest = body.stream().mapToDouble(Line::width).max().orElseThrow();
    Stroke rule = longestStroke(printed.firstPage(), printed.geometry().left(), printed.geometry().columnSplit(),
        last.yMax(), number.yMin());
    assertThat(rule.length()).as(name + ": the rule under the issuing body, against its widest line of %.1f pt", widest)
        .isBetween(widest / 3 - 1, widest / 2 + 1);
    assertThat(rule.centre()).as(name + ": the rule's centre").isCloseTo(last.centre(), within(1.5));
    for (Line line : body) {
      assertThat(longestStroke(printed.firstPage(), line.xMin() - 2, line.xMax() + 2, line.yMin(), line.yMax())
          .length()).as(name + ": no underline in " + line.text()).isLessThan(line.width() / 2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void shouldPrintNothingPastTheDecreesMargins(String name) {
    Printed printed = PRINTED.get(name);
    Geometry margins = printed.geometry();
    assertThat(millimetres(margins.top())).as("top margin").isBetween(20.0, 25.0);
    assertThat(millimetres(margins.bottom())).as("bottom margin").isBetween(20.0, 25.0);
    assertThat(millimetres(margins.left())).as("left margin").isBetween(30.0, 35.0);
    assertThat(millimetres(margins.right())).as("right margin").isBetween(15.0, 20.0);
    for (PrintedPage page : printed.pages()) {
      assertThat(millimetres(page.width())).as("A4's width").isCloseTo(210, within(0.5));
      assertThat(millimetres(page.height())).as("A4's height").isCloseTo(297, within(0.5));
      double right = page.width() - margins.right();
      double bottom = page.height() - margins.bottom();
      assertThat(page.words()).as(name + ", page " + page.number() + ": words outside %.1f–%.1f pt across and"
          + " %.1f–%.1f pt down", margins.left(), right, margins.top(), bottom)
          .allSatisfy(word -> {
            assertThat(word.xMin()).as(word.text()).isGreaterThanOrEqualTo(margins.left() - 0.5);
            assertThat(word.xMax()).as(word.text()).isLessThanOrEqualTo(right + 0.5);
            assertThat(word.yMin()).as(word.text()).isGreaterThanOrEqualTo(margins.top() - 1);
            assertThat(word.yMax()).as(word.text()).isLessThanOrEqualTo(bottom + 1);
          });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void shouldPrintInTimesNewRomanOrAFontOfItsWidths(String name) {
    assertThat(PRINTED.get(name).fonts()).as(name + ": a font of other widths than Times New Roman's breaks lines"
        + " where Word does not; Debian's fonts-liberation2 has Liberation Serif, of the same widths")
        .isNotEmpty()
        .allSatisfy(font -> assertThat(font).matches("([A-Z]{6}\\+)?(LiberationSerif|TimesNewRoman)[A-Za-z,-]*"));
  }

  /** The lines of the heading's right column: everything above the title and right of the split. */
  static List<Line> nationColumn(Printed printed) {
    double split = printed.geometry().columnSplit();
    return heading(printed, word -> word.xMin() >= split - 0.5);
  }

  static List<Line> issuerColumn(Printed printed) {
    double split = printed.geometry().columnSplit();
    return heading(printed, word -> word.xMax() <= split + 0.5);
  }

  private static List<Line> heading(Printed printed, Predicate<PrintedPage.Word> side) {
    PrintedPage first = printed.pages().get(0);
    double title = first.lines().stream().filter(line -> line.text().equals("BÁO CÁO")).findFirst()
        .orElseThrow(() -> new AssertionError("no title BÁO CÁO on the first page")).yMin();
    double split = printed.geometry().columnSplit();
    assertThat(first.words()).as("a word of the heading across its two columns")
        .noneMatch(w -> w.yMax() <= title && w.xMin() < split - 0.5 && w.xMax() > split + 0.5);
    return first.lines(word -> word.yMax() <= title && side.test(word));
  }

  private static List<String> texts(List<Line> lines) {
    return lines.stream().map(Line::text).toList();
  }

  /** The longest run of dark pixels along any row of the box, which is in points. */
  static Stroke longestStroke(BufferedImage page, double xMin, double xMax, double yMin, double yMax) {
    double scale = DPI / 72.0;
    int x0 = (int) Math.floor(xMin * scale);
    int x1 = Math.min(page.getWidth(), (int) Math.ceil(xMax * scale));
    int y0 = (int) Math.ceil(yMin * scale);
    int y1 = Math.min(page.getHeight(), (int) Math.floor(yMax * scale));
    Stroke longest = new Stroke(0, 0, 0);
    for (int y = y0; y < y1; y++) {
      int start = -1;
      for (int x = x0; x <= x1; x++) {
        boolean dark = x < x1 && page.getRaster().getSample(x, y, 0) < 128;
        if (dark && start < 0) {
          start = x;
        } else if (!dark && start >= 0) {
          if ((x - start) / scale > longest.length()) {
            longest = new Stroke(start / scale, x / scale, y / scale);
          }
          start = -1;
        }
      }
    }
    return longest;
  }

  private static Expected expected(String name) {
    if (name.equals(PROVINCIAL)) {
      return PROVINCE;
    }
    Unit unit = SampleReports.unit(name);
    if (unit.kind() == UnitKind.DEPARTMENT) {
      Expected expected = DEPARTMENTS.get(name);
      assertThat(expected).as("the heading expected of " + name).isNotNull();
      return expected;
    }
    String locality = unit.name().replaceFirst("^UBND ", "");
    String place = locality.replaceFirst("^(thành phố|thị xã|huyện|xã|phường) ", "");
    return new Expected(null, List.of("ỦY BAN NHÂN DÂN", locality.toUpperCase(VI)), "Số: /BC-UBND", place);
  }

  private static Expected department(String superior, String... body) {
    return new Expected(superior, List.of(body), "Số: /BC", SampleReports.PROVINCE);
  }

  private static Geometry geometry(byte[] docx) throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      CTPageMar margins = document.getDocument().getBody().getSectPr().getPgMar();
      Object firstColumn = document.getTables().get(0).getCTTbl().getTblGrid().getGridColArray(0).getW();
      double left = points(margins.getLeft());
      return new Geometry(points(margins.getTop()), points(margins.getBottom()), left, points(margins.getRight()),
          left + points(firstColumn));
    }
  }

  private static double points(Object twips) {
    return new BigInteger(String.valueOf(twips)).doubleValue() / TWIPS;
  }

  /** To the hundredth: a margin set to the nearest twip (1/56.7 mm) is 20.0025 mm for 20 mm. */
  private static double millimetres(double points) {
    return Math.round(points * 25.4 / 72 * 100) / 100.0;
  }
}
