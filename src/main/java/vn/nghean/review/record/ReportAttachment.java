package vn.nghean.review.record;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The signed report file a unit attaches (scan or signed document); one per unit report. */
@Entity
@Table(name = "report_attachment")
public class ReportAttachment {

  /** Ten megabytes: a scanned signed report of a few dozen pages. */
  public static final int MAX_SIZE = 10 * 1024 * 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private Long reportId;

  @Column(nullable = false, length = 255)
  private String fileName;

  @Column(nullable = false, length = 100)
  private String contentType;

  private long size;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, length = MAX_SIZE)
  private byte[] content;

  private Instant uploadedAt;
  @Column(length = 64) private String uploadedBy;

  protected ReportAttachment() {}

  ReportAttachment(Long reportId) {
    this.reportId = reportId;
  }

  void replace(String fileName, String contentType, byte[] content, String userId, Instant at) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.size = content.length;
    this.uploadedBy = userId;
    this.uploadedAt = at;
  }

  public Long getReportId() { return reportId; }
  public String getFileName() { return fileName; }
  public String getContentType() { return contentType; }
  public long getSize() { return size; }
  public byte[] getContent() { return content; }
  public Instant getUploadedAt() { return uploadedAt; }
  public String getUploadedBy() { return uploadedBy; }
}
