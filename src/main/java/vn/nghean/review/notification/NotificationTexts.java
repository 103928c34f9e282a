package vn.nghean.review.notification;

import java.util.Date;

import vn.nghean.review.deadline.VietnamTime;

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

  public static Message campaignClosed(String title, String campaignCode) {
    return new Message(NotificationKind.CAMPAIGN_CLOSED, "[Sơ kết] Kết thúc đợt: " + title,
        "Đợt " + title + " đã kết thúc. Các báo cáo vẫn được lưu và tra cứu trên hệ thống." + SIGNATURE,
        null, campaignCode, null);
  }
}
