package vn.nghean.review.office;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a PDF where they print, as {@code pdftotext -bbox} reports them, in points from the
 * page's top left corner.
 */
record PrintedPage(int number, double width, double height, List<PrintedPage.Word> words) {

  record Word(double xMin, double yMin, double xMax, double yMax, String text) {}

  /** Words of one size on one baseline, left to right: one printed line, or one column's part of it. */
  record Line(double xMin, double yMin, double xMax, double yMax, String text) {
    double width() {
      return xMax - xMin;
    }

    double centre() {
      return (xMin + xMax) / 2;
    }
  }

  private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
  private static final Pattern WORD = Pattern.compile(
      "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">(.*?)</word>");

  /** Every page of the output of {@code pdftotext -bbox}. */
  static List<PrintedPage> parse(String bbox) {
    List<PrintedPage> pages = new ArrayList<>();
    String[] parts = bbox.split("(?=<page )");
    for (String part : parts) {
      Matcher page = PAGE.matcher(part);
      if (!page.find()) {
        continue;
      }
      List<Word> words = new ArrayList<>();
      Matcher word = WORD.matcher(part);
      while (word.find()) {
        words.add(new Word(Double.parseDouble(word.group(1)), Double.parseDouble(word.group(2)),
            Double.parseDouble(word.group(3)), Double.parseDouble(word.group(4)), unescape(word.group(5))));
      }
      pages.add(new PrintedPage(pages.size() + 1, Double.parseDouble(page.group(1)), Double.parseDouble(page.group(2)),
          words));
    }
    return pages;
  }

  /** The lines of the words that pass the filter, top to bottom. */
  List<Line> lines(Predicate<Word> filter) {
    Map<String, List<Word>> byBaseline = new LinkedHashMap<>();
    words.stream().filter(filter).sorted(Comparator.comparingDouble(Word::yMin).thenComparingDouble(Word::xMin))
        .forEach(w -> byBaseline.computeIfAbsent(Math.round(w.yMin() * 10) + "/" + Math.round(w.yMax() * 10),
            k -> new ArrayList<>()).add(w));
    List<Line> lines = new ArrayList<>();
    for (List<Word> line : byBaseline.values()) {
      line.sort(Comparator.comparingDouble(Word::xMin));
      lines.add(new Line(line.get(0).xMin(), line.get(0).yMin(), line.get(line.size() - 1).xMax(), line.get(0).yMax(),
          String.join(" ", line.stream().map(Word::text).toList())));
    }
    lines.sort(Comparator.comparingDouble(Line::yMin));
    return lines;
  }

  List<Line> lines() {
    return lines(w -> true);
  }

  private static String unescape(String text) {
    String plain = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
    return Normalizer.normalize(plain, Normalizer.Form.NFC);
  }
}
