package vn.nghean.review.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The widths the rules are drawn to, against those java.awt measures with Liberation Serif Bold, the
 * font LibreOffice prints for Times New Roman Bold and of the same advance widths (twips, rounded).
 */
class TimesBoldTest {

  @Test
  void shouldMeasureLinesAsTimesNewRomanBoldPrintsThem() {
    assertThat(TimesBold.twips(HeadingBlock.NATION, 12)).isCloseTo(5007, within(1));
    assertThat(TimesBold.twips(HeadingBlock.MOTTO, 13)).isCloseTo(3183, within(1));
    assertThat(TimesBold.twips("SỞ LAO ĐỘNG - THƯƠNG BINH", 12)).isCloseTo(3638, within(1));
    assertThat(TimesBold.twips("HUYỆN THANH CHƯƠNG", 12)).isCloseTo(2965, within(1));
    assertThat(TimesBold.twips("Sơ kết 02 năm (2025–2026) xây dựng đơn vị điển hình", 14)).isCloseTo(6422, within(1));
  }

  @Test
  void shouldBreakALineAtTheLastSpaceThatFits() {
    assertThat(TimesBold.lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 12, HeadingBlock.ISSUER_WIDTH))
        .containsExactly("SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI");
    assertThat(TimesBold.lines("ỦY BAN NHÂN DÂN\nHUYỆN THANH CHƯƠNG", 12, HeadingBlock.ISSUER_WIDTH))
        .containsExactly("ỦY BAN NHÂN DÂN", "HUYỆN THANH CHƯƠNG");
    assertThat(TimesBold.widestLine("ỦY BAN NHÂN DÂN\nHUYỆN THANH CHƯƠNG", 12, HeadingBlock.ISSUER_WIDTH))
        .isEqualTo(TimesBold.twips("HUYỆN THANH CHƯƠNG", 12));
  }
}
