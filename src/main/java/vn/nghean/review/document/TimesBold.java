package vn.nghean.review.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * How wide a line of Times New Roman Bold prints: the decree draws the rule under the motto as long
 * as the motto, and under the issuing body and the subject a third to a half of the line above, so
 * the document has to know those lengths before Word or LibreOffice sets the text. Liberation Serif
 * Bold, which LibreOffice prints in its place, has the same advance widths by design.
 */
final class TimesBold {

  /** Advance widths of ' ' to '~' in thousandths of the font size. */
  private static final int[] ASCII = {250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250,
      278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722,
      667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
      333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556,
      556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520};
  /** En dash, guillemets and most else the documents print outside ASCII. */
  private static final int OTHER = 500;
  private static final char HORN = '\u031B';

  private TimesBold() {}

  /** The width of one line of text at the given size, in twentieths of a point. */
  static int twips(String line, int points) {
    int thousandths = 0;
    for (int i = 0; i < line.length(); i++) {
      thousandths += advance(line.charAt(i));
    }
    return (int) Math.ceil(thousandths * points * 20 / 1000.0);
  }

  /** The widest line the text prints as, each of its lines broken between words to fit the width. */
  static int widestLine(String text, int points, int width) {
    int widest = 0;
    for (String line : lines(text, points, width)) {
      widest = Math.max(widest, twips(line, points));
    }
    return widest;
  }

  /** The lines the text prints as, broken where Word and LibreOffice break them: at the last space that fits. */
  static List<String> lines(String text, int points, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraphLine : text.split("\n", -1)) {
      String line = "";
      for (String word : paragraphLine.strip().split(" +")) {
        String longer = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && twips(longer, points) > width) {
          lines.add(line);
          line = word;
        } else {
          line = longer;
        }
      }
      lines.add(line);
    }
    return lines;
  }

  /** A Vietnamese letter is as wide as its base letter, but for the horned ones and the crossed D. */
  private static int advance(char c) {
    switch (c) {
      case 'Đ': return 722;
      case 'đ': return 556;
      default: break;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char base = decomposed.charAt(0);
    if (decomposed.indexOf(HORN) > 0) {
      return switch (base) {
        case 'O' -> 778;
        case 'o' -> 554;
        case 'U' -> 796;
        case 'u' -> 600;
        default -> OTHER;
      };
    }
    return base >= ' ' && base <= '~' ? ASCII[base - ' '] : OTHER;
  }
}
