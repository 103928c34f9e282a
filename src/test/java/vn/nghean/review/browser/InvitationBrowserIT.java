package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.nghean.review.support.Mailbox;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * Accounts from the registry in the browser: the administrator makes them in Admin and sends one a
 * new invitation; the person opens the mail's link, is told in Vietnamese what a password lacks, sets
 * theirs, signs in to Tasklist with it, and, opening the used link again, asks for a new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "review.units.location=classpath:units/account-test-units.csv",
    "spring.datasource.url=jdbc:h2:mem:account-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=" + InvitationBrowserIT.ENGINE})
class InvitationBrowserIT extends ApplicationTestBase {

  static final String ENGINE = "accountBrowser";
  static final String ADMIN = "demo";
  static final String OFFICER = "canbo@tktrinh.example";
  static final String LEADER = "lanhdao@tktrinh.example";
  static final String PAGE = "[data-registry-accounts] ";
  static final Pattern TOKEN = Pattern.compile("/tai-khoan/dat-mat-khau\\?ma=[A-Za-z0-9_-]+");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  Browser admin;
  Browser person;

  @AfterEach
  void closeBrowsers() {
    if (admin != null) {
      admin.close();
    }
    if (person != null) {
      person.close();
    }
  }

  @Test
  void administratorShouldMakeTheAccountsAndThePersonSetTheirPasswordThroughTheLink() throws Exception {
    String current = new String(as(ADMIN).getForEntity("/api/registry", byte[].class).getBody(), StandardCharsets.UTF_8);
    HttpHeaders csv = new HttpHeaders();
    csv.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    assertStatus(as(ADMIN).exchange("/api/registry/editions?source=test", HttpMethod.POST, new HttpEntity<>(
        (current + "TKTRINH;DISTRICT;UBND huyện Tài Khoản Trình;" + OFFICER + ";" + LEADER + "\n")
            .getBytes(StandardCharsets.UTF_8), csv), String.class), 201);

    admin = new Browser(port, ENGINE);
    admin.viewport(1440, 1100);
    admin.login("admin", ADMIN, PASSWORD);
    admin.openApp("admin", "#/system?section=so-ket-registry");
    admin.waitForText(By.cssSelector(PAGE), "Chưa có tài khoản nào được tạo từ danh mục.");
    admin.script("window.confirm = () => true;");
    admin.click(By.cssSelector(PAGE + "[data-accounts-create]"));
    admin.waitForText(By.cssSelector(PAGE + "[data-accounts-summary]"), "tạo mới 2 tài khoản");
    assertThat(admin.visible(By.cssSelector(PAGE + "[data-accounts-summary]")).getText()).contains("đã gửi 2 thư mời");
    assertThat(admin.visible(By.cssSelector(PAGE + "tr[data-account='" + OFFICER + "']")).getText())
        .contains("Cán bộ UBND huyện Tài Khoản Trình", "unitTKTRINH", "Chờ đặt mật khẩu");
    admin.script("document.querySelector(arguments[0]).scrollIntoView();", PAGE.trim());
    admin.screenshot("admin-tai-khoan");

    // The person opens the mail's link.
    String link = link(awaitMail(OFFICER, 1));
    person = new Browser(port, ENGINE);
    person.viewport(800, 900);
    person.open(link);
    person.waitForText(By.cssSelector("[data-account]"), OFFICER);
    assertThat(person.driver().getCurrentUrl()).as("the token out of the address bar").doesNotContain("ma=");
    type(person, "ngan", "ngan");
    person.waitForText(By.cssSelector("[data-message]"), "Mật khẩu chưa đạt yêu cầu");
    assertThat(person.visible(By.cssSelector("[data-message]")).getText())
        .contains("Mật khẩu phải có ít nhất 10 ký tự", "chữ in hoa (A–Z)", "ký tự đặc biệt");
    person.screenshot("dat-mat-khau-chua-dat");
    type(person, "Nghe-An-2025!x", "Nghe-An-2025!x");
    person.waitForText(By.cssSelector("[data-message]"), "Đã đặt mật khẩu.");
    assertThat(person.visible(By.cssSelector("[data-tasklist]")).getText()).isEqualTo("Vào hệ thống");
    person.screenshot("dat-mat-khau-xong");
    person.login("tasklist", OFFICER, "Nghe-An-2025!x");

    // The used link again: said so, and a new one on request.
    person.driver().manage().deleteAllCookies();
    person.open(link);
    person.waitForText(By.cssSelector("[data-message]"), "đã được dùng để đặt mật khẩu");
    person.screenshot("dat-mat-khau-da-dung");
    person.click(By.cssSelector("[data-renew-button]"));
    person.waitForText(By.cssSelector("[data-message]"), "đường dẫn mới đã được gửi");
    awaitMail(OFFICER, 2);

    // The administrator sends the leader a new invitation; the list shows the officer's password set.
    admin.driver().navigate().refresh();
    admin.waitForText(By.cssSelector(PAGE + "tr[data-account='" + OFFICER + "']"), "Đã đặt mật khẩu");
    admin.click(By.cssSelector(PAGE + "[data-account-resend='" + LEADER + "']"));
    admin.waitForText(By.cssSelector(PAGE + "[data-accounts-resent]"), "Đã gửi thư mời mới đến " + LEADER);
    MimeMessage second = awaitMail(LEADER, 2);
    assertThat(link(second)).isNotEqualTo(link(awaitMail(LEADER, 1)));
  }

  void type(Browser browser, String password, String repeat) {
    browser.visible(By.id("password")).clear();
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.driver().findElement(By.id("repeat")).clear();
    browser.driver().findElement(By.id("repeat")).sendKeys(repeat);
    browser.click(By.cssSelector("[data-submit]"));
  }

  List<MimeMessage> mailTo(String address) {
    return Mailbox.to(smtp, address);
  }

  /** The {@code count}th mail to the address, once it has arrived. */
  MimeMessage awaitMail(String address, int count) {
    return Mailbox.await(smtp, address, count);
  }

  /** The mail's link, as a path of this test's server (the configured public address is another). */
  static String link(MimeMessage mail) throws Exception {
    Matcher matcher = TOKEN.matcher(mail.getContent().toString());
    assertThat(matcher.find()).as("a link in the mail").isTrue();
    return matcher.group();
  }
}
