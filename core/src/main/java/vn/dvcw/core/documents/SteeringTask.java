package vn.dvcw.core.documents;

import java.time.LocalDate;

/**
 * A task listed by the steering committee. {@code list} is 'overdue' (Phụ lục 2), 'due' (Phụ lục 3),
 * 'recurring' (Phụ lục 7) or 'group_summary' (section II). Group code and name are as printed
 * ("I.4", "Nhóm V - ..."); {@code continued} is true when a cell went on after a page break.
 */
public record SteeringTask(
    String tableId,
    int rowNo,
    int lineNo,
    String rawLine,
    String list,
    String groupCode,
    String groupName,
    String seq,
    String task,
    String units,
    LocalDate deadline,
    String deadlineRaw,
    String nature,
    Integer taskCount,
    boolean continued) {}
