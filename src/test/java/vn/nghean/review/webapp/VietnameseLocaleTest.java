package vn.nghean.review.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Vietnamese locale of each Camunda webapp translates every key of the English one that ships
 * in the Camunda webjar, keeps its placeholders and markup, and is the language the app starts in.
 */
class VietnameseLocaleTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/";
  /** Interpolations and real HTML tags; "<undefined>" and the like are text, not markup. */
  static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{[^}]*}}|</?(a|b|br|strong|em|i|span|p|code|ul|li|div)\\b[^>]*>");
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode read(String path) throws IOException {
    try (InputStream in = VietnameseLocaleTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  static Set<String> keys(JsonNode labels) {
    Set<String> keys = new TreeSet<>();
    labels.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  static List<String> markup(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    found.sort(null);
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldTranslateEveryKeyOfTheEnglishLocale(String app) throws IOException {
    JsonNode english = read(APP + app + "/locales/en.json");
    JsonNode vietnamese = read(APP + app + "/locales/vi.json");
    Set<String> missing = new TreeSet<>(keys(english.get("labels")));
    missing.removeAll(keys(vietnamese.get("labels")));
    Set<String> unknown = new TreeSet<>(keys(vietnamese.get("labels")));
    unknown.removeAll(keys(english.get("labels")));
    assertThat(missing).as("keys of en.json missing from vi.json of " + app).isEmpty();
    assertThat(unknown).as("keys of vi.json that en.json does not have, in " + app).isEmpty();

    int untranslated = 0;
    for (Iterator<String> it = english.get("labels").fieldNames(); it.hasNext();) {
      String key = it.next();
      String en = english.get("labels").get(key).asText();
      String vi = vietnamese.get("labels").get(key).asText();
      assertThat(markup(vi)).as(app + " " + key + ": placeholders and markup kept").isEqualTo(markup(en));
      assertThat(vi).as(app + " " + key + ": NFC").isEqualTo(Normalizer.normalize(vi, Normalizer.Form.NFC));
      if (!en.isBlank()) {
        assertThat(vi).as(app + " " + key + " is empty").isNotEmpty();
      }
      if (en.split(" ").length >= 3 && en.equals(vi)) {
        untranslated++;
      }
    }
    assertThat(untranslated).as("sentences left in English in " + app).isZero();
    // Every app has the vendor's banner text (our webapps script replaces the banner itself).
    assertThat(vietnamese.get("labels").get("BANNER_CE_EOL_TEXT").asText())
        .startsWith("Đã đến lúc chuyển").contains("Camunda 8").contains("<a href=");
  }

  /** The three apps with date pickers have their month names; the welcome page has none. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void shouldNameTheMonthsInVietnamese(String app) throws IOException {
    JsonNode english = read(APP + app + "/locales/en.json");
    JsonNode vietnamese = read(APP + app + "/locales/vi.json");
    assertThat(vietnamese.get("dateLocales").get("months").get(0).asText()).isEqualTo("tháng 1");
    assertThat(vietnamese.get("dateLocales").get("months").get(11).asText()).isEqualTo("tháng 12");
    assertThat(keys(vietnamese.get("dateLocales"))).isEqualTo(keys(english.get("dateLocales")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldStartInVietnamese(String app) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + app + "/scripts/config.js")) {
      String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(config).contains("import { locales } from '../../so-ket-language.js'");
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + "so-ket-language.js")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("=== 'en' ? 'en' : 'vi'").contains("availableLocales: [language]");
    }
  }
}
