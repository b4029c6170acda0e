package org.sibao.epidemic.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Test results in bulk (SPEC §8) from labs and upper platforms, keyed by ID number: CSV with the header
 * {@code idNumber,sampledAt,kind,result} or a JSON array of the same fields. Invalid lines and lines whose ID number
 * is on no roster are reported; the rest are stored through {@link TestResultIngest}. Re-sending the same rows
 * stores nothing new (counted as duplicates); a row for a stored employee, sample time and kind with a different
 * result is a correction: stored (counted as accepted), moving the latest result, and audited.
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
    /** Corrections listed in the audit entry of one request; the count is always complete. */
    static final int MAX_AUDITED_CORRECTIONS = 1_000;

    record ResultInput(String idNumber, String sampledAt, String kind, String result) {
    }

    record LineError(int line, String message) {
    }

    /** @param corrected how many stored results took a different result (counted among the accepted) */
    record IngestResult(int accepted, int rejected, int duplicates, int corrected, List<LineError> errors) {
    }

    private final TestResultIngest ingest;
    private final PersonalDataCipher cipher;
    private final BusinessClock clock;
    private final Messages messages;
    private final AuditLog audit;
    private final ZoneColours colours;
    private final JdbcClient jdbc;

    TestResultService(TestResultIngest ingest, PersonalDataCipher cipher, BusinessClock clock, Messages messages,
            AuditLog audit, ZoneColours colours, JdbcClient jdbc) {
        this.colours = colours;
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.cipher = cipher;
        this.clock = clock;
        this.messages = messages;
        this.audit = audit;
    }

    /**
     * CSV (RFC 4180: fields may be quoted, a quoted field may hold commas, line breaks and doubled quotes): the first
     * record is the header; data records are numbered by the line of the file they start on. Blank lines are
     * skipped.
     */
    @Transactional
    public IngestResult ingestCsv(String body) {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        List<CsvRecords.Record> records = CsvRecords.parse(body == null ? "" : body);
        if (records.isEmpty() || !header(records.get(0))) {
            throw ApiException.invalid("header", "epidemic.results.header");
        }
        List<ResultInput> rows = new ArrayList<>(records.size());
        List<Integer> lines = new ArrayList<>(records.size());
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            rows.add(f.size() == 4 && !r.unterminated()
                    ? new ResultInput(f.get(0).trim(), f.get(1).trim(), f.get(2).trim(), f.get(3).trim())
                    : new ResultInput(null, null, null, null));
            lines.add(r.line());
        }
        return ingest(rows, lines, Map.of());
    }

    private static boolean header(CsvRecords.Record record) {
        List<String> names = List.of("idNumber", "sampledAt", "kind", "result");
        if (record.fields().size() != names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!record.fields().get(i).replace("\uFEFF", "").trim().equalsIgnoreCase(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** JSON: the line of an element is its 1-based position in the array. */
    @Transactional
    public IngestResult ingestJson(List<ResultInput> rows) {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        if (rows == null) {
            throw ApiException.invalid("results", "validation.required");
        }
        return ingest(rows, positions(rows.size()), Map.of());
    }

    /**
     * JSON as sent: an element that is not an object, or has a field of the wrong kind, is reported as its line's
     * error and the others are stored.
     */
    @Transactional
    public IngestResult ingestJson(JsonNode body) {
        EpidemicAccess.require(EpidemicAccess.RESULT_SENDERS);
        List<JsonNode> elements = JsonRows.elements(body);
        if (elements == null) {
            throw ApiException.invalid("results", "epidemic.results.notArray");
        }
        List<ResultInput> rows = new ArrayList<>(elements.size());
        Map<Integer, String> problems = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonRows.Fields f = JsonRows.read(elements.get(i), "idNumber", "sampledAt", "kind", "result");
            if (f == null) {
                problems.put(i, messages.get("epidemic.results.notObject"));
                rows.add(null);
            } else {
                if (!f.mistyped().isEmpty()) {
                    problems.put(i, messages.get("epidemic.json.mistyped", String.join(", ", f.mistyped())));
                }
                rows.add(new ResultInput(f.get("idNumber"), f.get("sampledAt"), f.get("kind"), f.get("result")));
            }
        }
        return ingest(rows, positions(rows.size()), problems);
    }

    private static List<Integer> positions(int size) {
        List<Integer> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(i + 1);
        }
        return lines;
    }

    /** @param problems what is wrong with the input at an index, found while reading it (reported as is) */
    private IngestResult ingest(List<ResultInput> inputs, List<Integer> lines, Map<Integer, String> problems) {
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
        // keys sent more than once in this request (rare): their rows are accounted for in order, below
        Map<Key, Boolean> seen = new java.util.concurrent.ConcurrentHashMap<>(inputs.size() * 2);
        Set<Key> repeated = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.stream.IntStream.range(0, inputs.size()).parallel().forEach(i -> {
            ResultInput in = inputs.get(i);
            OffsetDateTime[] sampled = new OffsetDateTime[1];
            String problem = problems.containsKey(i) ? problems.get(i) : problem(in, today, latestAllowed, sampled, times, locale);
            if (problem != null) {
                checked[i] = problem;
                return;
            }
            // the database keeps microseconds: the key must be what it stores
            TestResultIngest.Row row = new TestResultIngest.Row(lines.get(i), cipher.hash(IdNumbers.normalize(in.idNumber())),
                    sampled[0].truncatedTo(ChronoUnit.MICROS), in.kind().trim(), in.result().trim());
            checked[i] = row;
            Key key = Key.of(row);
            if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
                repeated.add(key);
            }
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
        Map<Key, List<TestResultIngest.Row>> sequences = sequences(rows, repeated);
        // read before the ingest changes them
        Map<Key, String> stored = stored(sequences.keySet(), prefix);
        TestResultIngest.Outcome outcome = ingest.ingest(rows, prefix, now);
        // once per request, never per row: the subjects with a new positive and those with a red zone
        colours.recomputeAfterResults(outcome.positiveSubjectIds());
        for (int line : outcome.unknownLines()) {
            rejected++;
            addError(errors, line, messages.get("epidemic.results.notRostered"));
        }
        int matched = rows.size() - outcome.unknownLines().size();
        int accepted = Math.min(matched, accepted(outcome, sequences, stored));
        int duplicates = matched - accepted;
        errors.sort(java.util.Comparator.comparingInt(LineError::line));
        int corrected = outcome.corrections().size();
        audit.record("epidemic.testResults.ingest", "testResults", null, user.regionCode(), null,
                Map.of("accepted", accepted, "rejected", rejected, "duplicates", duplicates, "corrected", corrected));
        if (corrected > 0) {
            List<Map<String, Object>> listed = outcome.corrections().stream().limit(MAX_AUDITED_CORRECTIONS)
                    .map(c -> Map.<String, Object>of("employeeId", c.employeeId(), "sampledAt", c.sampledAt().toString(),
                            "kind", c.kind(), "result", c.to()))
                    .toList();
            List<Map<String, Object>> before = outcome.corrections().stream().limit(MAX_AUDITED_CORRECTIONS)
                    .map(c -> Map.<String, Object>of("employeeId", c.employeeId(), "sampledAt", c.sampledAt().toString(),
                            "kind", c.kind(), "result", c.from()))
                    .toList();
            audit.record("epidemic.testResults.correct", "testResults", null, user.regionCode(),
                    Map.of("results", before), Map.of("corrected", corrected, "results", listed));
        }
        return new IngestResult(accepted, rejected, duplicates, corrected, errors.size() > MAX_ERRORS
                ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors);
    }

    /** A result's identity as sent: the ID number's hash, the sampling instant and the kind. */
    private record Key(String idHash, java.time.Instant sampledAt, String kind) {

        static Key of(TestResultIngest.Row row) {
            return new Key(row.idHash(), row.sampledAt().toInstant(), row.kind());
        }
    }

    /** The rows of each repeated key, in the order sent. */
    private static Map<Key, List<TestResultIngest.Row>> sequences(List<TestResultIngest.Row> rows, Set<Key> repeated) {
        Map<Key, List<TestResultIngest.Row>> out = new HashMap<>();
        if (!repeated.isEmpty()) {
            for (TestResultIngest.Row row : rows) {
                Key key = Key.of(row);
                if (repeated.contains(key)) {
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
            }
        }
        return out;
    }

    /** The stored results of these keys (of the employees under the prefix), looked up in chunks of ID hashes. */
    private Map<Key, String> stored(Set<Key> keys, String prefix) {
        Map<Key, String> stored = new HashMap<>();
        List<String> hashes = keys.stream().map(Key::idHash).distinct().toList();
        for (int from = 0; from < hashes.size(); from += 500) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 500));
            List<Object> params = new ArrayList<>(chunk);
            params.add(prefix + "%");
            jdbc.sql("""
                    SELECT e.id_hash, t.sampled_at, t.kind, t.result FROM epi_test_result t
                    JOIN epi_employee e ON e.seq = t.employee_seq
                    WHERE e.id_hash IN (%s) AND e.region_code LIKE ?""".formatted("?,".repeat(chunk.size() - 1) + "?"))
                    .params(params)
                    .query((rs, n) -> {
                        Key key = new Key(rs.getString("id_hash"), rs.getObject("sampled_at", OffsetDateTime.class).toInstant(),
                                rs.getString("kind"));
                        if (keys.contains(key)) {
                            stored.putIfAbsent(key, rs.getString("result"));
                        }
                        return null;
                    }).list();
        }
        return stored;
    }

    /**
     * Rows that stored something new or changed a result, taken in order: a row the same as the one before it for
     * its key (in this request, or stored) is a duplicate. The ingest counts one change per key; for a key sent
     * more than once that is replaced by the count of its rows.
     */
    private static int accepted(TestResultIngest.Outcome outcome, Map<Key, List<TestResultIngest.Row>> sequences,
            Map<Key, String> stored) {
        if (sequences.isEmpty()) {
            return outcome.changed();
        }
        Set<Integer> unknown = new java.util.HashSet<>(outcome.unknownLines());
        int keysChanged = 0;
        int rowsAccepted = 0;
        for (Map.Entry<Key, List<TestResultIngest.Row>> e : sequences.entrySet()) {
            List<TestResultIngest.Row> sequence = e.getValue();
            if (unknown.contains(sequence.get(0).line())) {
                continue;
            }
            String state = stored.get(e.getKey());
            if (!sequence.get(sequence.size() - 1).result().equals(state)) {
                keysChanged++;
            }
            for (TestResultIngest.Row row : sequence) {
                if (!row.result().equals(state)) {
                    rowsAccepted++;
                }
                state = row.result();
            }
        }
        return Math.max(0, outcome.changed() - keysChanged) + rowsAccepted;
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
