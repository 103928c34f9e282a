package vn.nghean.review.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.base.GreenMailOperations;

/** One address's mail on a GreenMail server, as its person finds it in their inbox. */
public final class Mailbox {

  private Mailbox() {}

  /** The mails the server received for the address, in the order they arrived. */
  public static List<MimeMessage> to(GreenMailOperations smtp, String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The {@code count}th mail to the address, once it has arrived (within 20 s). */
  public static MimeMessage await(GreenMailOperations smtp, String address, int count) {
    Eventually.until(count + " mail(s) to " + address, Duration.ofSeconds(20), () -> to(smtp, address).size() >= count);
    return to(smtp, address).get(count - 1);
  }
}
