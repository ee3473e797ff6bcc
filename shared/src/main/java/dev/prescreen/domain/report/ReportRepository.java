package dev.prescreen.domain.report;

import dev.prescreen.domain.Page;
import java.util.Optional;

/** Reports, and the plan's ranking of them. */
public interface ReportRepository {

    /** Stores the report if the interview has none yet; false when it has. */
    boolean create(Report report);

    Optional<Report> find(String organisation, String interviewId);

    boolean replace(Report report, long expectedRevision);

    /** The plan's reports, best overall score first (reports awaiting review last). */
    Page<Report> ranked(String organisation, String planId, int limit, String cursor);

    /** How many reports rank above the given overall score, and how many the plan has. */
    int[] rankOf(String organisation, String planId, Integer overall);

    void delete(String organisation, String interviewId);
}
