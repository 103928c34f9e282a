package vn.nghean.review.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** A date as a Vietnamese officer types it means that day in Vietnam, never the American reading. */
class VietnamTimeTest {

  static Instant parsed(String text) {
    return VietnamTime.parse(text).orElseThrow().toInstant();
  }

  @Test
  void shouldReadADayTypedAsDayMonthYearAsThatDayAtMidnightInVietnam() {
    assertThat(parsed("15/07/2024")).isEqualTo(Instant.parse("2024-07-14T17:00:00Z"));
    assertThat(parsed("07/08/2024")).isEqualTo(Instant.parse("2024-08-06T17:00:00Z"));
    assertThat(parsed("5/7/2024")).isEqualTo(Instant.parse("2024-07-04T17:00:00Z"));
    assertThat(parsed("15/07/2024 08:30")).isEqualTo(Instant.parse("2024-07-15T01:30:00Z"));
    assertThat(parsed("2024-07-15")).isEqualTo(Instant.parse("2024-07-14T17:00:00Z"));
    assertThat(parsed("2024-08-10T08:00+07:00")).isEqualTo(Instant.parse("2024-08-10T01:00:00Z"));
  }

  @Test
  void shouldRefuseWhatIsNoDayAndADateTimeWithoutItsZone() {
    for (String text : new String[] {"31/02/2024", "15/13/2024", "2024/07/15", "2024-07-15T08:00", "hôm nay"}) {
      assertThatThrownBy(() -> VietnamTime.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(VietnamTime.parse(" ")).isEmpty();
  }

  @Test
  void shouldWriteDaysAndTimesAsVietnameseOfficesDo() {
    Date moment = Date.from(Instant.parse("2024-07-15T01:30:00Z"));
    assertThat(VietnamTime.formatDay(moment)).isEqualTo("15/07/2024");
    assertThat(VietnamTime.formatDayTime(moment)).isEqualTo("08:30 ngày 15/07/2024");
    assertThat(VietnamTime.isoDay(moment)).isEqualTo("2024-07-15");
  }
}
