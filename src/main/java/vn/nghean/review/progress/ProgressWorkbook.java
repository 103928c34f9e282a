package vn.nghean.review.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.nghean.review.progress.ProgressService.CampaignProgress;
import vn.nghean.review.progress.ProgressService.Counts;
import vn.nghean.review.progress.ProgressService.UnitProgress;
import vn.nghean.review.shared.VietnamTime;

/** A campaign's progress as an Excel workbook: the four counts, then one row per unit. */
final class ProgressWorkbook {

  static final String SHEET = "Tiến độ";
  static final String[] UNIT_COLUMNS = {"STT", "Mã đơn vị", "Đơn vị", "Trạng thái", "Theo dõi thời hạn",
      "Gửi lần đầu", "Gửi gần nhất", "Số lần gửi", "Số lần nhắc hạn", "Số lần đôn đốc", "Đang quá hạn",
      "Xếp loại", "Tiếp nhận lúc"};
  private static final int[] WIDTHS = {6, 14, 36, 30, 26, 18, 18, 10, 12, 12, 12, 14, 18};

  private ProgressWorkbook() {}

  static byte[] of(CampaignProgress progress) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      Sheet sheet = workbook.createSheet(SHEET);
      for (int i = 0; i < WIDTHS.length; i++) {
        sheet.setColumnWidth(i, WIDTHS[i] * 256);
      }
      int r = 0;
      Row title = sheet.createRow(r++);
      text(title, 0, "TIẾN ĐỘ " + progress.title().toUpperCase(java.util.Locale.ROOT), styles.title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, UNIT_COLUMNS.length - 1));
      labelled(sheet.createRow(r++), "Mã đợt", progress.campaignCode(), styles);
      labelled(sheet.createRow(r++), "Hạn gửi báo cáo", progress.reportDeadline(), styles);
      labelled(sheet.createRow(r++), "Hạn tổng hợp", progress.synthesisCutoff(), styles);
      labelled(sheet.createRow(r++), "Số liệu tính đến", progress.generatedAt(), styles);
      r++;

      Counts counts = progress.counts();
      Row countHeader = sheet.createRow(r++);
      Row countValues = sheet.createRow(r++);
      String[] countLabels = {"Tổng số đơn vị", ProgressService.Tracking.DONE_ON_TIME.label(),
          ProgressService.Tracking.DONE_LATE.label(), ProgressService.Tracking.OPEN_WITHIN_DEADLINE.label(),
          ProgressService.Tracking.OPEN_OVERDUE.label()};
      long[] countNumbers = {counts.total(), counts.doneOnTime(), counts.doneLate(), counts.openWithinDeadline(),
          counts.openOverdue()};
      for (int i = 0; i < countLabels.length; i++) {
        text(countHeader, i + 2, countLabels[i], styles.header);
        number(countValues, i + 2, countNumbers[i], styles.cell);
      }
      r++;

      int headerRow = r;
      Row header = sheet.createRow(r++);
      for (int i = 0; i < UNIT_COLUMNS.length; i++) {
        text(header, i, UNIT_COLUMNS[i], styles.header);
      }
      int index = 0;
      for (UnitProgress unit : progress.units()) {
        Row row = sheet.createRow(r++);
        number(row, 0, ++index, styles.cell);
        text(row, 1, unit.unitCode(), styles.cell);
        text(row, 2, unit.unitName(), styles.cell);
        text(row, 3, unit.statusLabel(), styles.cell);
        text(row, 4, unit.trackingLabel(), styles.cell);
        date(row, 5, unit.firstSubmittedAt(), styles);
        date(row, 6, unit.lastSubmittedAt(), styles);
        number(row, 7, unit.submissionCount(), styles.cell);
        number(row, 8, unit.reminderCount(), styles.cell);
        number(row, 9, unit.escalationCount(), styles.cell);
        text(row, 10, unit.overdue() ? "Có" : "Không", styles.cell);
        text(row, 11, unit.rating() == null ? "" : unit.rating(), styles.cell);
        date(row, 12, unit.acceptedAt(), styles);
      }
      sheet.createFreezePane(0, headerRow + 1);
      sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, UNIT_COLUMNS.length - 1));
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void labelled(Row row, String label, Object value, Styles styles) {
    text(row, 1, label, styles.label);
    if (value instanceof Instant instant) {
      date(row, 2, instant, styles);
    } else {
      text(row, 2, String.valueOf(value), styles.plain);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static void number(Row row, int column, long value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** A real Excel date in Vietnamese local time, so that the column sorts and filters as dates. */
  private static void date(Row row, int column, Instant value, Styles styles) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(styles.date);
    if (value != null) {
      cell.setCellValue(LocalDateTime.ofInstant(value, VietnamTime.ZONE));
    }
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle label;
    final CellStyle plain;
    final CellStyle cell;
    final CellStyle date;

    Styles(XSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setFontName("Times New Roman");
      bold.setBold(true);
      bold.setFontHeightInPoints((short) 12);
      Font big = workbook.createFont();
      big.setFontName("Times New Roman");
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      Font normal = workbook.createFont();
      normal.setFontName("Times New Roman");
      normal.setFontHeightInPoints((short) 12);

      title = workbook.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      label = workbook.createCellStyle();
      label.setFont(bold);
      plain = workbook.createCellStyle();
      plain.setFont(normal);
      header = bordered(workbook, bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setWrapText(true);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      cell = bordered(workbook, normal);
      cell.setWrapText(true);
      date = bordered(workbook, normal);
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    }

    private static CellStyle bordered(XSSFWorkbook workbook, Font font) {
      CellStyle style = workbook.createCellStyle();
      style.setFont(font);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      return style;
    }
  }
}
