package vn.dvcw.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Set;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One look for every chart: a font with Vietnamese diacritics, white backgrounds, and colours whose lightness
 * differs enough to tell series apart when printed in greyscale (dark, middle, light), helped by distinct
 * markers and dash patterns.
 */
public final class ChartStyle {
  private ChartStyle() {}

  /** Dark navy: prints near black. */
  public static final Color DARK = new Color(0x08306B);
  /** Orange: prints mid grey. */
  public static final Color MIDDLE = new Color(0xD9641E);
  /** Light blue: prints light grey. */
  public static final Color LIGHT = new Color(0x9ECAE1);
  /** Reference lines (targets, the reorganisation): black. */
  public static final Color REFERENCE = Color.BLACK;
  /** Line series in order; each also gets its own marker and dash so colour is never the only cue. */
  public static final Color[] SERIES = {DARK, MIDDLE, new Color(0x6BAED6), new Color(0x525252),
      new Color(0xA63603), new Color(0x969696)};
  public static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
  public static final BasicStroke[] LINES = {SeriesLines.SOLID, SeriesLines.DASH_DOT, SeriesLines.DOT_DOT,
      SeriesLines.SOLID, SeriesLines.DASH_DOT, SeriesLines.DOT_DOT};
  /** Dashed reference line. */
  public static final BasicStroke REFERENCE_LINE = SeriesLines.DASH_DASH;
  /** Heat map ramp: white to mid blue, monotone in lightness so greyscale keeps the order; black values stay legible. */
  public static final Color[] HEAT = {new Color(0xF7FBFF), new Color(0xC6DBEF), new Color(0x6BAED6)};

  /** DejaVu Sans when installed (full Vietnamese coverage); else the JDK's logical sans-serif. */
  public static final String FONT_FAMILY = pickFamily();

  public static Font font(int style, int size) {
    return new Font(FONT_FAMILY, style, size);
  }

  /** Applies fonts, backgrounds, legend below the plot, and the axis titles (units belong there). */
  public static void apply(AxesChartStyler s) {
    s.setChartTitleFont(font(Font.BOLD, 17));
    s.setAxisTitleFont(font(Font.PLAIN, 13));
    s.setAxisTickLabelsFont(font(Font.PLAIN, 11));
    s.setLegendFont(font(Font.PLAIN, 12));
    s.setAnnotationTextFont(font(Font.PLAIN, 11));
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.GRAY);
    s.setPlotGridLinesColor(new Color(0xDDDDDD));
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setChartTitleBoxVisible(false);
    s.setAntiAlias(true);
  }

  private static String pickFamily() {
    try {
      Set<String> families = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
      for (String f : new String[] {"DejaVu Sans", "Noto Sans", "Liberation Sans"}) {
        if (families.contains(f)) {
          return f;
        }
      }
    } catch (RuntimeException | Error e) {
      // No font configuration at all (a bare container): the logical font still renders Latin text.
    }
    return Font.SANS_SERIF;
  }
}
