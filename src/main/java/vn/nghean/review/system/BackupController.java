package vn.nghean.review.system;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups of the H2 database, for administrators: {@code POST /api/backups} makes one while the
 * application runs ({@code curl -u admin:… -X POST http://localhost:8080/api/backups}), {@code GET}
 * lists those in the directory. On PostgreSQL the POST answers 409: pg_dump backs it up (README).
 * Only administrators reach it: the gate ({@code gate.GateConfiguration}) decides.
 */
@RestController
@RequestMapping("/api/backups")
class BackupController {

  private final Backups backups;

  BackupController(Backups backups) {
    this.backups = backups;
  }

  @PostMapping
  ResponseEntity<Backups.BackupFile> create() {
    return ResponseEntity.status(HttpStatus.CREATED).body(backups.create());
  }

  @GetMapping
  List<Backups.BackupFile> list() {
    return backups.list();
  }

}
