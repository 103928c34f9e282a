package vn.nghean.review.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.identity.CurrentUser;

/**
 * The registry's editions, for administrators: download the edition in use, check or load a new one
 * (a file upload, or the file as the body), list the editions loaded and download any of them. Only
 * administrators reach it: the gate ({@code gate.GateConfiguration}) decides.
 */
@RestController
@RequestMapping("/api/registry")
class RegistryController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final RegistryEditions editions;
  private final UnitRegistry registry;

  RegistryController(RegistryEditions editions, UnitRegistry registry) {
    this.editions = editions;
    this.registry = registry;
  }

  @GetMapping
  ResponseEntity<byte[]> current() {
    return file(registry.edition().id(), editions.currentContent());
  }

  @GetMapping("/editions")
  List<RegistryEditions.EditionSummary> list() {
    return editions.editions();
  }

  @GetMapping("/editions/{id}")
  ResponseEntity<byte[]> edition(@PathVariable long id) {
    return file(id, editions.content(id));
  }

  /** A new edition as an uploaded file (the Admin page). */
  @PostMapping(path = "/editions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<RegistryEditions.Verdict> upload(@RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean check, @AuthenticationPrincipal CurrentUser user)
      throws IOException {
    return loadOrCheck(new String(file.getBytes(), StandardCharsets.UTF_8), file.getOriginalFilename(), check, user);
  }

  /** A new edition as the request's body ({@code text/csv} or {@code text/plain}, UTF-8). */
  @PostMapping(path = "/editions", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  ResponseEntity<RegistryEditions.Verdict> body(@RequestBody byte[] body,
      @RequestParam(defaultValue = "false") boolean check, @RequestParam(required = false) String source,
      @AuthenticationPrincipal CurrentUser user) {
    return loadOrCheck(new String(body, StandardCharsets.UTF_8), source, check, user);
  }

  private ResponseEntity<RegistryEditions.Verdict> loadOrCheck(String text, String source, boolean check,
      CurrentUser user) {
    if (!check) {
      return ResponseEntity.status(HttpStatus.CREATED).body(editions.load(text, source, user.id()));
    }
    RegistryEditions.Verdict verdict = editions.check(text);
    InvalidInputException.throwIfAny(verdict.problems().stream().map(p -> "danh mục đơn vị: " + p).toList());
    return ResponseEntity.ok(verdict);
  }

  private static ResponseEntity<byte[]> file(long id, String content) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("danh-muc-don-vi-phien-ban-" + id + ".csv", StandardCharsets.UTF_8).build().toString())
        .body(content.getBytes(StandardCharsets.UTF_8));
  }

}
