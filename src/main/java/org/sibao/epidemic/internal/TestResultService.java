package org.sibao.epidemic.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test results in bulk (SPEC §8) from labs and upper platforms, keyed by ID number: CSV with the header
 * {@code idNumber,sampledAt,kind,result} or a JSON array of the same fields. Invalid lines and lines whose ID number
 * is on no roster are reported; the rest are stored through {@link TestResultIngest}. Re-sending the same rows
 * stores nothing new (counted as duplicates).
 */
@Service
class TestResultService {

    static final int MAX_ROWS = 100_000;
    /** Errors listed in a response; the counts are always complete. */
    static final int MAX_ERRORS = 1_000;
    /** A sample time later than the business clock by more than this is refused. */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    static final Set<String> KINDS = Set.of("PCR", "ANTIGEN");
    static final Set<String> RESULTS = Set.of("NEGATIVE", "POSITIVE", "PENDING");

    record ResultInput(String idNumber, String sampledAt, String kind, String result) {
    }

    record LineError(int line, String message) {
    }

    record IngestResult(int accepted, int rejected, int duplicates, List<LineError> errors) {
    }

    private final TestResultIngest ingest;
    private final PersonalDataCipher cipher;
    private final BusinessClock clock;
    private final Messages messages;
    private final AuditLog audit;
    private final ZoneColours colours;

    TestResultService(TestResultIngest ingest, PersonalDataCipher cipher, BusinessClock clock, Messages messages,
            AuditLog audit, ZoneColours colours) {
        this.colours = colours;
        this.ingest = ingest;
        this.cipher = cipher;
        this.clock = clock;
        this.messages = messages;
        this.audit = audit;
    }

    /** CSV: line 1 is the header; data lines are numbered as in the file. Blank lines are skipped. */
    @Transactional
    public IngestResult ingestCsv(String body) {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        List<ResultInput> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] all = body == null ? new String[0] : body.split("\n", -1);
        int first = 0;
        while (first < all.length && all[first].isBlank()) {
            first++;
        }
        if (first >= all.length || !header(all[first])) {
            throw ApiException.invalid("header", "epidemic.results.header");
        }
        for (int i = first + 1; i < all.length; i++) {
            String line = all[i].endsWith("\r") ? all[i].substring(0, all[i].length() - 1) : all[i];
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            rows.add(f.length == 4 ? new ResultInput(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim())
                    : new ResultInput(null, null, null, null));
            lines.add(i + 1);
        }
        return ingest(rows, lines);
    }

    private static boolean header(String line) {
        String h = line.replace("\uFEFF", "").replace(" ", "").trim();
        return h.equalsIgnoreCase("idNumber,sampledAt,kind,result");
    }

    /** JSON: the line of an element is its 1-based position in the array. */
    @Transactional
    public IngestResult ingestJson(List<ResultInput> rows) {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        if (rows == null) {
            throw ApiException.invalid("results", "validation.required");
        }
        List<Integer> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            lines.add(i + 1);
        }
        return ingest(rows, lines);
    }

    private IngestResult ingest(List<ResultInput> inputs, List<Integer> lines) {
        if (inputs.size() > MAX_ROWS) {
            throw ApiException.invalid("results", "epidemic.results.tooMany", MAX_ROWS);
        }
        CurrentUser user = CurrentUser.get();
        OffsetDateTime now = clock.nowOffset();
        LocalDate today = clock.today();
        OffsetDateTime latestAllowed = now.plus(FUTURE_TOLERANCE);
        List<LineError> errors = new ArrayList<>();
        int rejected = 0;
        List<TestResultIngest.Row> rows = new ArrayList<>(inputs.size());
        // a lab's batch shares few sampling times: parse each distinct text once
        Map<String, OffsetDateTime> times = new java.util.concurrent.ConcurrentHashMap<>();
        // validation and the keyed hash of each ID number are independent per row: both cores share them (the
        // pool's threads do not carry the request's locale, so it is passed along)
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Object[] checked = new Object[inputs.size()];
        java.util.stream.IntStream.range(0, inputs.size()).parallel().forEach(i -> {
            ResultInput in = inputs.get(i);
            OffsetDateTime[] sampled = new OffsetDateTime[1];
            String problem = problem(in, today, latestAllowed, sampled, times, locale);
            // the database keeps microseconds: the key must be what it stores
            checked[i] = problem != null ? problem
                    : new TestResultIngest.Row(lines.get(i), cipher.hash(IdNumbers.normalize(in.idNumber())),
                            sampled[0].truncatedTo(ChronoUnit.MICROS), in.kind().trim(), in.result().trim());
        });
        for (int i = 0; i < checked.length; i++) {
            if (checked[i] instanceof TestResultIngest.Row row) {
                rows.add(row);
            } else {
                rejected++;
                addError(errors, lines.get(i), (String) checked[i]);
            }
        }
        String prefix = user.is(org.sibao.identity.Role.EPIDEMIC_OFFICER) ? Region.prefixOf(user.regionCode()) : "4";
        TestResultIngest.Outcome outcome = ingest.ingest(rows, prefix, now);
        // once per request, never per row: the subjects with a new positive and those with a red zone
        colours.recomputeAfterResults(outcome.positiveSubjectIds());
        for (int line : outcome.unknownLines()) {
            rejected++;
            addError(errors, line, messages.get("epidemic.results.notRostered"));
        }
        int matched = rows.size() - outcome.unknownLines().size();
        int duplicates = Math.max(0, matched - outcome.inserted());
        int accepted = matched - duplicates;
        errors.sort(java.util.Comparator.comparingInt(LineError::line));
        audit.record("epidemic.testResults.ingest", "testResults", null, user.regionCode(), null,
                Map.of("accepted", accepted, "rejected", rejected, "duplicates", duplicates));
        return new IngestResult(accepted, rejected, duplicates, errors.size() > MAX_ERRORS
                ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors);
    }

    private static void addError(List<LineError> errors, int line, String message) {
        errors.add(new LineError(line, message));
    }

    /** Null when the row is valid (its sample time then in {@code sampled[0]}), else what is wrong, localised. */
    private String problem(ResultInput in, LocalDate today, OffsetDateTime latestAllowed, OffsetDateTime[] sampled,
            Map<String, OffsetDateTime> times, java.util.Locale locale) {
        if (in == null || in.idNumber() == null) {
            return messages.get(locale, "epidemic.results.malformed");
        }
        List<String> parts = new ArrayList<>();
        if (!IdNumbers.isValid(IdNumbers.normalize(in.idNumber()), today)) {
            parts.add(messages.get(locale, "epidemic.results.idNumber"));
        }
        if (in.sampledAt() == null || in.sampledAt().isBlank()) {
            parts.add(messages.get(locale, "epidemic.results.sampledAt"));
        } else {
            try {
                OffsetDateTime at = times.computeIfAbsent(in.sampledAt().trim(), OffsetDateTime::parse);
                sampled[0] = at;
                if (at.isAfter(latestAllowed)) {
                    parts.add(messages.get(locale, "epidemic.results.sampledAtFuture"));
                }
            } catch (DateTimeParseException e) {
                parts.add(messages.get(locale, "epidemic.results.sampledAt"));
            }
        }
        if (in.kind() == null || !KINDS.contains(in.kind().trim())) {
            parts.add(messages.get(locale, "epidemic.results.kind", String.valueOf(in.kind())));
        }
        if (in.result() == null || !RESULTS.contains(in.result().trim())) {
            parts.add(messages.get(locale, "epidemic.results.result", String.valueOf(in.result())));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
