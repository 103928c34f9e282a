package vn.nghean.review.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.identity.ForbiddenException;

/** Every API error as {@code {status, message, problems}} in Vietnamese, never a stack trace. */
@RestControllerAdvice
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  record ApiError(int status, String message, List<String> problems) {}

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "Nội dung gửi lên không đúng định dạng JSON của báo cáo.", List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp đính kèm lớn quá 10 MB.", List.of());
  }

  @ExceptionHandler({ForbiddenException.class, AuthorizationException.class})
  ResponseEntity<ApiError> forbidden(RuntimeException e) {
    String message = e instanceof ForbiddenException ? e.getMessage() : "Bạn không có quyền thực hiện thao tác này.";
    return error(HttpStatus.FORBIDDEN, message, List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return error(HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      return error(HttpStatus.valueOf(known.getStatusCode().value()), "Yêu cầu không hợp lệ: "
          + known.getBody().getDetail(), List.of());
    }
    LOG.error("Unexpected API error", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "Lỗi hệ thống, xin thử lại sau hoặc báo quản trị viên.", List.of());
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message, List<String> problems) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message, problems));
  }
}
