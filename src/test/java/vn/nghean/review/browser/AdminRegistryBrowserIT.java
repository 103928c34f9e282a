package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.support.DemoApplicationTestBase;

/**
 * An administrator reads the registry's editions in Admin, checks a file with mistakes and sees
 * every one in Vietnamese with nothing loaded, then checks and loads a file that renames a
 * department, and finds the new edition in use and listed.
 */
class AdminRegistryBrowserIT extends DemoApplicationTestBase {

  static final String PAGE = "[data-registry] ";

  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port, ENGINE);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  JsonNode editions() {
    return read(as(ADMIN).getForEntity("/api/registry/editions", String.class));
  }

  String currentFile() {
    ResponseEntity<byte[]> file = as(ADMIN).getForEntity("/api/registry", byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    return new String(file.getBody(), StandardCharsets.UTF_8);
  }

  Path file(String name, String content) throws IOException {
    Path file = Files.createTempDirectory("so-ket-registry").resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  void choose(Path file) {
    browser.driver().findElement(By.cssSelector(PAGE + "[data-registry-file]")).sendKeys(file.toAbsolutePath().toString());
    browser.waitForText(By.cssSelector(PAGE + "[data-registry-file-name]"), file.getFileName().toString());
  }

  @Test
  void administratorShouldCheckAFileAndLoadItAsTheNextEdition() throws IOException {
    JsonNode before = editions().get(0);
    long inUse = before.get("id").asLong();
    String current = currentFile();
    assertThat(current).contains("SOTUPHAP;DEPARTMENT;Sở Tư pháp;");

    browser.viewport(1440, 1100);
    browser.login("admin", ADMIN, PASSWORD);
    browser.waitForText(By.cssSelector("[data-registry-summary]"), "Đang dùng: Phiên bản số " + inUse + " · "
        + before.get("unitCount").asInt() + " đơn vị");
    browser.click(By.xpath("//a[normalize-space()='Xem các phiên bản, nạp phiên bản mới']"));
    browser.waitForText(By.cssSelector(PAGE + "[data-registry-current]"), "Phiên bản số " + inUse);
    assertThat(browser.visible(By.cssSelector(PAGE + "[data-registry-download]")).getAttribute("href"))
        .endsWith("/api/registry");
    assertThat(browser.visible(By.cssSelector(PAGE + "tr[data-edition='" + inUse + "']")).getText())
        .contains(before.get("loadedBy").asText(), before.get("changes").get(0).asText());
    assertThat(browser.visible(By.cssSelector(PAGE + "a[data-edition-file='" + inUse + "']")).getAttribute("href"))
        .endsWith("/api/registry/editions/" + inUse);

    // A file with mistakes: every one said, nothing loaded.
    Path bad = file("danh-muc-loi.csv", current.replace("SOYTE;DEPARTMENT;", "SOYTE;SO;")
        + "\nSOTUPHAP;DEPARTMENT;Sở Tư pháp;canbo.sotuphap@nghean.example;lanhdao.sotuphap@nghean.example\n");
    choose(bad);
    browser.click(By.cssSelector(PAGE + "[data-registry-check]"));
    String problems = browser.visible(By.cssSelector(PAGE + "[data-registry-problems]")).getText();
    assertThat(problems).contains("Tệp danh-muc-loi.csv không nạp được; danh mục không thay đổi:",
        "loại «SO» không có", "mã SOTUPHAP đã có ở một dòng trước");
    assertThat(browser.visible(By.cssSelector(PAGE + "[data-registry-load]")).isEnabled()).isFalse();
    assertThat(editions().get(0).get("id").asLong()).isEqualTo(inUse);
    browser.screenshot("admin-registry-problems");

    // The current file with a department renamed: checked, then loaded.
    Path good = file("danh-muc-moi.csv", current.replace("SOTUPHAP;DEPARTMENT;Sở Tư pháp;",
        "SOTUPHAP;DEPARTMENT;Sở Tư pháp tỉnh Nghệ An;"));
    choose(good);
    browser.click(By.cssSelector(PAGE + "[data-registry-check]"));
    assertThat(browser.visible(By.cssSelector(PAGE + "[data-registry-verdict='ok']")).getText()).contains(
        "Tệp danh-muc-moi.csv hợp lệ: " + before.get("unitCount").asInt() + " đơn vị.",
        "thêm 0, bỏ 0, sửa 1", "Sửa: SOTUPHAP: tên «Sở Tư pháp» thành «Sở Tư pháp tỉnh Nghệ An»");
    assertThat(editions().get(0).get("id").asLong()).isEqualTo(inUse);
    browser.click(By.cssSelector(PAGE + "[data-registry-load]"));
    assertThat(browser.visible(By.cssSelector(PAGE + "[data-registry-verdict='loaded']")).getText())
        .contains("Đã nạp phiên bản số " + (inUse + 1));
    JsonNode loaded = editions().get(0);
    assertThat(loaded.get("id").asLong()).isEqualTo(inUse + 1);
    assertThat(loaded.get("loadedBy").asText()).isEqualTo(ADMIN);
    assertThat(loaded.get("source").asText()).isEqualTo("danh-muc-moi.csv");
    browser.waitForText(By.cssSelector(PAGE + "[data-registry-current]"), "Phiên bản số " + (inUse + 1));
    assertThat(browser.visible(By.cssSelector(PAGE + "tr[data-edition='" + (inUse + 1) + "']")).getText())
        .contains("đang dùng", ADMIN, "danh-muc-moi.csv", "thêm 0, bỏ 0, sửa 1");
    assertThat(browser.driver().findElements(By.cssSelector(PAGE + "tr[data-edition]"))).hasSize(editions().size());
    assertThat(read(as(ADMIN).getForEntity("/api/units", String.class)).findValues("name").stream()
        .map(JsonNode::asText)).contains("Sở Tư pháp tỉnh Nghệ An").doesNotContain("Sở Tư pháp");
    browser.script("window.scrollTo(0, 0);");
    browser.screenshot("admin-registry");

    // The suite's other tests share the registry: back to its file, as a further edition.
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    assertStatus(as(ADMIN).exchange("/api/registry/editions?source=restored", HttpMethod.POST,
        new HttpEntity<>(current.getBytes(StandardCharsets.UTF_8), headers), String.class), 201);
  }
}
