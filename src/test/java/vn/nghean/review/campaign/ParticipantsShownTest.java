package vn.nghean.review.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The participants as Cockpit shows them (a string variable of at most 4,000 characters), from the
 * first page of the campaign's codes and its count: the whole list when it is all there and fits,
 * else the count and as many codes as fit.
 */
class ParticipantsShownTest {

  @Test
  void aSmallCampaignShouldShowEveryCode() {
    assertThat(CampaignStarted.shown(List.of("VINH", "CUALO"), 2)).isEqualTo("VINH, CUALO");
  }

  @Test
  void aNationalCampaignShouldShowItsCountAndTheFirstCodesThatFit() {
    List<String> firstPage = IntStream.range(0, CampaignStarted.SHOWN_AT_MOST).mapToObj(i -> String.format("U%05d", i))
        .toList();
    String shown = CampaignStarted.shown(firstPage, 100_000);
    assertThat(shown).startsWith("100000 đơn vị: U00000, U00001, ").endsWith("…");
    assertThat(shown.length()).isLessThanOrEqualTo(CampaignStarted.VARIABLE_TEXT_LIMIT);
  }

  @Test
  void aFirstPageThatFitsButIsNotTheWholeCampaignShouldStillSayTheCount() {
    assertThat(CampaignStarted.shown(List.of("A1", "B2"), 1_500)).startsWith("1500 đơn vị: A1, B2");
  }
}
