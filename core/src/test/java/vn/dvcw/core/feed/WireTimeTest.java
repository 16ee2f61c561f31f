package vn.dvcw.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The parser's direct reading of wire times agrees with the strict formatter it replaces, valid or not. */
@Tag("fast")
class WireTimeTest {
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  @Test
  void readsWhatTheFormatterReadsAndRefusesWhatItRefuses() {
    List<String> samples = List.of("20250701083000", "20240229235959", "20250229120000", "20251301000000",
        "20250100120000", "20250631120000", "20250701240000", "20250701236000", "20250701235960", "00000101000000",
        "2025070108300", "202507010830000", "2025-07-01 08:30", "2025070108300x", "+20250701083000", "");
    for (String s : samples) {
      LocalDateTime expected;
      try {
        expected = LocalDateTime.parse(s, STRICT);
      } catch (DateTimeParseException e) {
        assertThrows(DateTimeParseException.class, () -> FeedParser.wireTime(s), s);
        continue;
      }
      assertEquals(expected, FeedParser.wireTime(s), s);
    }
  }
}
