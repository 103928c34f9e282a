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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.nghean.review.support.ProcessTest;

/**
 * Four dispatchers at once, as four nodes on one database: every notification is claimed by exactly
 * one of them and mailed once. Nothing else dispatches here (the process tests' context polls no
 * outbox), so what arrives was sent by these four. There are several claims' worth of mail
 * ({@code review.mail.batch-size}), so no dispatcher can take them all, and each dispatcher goes on
 * while mail waits, as a node polls: the claims really compete.
 */
@ProcessTest
class ConcurrentDispatchTest {

  static final int NODES = 4;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  @Autowired NotificationService notifications;
  @Autowired MailDispatcher dispatcher;
  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate transactions;
  @Value("${review.mail.batch-size}") int batchSize;

  @Test
  void shouldSendEachNotificationOnceWhenSeveralDispatchersRunAtOnce() throws Exception {
    // What the process tests left in the outbox goes first, so that only these twenty remain.
    while (dispatcher.dispatch() > 0) {
      // the next batch
    }
    smtp.purgeEmailFromAllMailboxes();
    int mails = NODES * batchSize + 7;
    for (int i = 0; i < mails; i++) {
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
        // As a node polls: again and again while mail waits (a claim lost to another node takes none).
        int mine = 0;
        while (outbox.countByState(DeliveryState.PENDING) > 0) {
          mine += dispatcher.dispatch();
        }
        return mine;
      }));
    }
    go.countDown();
    List<Integer> byNode = new ArrayList<>();
    for (Future<Integer> node : claimed) {
      byNode.add(node.get(120, TimeUnit.SECONDS)); // a dispatcher's exception fails the test here
    }
    nodes.shutdown();

    assertThat(byNode).as("notifications claimed by each dispatcher").allSatisfy(mine ->
        assertThat(mine).isLessThan(mails));
    assertThat(byNode.stream().filter(mine -> mine > 0)).as("dispatchers that claimed some: %s", byNode)
        .hasSizeGreaterThan(1);
    assertThat(byNode.stream().mapToInt(Integer::intValue).sum()).as("claimed by the four together: %s", byNode)
        .isEqualTo(mails);
    // Only this test's mail: the application tests' context in the same JVM may deliver its own
    // retries to the same test server meanwhile.
    List<jakarta.mail.internet.MimeMessage> ours = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).matches(".*once\\d+@test\\.example.*")).toList();
    assertThat(ours).hasSize(mails);
    assertThat(ours.stream().map(ConcurrentDispatchTest::messageId).distinct()).as("distinct Message-IDs")
        .hasSize(mails);
    for (int i = 0; i < mails; i++) {
      String to = "once" + i + "@test.example";
      assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(to)))
          .as("mails to %s", to).hasSize(1);
    }
    assertThat(dispatcher.dispatch()).as("nothing left to send").isZero();
  }

  static String messageId(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String recipients(jakarta.mail.internet.MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldSendEveryDueNotificationInOnePollWhenThereIsMoreThanOneClaimOfThem() throws Exception {
    while (dispatcher.dispatch() > 0) {
      // what earlier tests left
    }
    smtp.purgeEmailFromAllMailboxes();
    int mails = 3 * batchSize + 2;
    for (int i = 0; i < mails; i++) {
      String to = "drain" + i + "@test.example";
      transactions.executeWithoutResult(status -> notifications.send(
          new Message(NotificationKind.REMINDER, "Thư nhắc hạn", "Nội dung: hạn gửi báo cáo sắp đến.", null, null,
              null), List.of(new Recipient(null, to))));
    }

    assertThat(dispatcher.drain()).isEqualTo(mails);

    assertThat(smtp.getReceivedMessages()).hasSize(mails);
    assertThat(outbox.countByState(DeliveryState.PENDING)).isZero();
  }
}
