package vn.nghean.review.notification;

import java.util.Date;

import vn.nghean.review.shared.VietnamTime;

/** The Vietnamese subjects and bodies of the notifications. */
public final class NotificationTexts {

  private static final String SIGNATURE = "\n\n--\nHệ thống theo dõi sơ kết 02 năm xây dựng đơn vị điển hình"
      + "\nPhòng PV01 - Công an tỉnh Nghệ An (thư tự động, xin không trả lời)";

  private NotificationTexts() {}

  public static Message guidanceIssued(String campaignCode, String title, String number, Date reportDeadline,
      String link) {
    return new Message(NotificationKind.GUIDANCE_ISSUED, "[Sơ kết] Hướng dẫn " + number + ": " + title,
        "Kính gửi các đơn vị,\n\nPhòng PV01 Công an tỉnh đã ban hành hướng dẫn số " + number + " về " + title
            + ".\nĐề nghị đơn vị chọn hình thức sơ kết, tổ chức sơ kết và gửi báo cáo về Ban Chỉ đạo tỉnh (qua Phòng PV01)"
            + " trước " + VietnamTime.formatDayTime(reportDeadline) + ".\n\nVào hệ thống: " + link + SIGNATURE,
        link, campaignCode, null);
  }

  public static Message newTask(String taskName, String about, Date due, String link, String campaignCode,
      String unitCode) {
    String dueText = due == null ? "" : "\nHạn hoàn thành: " + VietnamTime.formatDayTime(due) + ".";
    return new Message(NotificationKind.TASK_ASSIGNED, "[Sơ kết] Việc mới: " + taskName + " - " + about,
        "Có việc mới cần xử lý: «" + taskName + "» (" + about + ")." + dueText + "\n\nMở việc: " + link + SIGNATURE,
        link, campaignCode, unitCode);
  }

  public static Message revisionRequested(String unitName, String comment, Date due, String link,
      String campaignCode, String unitCode) {
    return new Message(NotificationKind.REVISION_REQUESTED, "[Sơ kết] Yêu cầu chỉnh sửa báo cáo - " + unitName,
        "Phòng PV01 đề nghị " + unitName + " chỉnh sửa báo cáo sơ kết:\n\n" + comment
            + "\n\nHạn gửi lại: " + VietnamTime.formatDayTime(due) + ".\n\nMở việc: " + link + SIGNATURE,
        link, campaignCode, unitCode);
  }

  public static Message reportAccepted(String unitName, String rating, String campaignCode, String unitCode) {
    return new Message(NotificationKind.REPORT_ACCEPTED, "[Sơ kết] Báo cáo đã được tiếp nhận - " + unitName,
        "Báo cáo sơ kết của " + unitName + " đã được Phòng PV01 tiếp nhận, xếp loại: " + rating + "." + SIGNATURE,
        null, campaignCode, unitCode);
  }

  public static Message invitation(String title, Date when, String venue, String agenda, String campaignCode) {
    return new Message(NotificationKind.CONFERENCE_INVITATION, "[Sơ kết] Giấy mời hội nghị sơ kết cấp tỉnh",
        "Trân trọng kính mời dự Hội nghị " + title.toLowerCase(java.util.Locale.ROOT).charAt(0) + title.substring(1)
            + " cấp tỉnh.\n\nThời gian: " + VietnamTime.formatDayTime(when) + "\nĐịa điểm: " + venue
            + "\nChương trình:\n" + agenda + SIGNATURE, null, campaignCode, null);
  }

  public static Message reminder(String unitName, int daysLeft, Date due, String link, String campaignCode,
      String unitCode) {
    return new Message(NotificationKind.REMINDER, "[Sơ kết] Nhắc hạn gửi báo cáo - còn " + daysLeft + " ngày",
        "Kính gửi " + unitName + ",\n\nHạn gửi báo cáo sơ kết là " + VietnamTime.formatDayTime(due)
            + " (còn " + daysLeft + " ngày). Đề nghị đơn vị hoàn thành và gửi báo cáo đúng hạn.\n\nVào hệ thống: " + link
            + SIGNATURE, link, campaignCode, unitCode);
  }

  public static Message overdue(String unitName, Date due, String link, String campaignCode, String unitCode) {
    return new Message(NotificationKind.ESCALATION, "[Sơ kết] QUÁ HẠN: " + unitName + " chưa gửi báo cáo",
        unitName + " chưa gửi báo cáo sơ kết, đã quá hạn " + VietnamTime.formatDayTime(due)
            + ".\nĐề nghị lãnh đạo đơn vị chỉ đạo hoàn thành, gửi báo cáo ngay.\n\nVào hệ thống: " + link + SIGNATURE,
        link, campaignCode, unitCode);
  }

  public static Message escalation(String unitName, Date due, int count, String campaignCode, String unitCode) {
    return new Message(NotificationKind.ESCALATION, "[Sơ kết] Đôn đốc lần " + count + ": " + unitName
        + " chưa gửi báo cáo", "Ban Chỉ đạo tỉnh, lãnh đạo Phòng PV01:\n\n" + unitName
        + " vẫn chưa gửi báo cáo sơ kết, quá hạn từ " + VietnamTime.formatDayTime(due) + " (đôn đốc lần " + count
        + ")." + SIGNATURE, null, campaignCode, unitCode);
  }

  public static Message evaluationReminder(String unitName, Date due, String link, String campaignCode,
      String unitCode) {
    return new Message(NotificationKind.REMINDER, "[Sơ kết] Báo cáo của " + unitName + " chưa được thẩm định",
        "Lãnh đạo Phòng PV01:\n\nBáo cáo của " + unitName + " đã quá hạn thẩm định ("
            + VietnamTime.formatDayTime(due) + ").\n\nVào hệ thống: " + link + SIGNATURE, link, campaignCode, unitCode);
  }

  public static Message notSubmittedAtCutoff(String unitName, String campaignCode, String unitCode) {
    return new Message(NotificationKind.ESCALATION, "[Sơ kết] " + unitName + " không gửi báo cáo",
        "Đã hết hạn tổng hợp: " + unitName + " không gửi báo cáo sơ kết và được ghi nhận «không gửi báo cáo» "
            + "trong báo cáo toàn tỉnh." + SIGNATURE, null, campaignCode, unitCode);
  }

  public static Message missingReports(String title, java.util.List<String> unitNames, String campaignCode) {
    String list = unitNames.isEmpty() ? "Tất cả các đơn vị đã gửi báo cáo."
        : "Các đơn vị chưa gửi báo cáo (" + unitNames.size() + "):\n- " + String.join("\n- ", unitNames);
    return new Message(NotificationKind.ESCALATION, "[Sơ kết] Hết hạn gửi báo cáo: " + unitNames.size()
        + " đơn vị chưa gửi", "Ban Chỉ đạo tỉnh:\n\nĐã đến hạn gửi báo cáo " + title + ".\n" + list + SIGNATURE,
        null, campaignCode, null);
  }

  public static Message conferenceReminder(String title, Date deadline, String campaignCode) {
    return new Message(NotificationKind.REMINDER, "[Sơ kết] Nhắc tổ chức hội nghị sơ kết cấp tỉnh",
        "Phòng PV01:\n\nHội nghị " + title + " cấp tỉnh cần hoàn thành trước " + VietnamTime.formatDayTime(deadline)
            + "." + SIGNATURE, null, campaignCode, null);
  }

  public static Message conferenceOverdue(String title, Date deadline, String campaignCode) {
    return new Message(NotificationKind.ESCALATION, "[Sơ kết] QUÁ HẠN tổ chức hội nghị sơ kết cấp tỉnh",
        "Ban Chỉ đạo tỉnh, lãnh đạo Phòng PV01:\n\nHội nghị " + title + " cấp tỉnh chưa được tổ chức, đã quá hạn "
            + VietnamTime.formatDayTime(deadline) + "." + SIGNATURE, null, campaignCode, null);
  }

  /**
   * The invitation to set one's own password: the account to sign in with, the one-time link and
   * until when it works. It never holds a password: the person chooses theirs on the link's page.
   */
  public static Message accountInvitation(String accountId, java.util.List<String> roles, String link,
      Date expires, java.time.Duration validFor, String tasklist) {
    String forWhom = roles.isEmpty() ? "" : " (" + String.join("; ", roles) + ")";
    return new Message(NotificationKind.ACCOUNT_INVITATION, "[Sơ kết] Tài khoản của đồng chí: đặt mật khẩu để đăng nhập",
        "Kính gửi đồng chí,\n\nĐồng chí được cấp tài khoản trên Hệ thống theo dõi sơ kết 02 năm xây dựng đơn vị"
            + " điển hình" + forWhom + ".\n\nTên đăng nhập: " + accountId
            + "\n\nĐồng chí tự đặt mật khẩu của mình tại đường dẫn dưới đây. Đường dẫn chỉ dùng được một lần, có hiệu lực "
            + validFor.toHours() + " giờ (đến " + VietnamTime.formatDayTime(expires) + "):\n" + link
            + "\n\nMật khẩu cần có ít nhất 10 ký tự, gồm chữ thường, chữ in hoa, chữ số và ký tự đặc biệt. Hệ thống không"
            + " bao giờ gửi mật khẩu qua thư; không cung cấp mật khẩu cho bất kỳ ai. Nếu đường dẫn đã hết hạn hoặc đã"
            + " dùng, mở đường dẫn và bấm «Gửi lại đường dẫn» để nhận đường dẫn mới, hoặc đề nghị quản trị viên gửi lại."
            + "\n\nSau khi đặt mật khẩu, đăng nhập tại: " + tasklist + SIGNATURE,
        link, null, null);
  }

  public static Message campaignClosed(String title, String campaignCode) {
    return new Message(NotificationKind.CAMPAIGN_CLOSED, "[Sơ kết] Kết thúc đợt: " + title,
        "Đợt " + title + " đã kết thúc. Các báo cáo vẫn được lưu và tra cứu trên hệ thống." + SIGNATURE,
        null, campaignCode, null);
  }
}
