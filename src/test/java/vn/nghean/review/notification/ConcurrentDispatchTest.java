package vn.nghean.review.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.nghean.review.support.ProcessTest;

/**
 * Four dispatchers at once, as four nodes on one database: every notification is claimed by exactly
 * one of them and mailed once. Nothing else dispatches here (the process tests' context polls no
 * outbox), so what arrives was sent by these four calls.
 */
@ProcessTest
class ConcurrentDispatchTest {

  static final int MAILS = 20;
  static final int NODES = 4;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  @Autowired NotificationService notifications;
  @Autowired MailDispatcher dispatcher;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldSendEachNotificationOnceWhenSeveralDispatchersRunAtOnce() throws Exception {
    // What the process tests left in the outbox goes first, so that only these twenty remain.
    while (dispatcher.dispatch() > 0) {
      // the next batch
    }
    smtp.purgeEmailFromAllMailboxes();
    for (int i = 0; i < MAILS; i++) {
      String to = "once" + i + "@test.example";
      transactions.executeWithoutResult(status -> notifications.send(
          new Message(NotificationKind.REMINDER, "Thư gửi một lần", "Nội dung: hạn gửi báo cáo sắp đến.", null, null,
              null), List.of(new Recipient(null, to))));
    }
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> claimed = new ArrayList<>();
    for (int node = 0; node < NODES; node++) {
      claimed.add(nodes.submit(() -> {
        go.await();
        return dispatcher.dispatch();
      }));
    }
    go.countDown();
    int total = 0;
    for (Future<Integer> node : claimed) {
      total += node.get(60, TimeUnit.SECONDS); // a dispatcher's exception fails the test here
    }
    nodes.shutdown();

    assertThat(total).as("notifications claimed by the four dispatchers together").isEqualTo(MAILS);
    assertThat(smtp.getReceivedMessages()).hasSize(MAILS);
    for (int i = 0; i < MAILS; i++) {
      String to = "once" + i + "@test.example";
      assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(to)))
          .as("mails to %s", to).hasSize(1);
    }
    assertThat(dispatcher.dispatch()).as("nothing left to send").isZero();
  }

  static String recipients(jakarta.mail.internet.MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
