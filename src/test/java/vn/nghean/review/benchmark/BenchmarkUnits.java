package vn.nghean.review.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A generated registry of many units (B00001, B00002, ...), written where application-bench.yaml reads it. */
final class BenchmarkUnits {

  static final Path FILE = Path.of("target", "bench", "units.csv");

  private BenchmarkUnits() {}

  static String code(int i) {
    return String.format("B%05d", i);
  }

  static List<String> codes(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(BenchmarkUnits::code).toList();
  }

  static void write(int n) {
    List<String> lines = new ArrayList<>();
    lines.add("# Đơn vị sinh tự động cho đo hiệu năng");
    lines.add("code;kind;name;officerEmails;leaderEmails");
    for (String code : codes(n)) {
      String lower = code.toLowerCase();
      lines.add(code + ";DISTRICT;UBND xã thử nghiệm " + code + ";canbo." + lower + "@bench.example;lanhdao." + lower
          + "@bench.example");
    }
    try {
      Files.createDirectories(FILE.getParent());
      Files.write(FILE, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
