package vn.nghean.review.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

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
  @Autowired JdbcTemplate jdbc;
  @Autowired JavaMailSender mailServer;
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

  /**
   * A node whose mail server is slow holds its claim for longer than the lease: it renews the claim
   * while its messages go out, so another node polling meanwhile takes none of it and nothing is sent
   * twice. (Renewing only now and then, not with every message, must not let the claim lapse.)
   */
  @Test
  void shouldKeepAClaimThatOutlastsItsLeaseWhileItsMessagesGoOut() throws Exception {
    while (dispatcher.dispatch() > 0) {
      // what earlier tests left
    }
    smtp.purgeEmailFromAllMailboxes();
    for (int i = 0; i < batchSize; i++) {
      String to = "slow" + i + "@test.example";
      transactions.executeWithoutResult(status -> notifications.send(
          new Message(NotificationKind.REMINDER, "Thư qua máy chủ chậm", "Nội dung: hạn gửi báo cáo sắp đến.", null,
              null, null), List.of(new Recipient(null, to))));
    }
    // Two nodes with a short lease; each of the slow node's messages takes a twelfth of it, so that its
    // claim lasts 20/12 of the lease.
    Duration lease = Duration.ofSeconds(2);
    Duration perMessage = lease.dividedBy(12);
    MailDispatcher slowNode = node(new SlowServer((JavaMailSenderImpl) mailServer, perMessage), lease);
    MailDispatcher otherNode = node(mailServer, lease);
    ExecutorService node = Executors.newSingleThreadExecutor();
    Future<Integer> slow = node.submit(slowNode::dispatch);
    long started = System.nanoTime();
    while (outbox.countByState(DeliveryState.PENDING) > 0 && !slow.isDone()) {
      Thread.sleep(10); // the slow node's claim
    }
    // The other node polls all the while, as it would.
    int takenByTheOther = 0;
    while (!slow.isDone()) {
      takenByTheOther += otherNode.dispatch();
      Thread.sleep(50);
    }
    node.shutdown();
    assertThat(slow.get()).as("claimed by the slow node").isEqualTo(batchSize);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the claim's time").isGreaterThan(lease);
    assertThat(takenByTheOther).as("taken by the other node").isZero();
    for (int i = 0; i < batchSize; i++) {
      String to = "slow" + i + "@test.example";
      assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(to)))
          .as("mails to %s", to).hasSize(1);
    }
    assertThat(outbox.findAll().stream().filter(n -> n.getRecipientEmail().startsWith("slow")))
        .allSatisfy(n -> {
          assertThat(n.getState()).isEqualTo(DeliveryState.SENT);
          assertThat(n.getAttempts()).isEqualTo(1);
        });
  }

  /** Another node's dispatcher on the same outbox, sending to {@code server}, not polling by itself. */
  private MailDispatcher node(JavaMailSender server, Duration lease) {
    return new MailDispatcher(outbox, new StaticListableBeanFactory(Map.of("mail", server)).getBeanProvider(
        JavaMailSender.class), transactions, jdbc, new SimpleMeterRegistry(), "so-ket@congan.nghean.example", 8,
        Duration.ofMinutes(1), lease, batchSize, false, Duration.ofMinutes(1));
  }

  /** A mail server that takes its time over each message. */
  private record SlowServer(JavaMailSenderImpl server, Duration perMessage) implements JavaMailSender {
    @Override
    public MimeMessage createMimeMessage() {
      return server.createMimeMessage();
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) {
      return server.createMimeMessage(contentStream);
    }

    @Override
    public void send(MimeMessage... messages) {
      for (MimeMessage message : messages) {
        try {
          Thread.sleep(perMessage.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MailSendException("interrupted", e);
        }
        server.send(message);
      }
    }

    @Override
    public void send(SimpleMailMessage... messages) {
      throw new UnsupportedOperationException("the outbox sends MIME messages");
    }
  }
}
