package vn.dvcw.tools.generate;

import java.util.SplittableRandom;

/**
 * The fake personal data of one dossier, drawn from its own random stream (so drawing it never shifts
 * the dossier's timeline). It looks real and is not: names are combinations of common Vietnamese
 * family, middle and given names; ID numbers have the CCCD structure (12 digits: 0 + two-digit birth
 * province code, a sex/century digit, two-digit birth year, six random digits); phones are 10 digits
 * with current mobile prefixes (03x, 05x, 07x, 08x, 09x); e-mails are folded names with digits at
 * common providers; tax codes are 10 digits.
 */
final class FakePersonalData {
  static final String[] MOBILE_PREFIXES = {"032", "033", "034", "035", "036", "037", "038", "039", "056", "058",
      "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091",
      "093", "094", "096", "097", "098"};
  static final String[] MAIL_DOMAINS = {"gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
      "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com"};
  static final String[] FILE_NAMES = {"Tờ khai.pdf", "Căn cước công dân.pdf", "Giấy tờ chứng minh nơi cư trú.pdf",
      "Đơn đề nghị.pdf", "Bản chính giấy tờ.pdf", "Giấy ủy quyền.pdf", "Hợp đồng.pdf", "Bản vẽ.pdf",
      "Giấy chứng nhận.pdf", "Ảnh chân dung.jpg"};

  /** The 63 former province codes, for birthplaces outside the unit's province. */
  static final int[] BIRTH_PROVINCES = {1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
      34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
      79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};

  boolean male;
  int family;
  int middle;
  int given;
  int birthYear;
  long idNumber;
  int mobilePrefix;
  int mobileRest;
  int mailDomain;
  int mailNumber;
  long accountHi;
  long accountLo;
  int summaryTemplate;
  boolean otherMale;
  int otherMiddle;
  int otherGiven;
  int otherFamily;
  int companyType;
  int trade;
  int brandA;
  int brandB;
  long taxCode;
  int files;
  final int[] fileName = new int[2];
  final long[] fileIdHi = new long[2];
  final int[] fileIdLo = new int[2];
  final boolean[] fileDigitised = new boolean[2];
  final boolean[] fileReused = new boolean[2];
  final boolean[] fileFromStore = new boolean[2];
  long resultIdHi;
  int resultIdLo;
  long supplementIdHi;
  int supplementIdLo;

  void fill(SplittableRandom r, Dossier d) {
    male = r.nextBoolean();
    family = VietnameseNames.FAMILY.pick(r);
    middle = (male ? VietnameseNames.MIDDLE_MALE : VietnameseNames.MIDDLE_FEMALE).pick(r);
    given = (male ? VietnameseNames.GIVEN_MALE : VietnameseNames.GIVEN_FEMALE).pick(r);
    birthYear = 1950 + r.nextInt(57);
    int birthProvince = r.nextDouble() < 0.8 ? d.unit.birthProvinceCode()
        : BIRTH_PROVINCES[r.nextInt(BIRTH_PROVINCES.length)];
    int sexCentury = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
    idNumber = birthProvince * 1_000_000_000L + sexCentury * 100_000_000L + (birthYear % 100) * 1_000_000L
        + r.nextInt(1_000_000);
    mobilePrefix = r.nextInt(MOBILE_PREFIXES.length);
    mobileRest = r.nextInt(10_000_000);
    mailDomain = r.nextDouble() < 0.65 ? r.nextInt(MAIL_DOMAINS.length) : -1;
    mailNumber = r.nextDouble() < 0.5 ? birthYear % 100 : r.nextInt(10_000);
    accountHi = r.nextLong();
    accountLo = r.nextLong();
    summaryTemplate = r.nextInt(100);
    otherMale = r.nextBoolean();
    otherFamily = r.nextDouble() < 0.7 ? family : VietnameseNames.FAMILY.pick(r);
    otherMiddle = (otherMale ? VietnameseNames.MIDDLE_MALE : VietnameseNames.MIDDLE_FEMALE).pick(r);
    otherGiven = (otherMale ? VietnameseNames.GIVEN_MALE : VietnameseNames.GIVEN_FEMALE).pick(r);
    companyType = r.nextInt(3);
    trade = r.nextInt(VietnameseNames.TRADE.length);
    brandA = r.nextInt(VietnameseNames.PLACE_FIRST.length);
    brandB = r.nextInt(VietnameseNames.PLACE_SECOND.length);
    taxCode = (r.nextDouble() < 0.5 ? 100_000_000L : 3_000_000_000L) + r.nextLong(900_000_000L);
    files = d.channel == 2 ? (r.nextDouble() < 0.3 ? 2 : 1) : r.nextInt(2);
    for (int i = 0; i < 2; i++) {
      fileName[i] = r.nextInt(FILE_NAMES.length);
      fileIdHi[i] = r.nextLong();
      fileIdLo[i] = r.nextInt();
      fileDigitised[i] = r.nextDouble() < (d.digitisedInput ? 0.9 : 0.3);
      fileReused[i] = d.digitisedInput && r.nextDouble() < 0.4;
      fileFromStore[i] = d.channel == 2 && r.nextDouble() < 0.25;
    }
    if (files == 2 && fileName[1] == fileName[0]) {
      fileName[1] = (fileName[0] + 1) % FILE_NAMES.length;
    }
    resultIdHi = r.nextLong();
    resultIdLo = r.nextInt();
    supplementIdHi = r.nextLong();
    supplementIdLo = r.nextInt();
  }
}
