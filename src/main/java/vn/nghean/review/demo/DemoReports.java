package vn.nghean.review.demo;

import java.util.EnumMap;
import java.util.Map;

import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportSection;

/**
 * The demo's report texts: what a district's review report says, section by section, so that a
 * newcomer reads a report rather than a placeholder. A unit still drafting has written the first
 * half.
 */
final class DemoReports {

  private DemoReports() {}

  /** The whole report of a unit, as it goes to its leader. */
  static ReportDraft complete(String unitName) {
    return new ReportDraft(sections(unitName, ReportSection.values().length), 12, 9, 11,
        "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 02 tập thể và 03 cá nhân có thành tích xuất sắc trong "
            + "xây dựng, nhân rộng mô hình, điển hình tiên tiến giai đoạn 2023–2024; Giám đốc Công an tỉnh tặng "
            + "Giấy khen cho 05 tập thể, 08 cá nhân.");
  }

  /** Half a report: the first four sections and the figures known so far, nominations not yet. */
  static ReportDraft halfWritten(String unitName) {
    return new ReportDraft(sections(unitName, 4), 7, null, null, null);
  }

  private static Map<ReportSection, String> sections(String unitName, int written) {
    Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
    ReportSection[] all = ReportSection.values();
    for (int i = 0; i < written; i++) {
      sections.put(all[i], text(all[i], unitName));
    }
    return sections;
  }

  private static String text(ReportSection section, String unit) {
    return switch (section) {
      case LEADERSHIP -> "Thực hiện Kế hoạch của Ban Chỉ đạo tỉnh về xây dựng, nhân rộng mô hình, điển hình tiên "
          + "tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc, " + unit + " đã ban hành kế hoạch triển khai, "
          + "phân công nhiệm vụ cụ thể cho các phòng, ban, ngành, đoàn thể và UBND các xã, thị trấn.\n"
          + "Cấp ủy, chính quyền xác định xây dựng mô hình, điển hình là nhiệm vụ trọng tâm, thường xuyên; đưa chỉ "
          + "tiêu xây dựng mô hình vào nghị quyết, chương trình công tác hằng năm; định kỳ 6 tháng giao ban, kiểm "
          + "tra, đánh giá kết quả và kịp thời tháo gỡ khó khăn, vướng mắc ở cơ sở.";
      case ADVISORY -> "Lực lượng Công an chủ động tham mưu cấp ủy, chính quyền ban hành 03 văn bản chỉ đạo, hướng "
          + "dẫn; tổ chức khảo sát, lựa chọn địa bàn, lĩnh vực để xây dựng mô hình phù hợp với tình hình thực tế; "
          + "hướng dẫn nội dung, quy trình, hồ sơ công nhận mô hình.\n"
          + "Công an các xã, thị trấn bám sát địa bàn, nắm tình hình, phát hiện nhân tố mới để tham mưu bồi dưỡng, "
          + "nhân rộng; phối hợp rà soát, củng cố các mô hình hoạt động chưa hiệu quả.";
      case COORDINATION -> "Công tác phối hợp giữa lực lượng Công an với Ủy ban Mặt trận Tổ quốc, Hội Cựu chiến binh, "
          + "Hội Liên hiệp Phụ nữ, Đoàn Thanh niên và các ngành liên quan được duy trì thường xuyên theo quy chế "
          + "phối hợp; các đoàn thể lồng ghép nội dung xây dựng mô hình vào hoạt động của hội viên, đoàn viên.\n"
          + "Việc trao đổi thông tin, kiểm tra chéo và sơ kết định kỳ giữa các lực lượng được thực hiện đúng kế "
          + "hoạch, góp phần phát huy sức mạnh tổng hợp của cả hệ thống chính trị.";
      case RESULTS -> "Trong giai đoạn 2023–2024, toàn đơn vị đã xây dựng mới 12 mô hình, trong đó 09 mô hình được "
          + "công nhận; hiện có 11 mô hình đang hoạt động hiệu quả, tập trung vào các lĩnh vực: phòng, chống tội "
          + "phạm và tệ nạn xã hội; bảo đảm trật tự an toàn giao thông; phòng cháy, chữa cháy; hòa giải mâu thuẫn "
          + "ở cơ sở.\n"
          + "Các mô hình đã góp phần kiềm chế, làm giảm tội phạm về trật tự xã hội, phát hiện và giải quyết từ "
          + "sớm, từ cơ sở nhiều vụ việc; tình hình an ninh, trật tự trên địa bàn cơ bản ổn định.";
      case GOOD_PRACTICES -> "Mô hình \"Camera an ninh\" do nhân dân đóng góp kinh phí lắp đặt tại các trục đường "
          + "chính đã hỗ trợ hiệu quả việc phát hiện, điều tra, xử lý vi phạm; mô hình \"Tổ tự quản an ninh trật "
          + "tự\" ở các khu dân cư phát huy vai trò của người có uy tín trong cộng đồng.\n"
          + "Nhiều tập thể, cá nhân tiêu biểu đã được biểu dương, khen thưởng kịp thời, tạo sức lan tỏa trong "
          + "phong trào.";
      case ASSESSMENT -> "Ưu điểm: nhận thức của cấp ủy, chính quyền và nhân dân về vị trí, vai trò của mô hình, điển "
          + "hình được nâng lên; nhiều mô hình phù hợp, dễ nhân rộng.\n"
          + "Hạn chế: một số mô hình hoạt động còn hình thức, thiếu kinh phí duy trì; việc sơ kết, rút kinh nghiệm ở "
          + "một số xã chưa thường xuyên. Nguyên nhân chủ yếu là sự quan tâm của một số cơ sở chưa đúng mức, nguồn "
          + "lực còn hạn chế.\n"
          + "Bài học kinh nghiệm: phải có sự lãnh đạo sát sao của cấp ủy, sự vào cuộc của cả hệ thống chính trị và "
          + "lấy người dân làm trung tâm, làm chủ thể.";
      case RECOMMENDATIONS -> "Đề nghị Ban Chỉ đạo tỉnh quan tâm bố trí kinh phí hỗ trợ duy trì hoạt động của các "
          + "mô hình tiêu biểu; tổ chức tập huấn nghiệp vụ cho lực lượng nòng cốt ở cơ sở; kịp thời biểu dương, "
          + "khen thưởng các tập thể, cá nhân có thành tích xuất sắc.";
      case DIRECTIONS -> "Thời gian tới, " + unit + " tiếp tục củng cố, nâng cao chất lượng các mô hình hiện có; phấn "
          + "đấu mỗi xã, thị trấn có ít nhất 01 mô hình hoạt động hiệu quả; đẩy mạnh ứng dụng công nghệ thông tin "
          + "trong quản lý, vận hành mô hình; tăng cường kiểm tra, đôn đốc và định kỳ sơ kết, rút kinh nghiệm.";
    };
  }
}
