package vn.nghean.review.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** A .docx read back as Word reads it, with Apache POI. */
public final class Docx {

  private Docx() {}

  /**
   * The text of every paragraph in reading order: a paragraph of the body a line for each of its
   * lines, a paragraph of a table (the heading's columns) whole, its line breaks kept.
   */
  public static List<String> lines(byte[] docx) {
    List<String> lines = new ArrayList<>();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          lines.addAll(List.of(paragraph.getText().split("\n")));
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
              cell.getParagraphs().forEach(p -> lines.add(p.getText()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Not a .docx Word can open", e);
    }
    return lines;
  }
}
