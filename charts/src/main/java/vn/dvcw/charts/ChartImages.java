package vn.dvcw.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Charts as PNG bytes, optionally with a footer stating period, geography and sources inside the image. */
public final class ChartImages {
  private ChartImages() {}

  private static final int FOOTER_FONT_SIZE = 12;
  private static final int MARGIN = 12;

  public static byte[] png(Chart<?, ?> chart) {
    return png(chart, List.of());
  }

  /**
   * The chart with footer lines drawn under it, so a PNG copied out of the report or a notebook still says
   * what it shows and where it comes from.
   */
  public static byte[] png(Chart<?, ?> chart, List<String> footer) {
    BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
    if (footer.isEmpty()) {
      return encode(plot);
    }
    Font font = ChartStyle.font(Font.PLAIN, FOOTER_FONT_SIZE);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics fm = pg.getFontMetrics(font);
    List<String> lines = new ArrayList<>();
    for (String line : footer) {
      lines.addAll(wrap(line, fm, plot.getWidth() - 2 * MARGIN));
    }
    pg.dispose();
    int lineHeight = fm.getHeight();
    BufferedImage out = new BufferedImage(plot.getWidth(), plot.getHeight() + lines.size() * lineHeight + MARGIN,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(plot, 0, 0, null);
    g.setColor(new Color(0x333333));
    g.setFont(font);
    int y = plot.getHeight() + fm.getAscent();
    for (String line : lines) {
      g.drawString(line, MARGIN, y);
      y += lineHeight;
    }
    g.dispose();
    return encode(out);
  }

  /** A data: URI for an &lt;img src&gt;, so the report needs no other file. */
  public static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (fm.stringWidth(candidate) > width && line.length() > 0) {
        out.add(line.toString());
        line = new StringBuilder("    " + word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    out.add(line.toString());
    return out;
  }

  private static byte[] encode(BufferedImage image) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ImageIO.write(image, "png", buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
