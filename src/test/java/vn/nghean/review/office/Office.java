package vn.nghean.review.office;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * LibreOffice and Poppler from Debian's {@code libreoffice-writer-nogui} and {@code poppler-utils}:
 * a .docx printed to PDF as LibreOffice prints it, and the PDF read back as words, fonts and pixels.
 */
final class Office {

  static final List<String> TOOLS = List.of("soffice", "pdftotext", "pdftoppm", "pdffonts");
  private static final Duration CONVERSION = Duration.ofMinutes(5);
  private static final Duration READING = Duration.ofMinutes(1);

  private Office() {}

  /** Fails, not skips: a machine without the tools has not shown that the documents print right. */
  static void requireTools() {
    List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
    if (!missing.isEmpty()) {
      throw new AssertionError("The office tests print the documents with LibreOffice and read them back with Poppler,"
          + " but the PATH has no " + String.join(", ", missing)
          + ": install them with apt-get install libreoffice-writer-nogui poppler-utils");
    }
  }

  /**
   * Prints every file to a PDF of the same name in the directory, in one LibreOffice run with a
   * profile of its own, so that runs side by side do not share (and lock) one profile.
   */
  static void toPdf(List<Path> documents, Path directory) {
    Path profile;
    try {
      profile = Files.createTempDirectory("so-ket-libreoffice");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
        "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory.toString()));
    documents.forEach(document -> command.add(document.toString()));
    try {
      run(command, CONVERSION);
    } finally {
      try {
        delete(profile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path document : documents) {
      Path pdf = pdfOf(document, directory);
      if (!Files.isRegularFile(pdf)) {
        throw new AssertionError("LibreOffice did not print " + document + " to " + pdf);
      }
    }
  }

  static Path pdfOf(Path document, Path directory) {
    String name = document.getFileName().toString();
    return directory.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
  }

  static List<PrintedPage> pages(Path pdf) {
    return PrintedPage.parse(run(List.of("pdftotext", "-bbox", pdf.toString(), "-"), READING));
  }

  /** The names of the fonts the PDF embeds, e.g. "BAAAAA+LiberationSerif-Bold". */
  static List<String> fonts(Path pdf) {
    String[] lines = run(List.of("pdffonts", pdf.toString()), READING).split("\n");
    List<String> fonts = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        fonts.add(lines[i].split("\\s+")[0]);
      }
    }
    return fonts;
  }

  /** The first page in shades of grey at the given resolution. */
  static BufferedImage firstPage(Path pdf, int dpi) {
    Path png = png(pdf, pdf.resolveSibling(pdf.getFileName() + "-" + dpi), dpi, true);
    try {
      return ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first page as a PNG file, {@code prefix.png}. */
  static Path png(Path pdf, Path prefix, int dpi, boolean grey) {
    List<String> command = new ArrayList<>(List.of("pdftoppm", "-png", "-r", String.valueOf(dpi), "-f", "1", "-l", "1",
        "-singlefile"));
    if (grey) {
      command.add("-gray");
    }
    command.add(pdf.toString());
    command.add(prefix.toString());
    run(command, READING);
    return prefix.resolveSibling(prefix.getFileName() + ".png");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String run(List<String> command, Duration timeout) {
    try {
      Path output = Files.createTempFile("so-ket-office", ".out");
      Path errors = Files.createTempFile("so-ket-office", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
            .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command.get(0) + " did not finish within " + timeout + ": " + command);
        }
        if (process.exitValue() != 0) {
          throw new AssertionError(command.get(0) + " exited with " + process.exitValue() + ": "
              + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return Files.readString(output, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(output);
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static void delete(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
