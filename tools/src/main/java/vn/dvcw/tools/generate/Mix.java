package vn.dvcw.tools.generate;

import java.util.SplittableRandom;

/**
 * Seeds for the generator's random streams. Every random decision is drawn from a
 * {@link SplittableRandom} seeded by hashing the run seed with the identity of what is decided (a unit
 * and a day, or one dossier) and a salt naming the stream. Nothing depends on thread scheduling, on the
 * order units are visited or on the --from/--to range, so the same arguments give the same bytes and a
 * dossier looks the same in any run that contains its submission day.
 */
final class Mix {
  /** Stream salts: one per kind of decision, so adding draws to one stream never shifts another. */
  static final long COUNTS = 0x636f756e74730001L;
  static final long PLAN = 0x706c616e00000002L;
  static final long CONTENT = 0x636f6e74656e7403L;
  static final long INJECT = 0x696e6a6563740004L;
  static final long UNITS = 0x756e697473000005L;

  private Mix() {}

  /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long hash(long seed, long salt, long a, long b) {
    return mix64(mix64(mix64(seed ^ salt) + a) + b);
  }

  static long hash(long seed, long salt, long a, long b, long c) {
    return mix64(hash(seed, salt, a, b) + c);
  }

  static SplittableRandom random(long seed, long salt, long a, long b) {
    return new SplittableRandom(hash(seed, salt, a, b));
  }

  static SplittableRandom random(long seed, long salt, long a, long b, long c) {
    return new SplittableRandom(hash(seed, salt, a, b, c));
  }
}
