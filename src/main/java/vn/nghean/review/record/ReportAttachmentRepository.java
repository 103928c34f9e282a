package vn.nghean.review.record;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportAttachmentRepository extends JpaRepository<ReportAttachment, Long> {

  Optional<ReportAttachment> findByReportId(Long reportId);
}
