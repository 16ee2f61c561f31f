package vn.dvcw.formats.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The straight horizontal and vertical rules drawn on a page: the borders of its tables. Word and LibreOffice
 * draw a table's borders as stroked lines or as thin filled rectangles; both are collected. Coordinates are
 * returned with the origin at the top left, like PDFBox's text positions, so rules and glyphs compare directly.
 */
final class Rulings extends PDFGraphicsStreamEngine {
  /** A rule thinner than this (points) is a line, not a shaded area. */
  private static final double THIN = 2.0;
  /** Shorter rules are glyph parts or underlines, not cell borders. */
  private static final double MIN_LENGTH = 3.0;

  /** A horizontal rule at {@code at} (y) from {@code from} to {@code to} (x), or a vertical one (x; y range). */
  record Rule(double at, double from, double to) {}

  private final double pageHeight;
  private final List<Rule> horizontal = new ArrayList<>();
  private final List<Rule> vertical = new ArrayList<>();
  private final List<double[]> pathLines = new ArrayList<>();
  private final List<Point2D[]> pathRects = new ArrayList<>();
  private Point2D current = new Point2D.Double();
  private Point2D subpathStart = new Point2D.Double();
  private boolean images;

  private Rulings(PDPage page) {
    super(page);
    this.pageHeight = page.getCropBox().getHeight() + page.getCropBox().getLowerLeftY();
  }

  /** Reads the rules of {@code page}. */
  static Rulings of(PDPage page) throws IOException {
    Rulings r = new Rulings(page);
    r.processPage(page);
    return r;
  }

  List<Rule> horizontal() { return horizontal; }
  List<Rule> vertical() { return vertical; }
  /** True when the page draws an image (a scan is one image per page). */
  boolean hasImages() { return images; }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    pathRects.add(new Point2D[] {p0, p1, p2, p3});
    current = p0;
  }

  @Override
  public void moveTo(float x, float y) {
    current = new Point2D.Float(x, y);
    subpathStart = current;
  }

  @Override
  public void lineTo(float x, float y) {
    pathLines.add(new double[] {current.getX(), current.getY(), x, y});
    current = new Point2D.Float(x, y);
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    current = new Point2D.Float(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return current;
  }

  @Override
  public void closePath() {
    pathLines.add(new double[] {current.getX(), current.getY(), subpathStart.getX(), subpathStart.getY()});
    current = subpathStart;
  }

  @Override
  public void endPath() {
    clearPath();
  }

  @Override
  public void strokePath() {
    pathLines.forEach(l -> addLine(l[0], l[1], l[2], l[3]));
    for (Point2D[] r : pathRects) {
      for (int i = 0; i < 4; i++) {
        addLine(r[i].getX(), r[i].getY(), r[(i + 1) % 4].getX(), r[(i + 1) % 4].getY());
      }
    }
    clearPath();
  }

  @Override
  public void fillPath(int windingRule) {
    for (Point2D[] r : pathRects) {
      double minX = Math.min(Math.min(r[0].getX(), r[1].getX()), Math.min(r[2].getX(), r[3].getX()));
      double maxX = Math.max(Math.max(r[0].getX(), r[1].getX()), Math.max(r[2].getX(), r[3].getX()));
      double minY = Math.min(Math.min(r[0].getY(), r[1].getY()), Math.min(r[2].getY(), r[3].getY()));
      double maxY = Math.max(Math.max(r[0].getY(), r[1].getY()), Math.max(r[2].getY(), r[3].getY()));
      if (maxY - minY <= THIN && maxX - minX >= MIN_LENGTH) {
        addLine(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
      } else if (maxX - minX <= THIN && maxY - minY >= MIN_LENGTH) {
        addLine((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
      }
    }
    clearPath();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    strokePath();
  }

  @Override
  public void clip(int windingRule) {
    // a clip does not draw; the path is consumed by the endPath that follows
  }

  @Override
  public void drawImage(PDImage pdImage) {
    images = true;
  }

  @Override
  public void shadingFill(COSName shadingName) {
    // shading draws no rules
  }

  private void clearPath() {
    pathLines.clear();
    pathRects.clear();
  }

  private void addLine(double x1, double y1, double x2, double y2) {
    double top1 = pageHeight - y1;
    double top2 = pageHeight - y2;
    if (Math.abs(top1 - top2) < 0.5 && Math.abs(x2 - x1) >= MIN_LENGTH) {
      horizontal.add(new Rule((top1 + top2) / 2, Math.min(x1, x2), Math.max(x1, x2)));
    } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(top2 - top1) >= MIN_LENGTH) {
      vertical.add(new Rule((x1 + x2) / 2, Math.min(top1, top2), Math.max(top1, top2)));
    }
  }
}
