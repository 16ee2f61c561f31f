package vn.dvcw.notebooks.display;

import java.util.Base64;
import java.util.Objects;

/**
 * One output of a cell in the notebook's terms: a MIME type, its data (text, or base64 for images), and a
 * plain-text fallback for front-ends that cannot show the rich form (a terminal, a diff of the notebook).
 */
public record RichOutput(String mimeType, String data, String plainText) {
  public static final String HTML = "text/html";
  public static final String PNG = "image/png";
  public static final String MARKDOWN = "text/markdown";

  public RichOutput {
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(plainText, "plainText");
  }

  public static RichOutput html(String html, String plainText) {
    return new RichOutput(HTML, html, plainText);
  }

  public static RichOutput png(byte[] png, String plainText) {
    return new RichOutput(PNG, Base64.getEncoder().encodeToString(png), plainText);
  }

  public static RichOutput markdown(String markdown) {
    return new RichOutput(MARKDOWN, markdown, markdown);
  }
}
