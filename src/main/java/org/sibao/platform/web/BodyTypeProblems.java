package org.sibao.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.platform.FieldProblem;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Fields of a JSON request body whose value had the wrong type (a word where a number, a date or a yes/no was
 * expected, a list where a text was expected…). Reading the body records them and goes on with the field empty,
 * so that the service's own checks still run and the caller learns every invalid field at once: the platform's
 * validation adds them to whatever else it finds ({@link #merge}), and a transaction never commits while any is
 * pending (a service that would accept the empty field still refuses; see {@code BodyTypeProblemGuard}).
 */
public final class BodyTypeProblems {

    private static final String ATTRIBUTE = BodyTypeProblems.class.getName();

    /** Set while MVC reads a request body; the problem handler records only then. */
    private static final ThreadLocal<List<FieldProblem>> READING = new ThreadLocal<>();

    private BodyTypeProblems() {
    }

    static void startReading() {
        READING.set(new ArrayList<>());
    }

    /**
     * Forgets a read that never finished (the body could not be read at all): otherwise the thread would keep
     * recording, and a later use of the JSON mapper on it would leave wrong values empty instead of failing.
     */
    static void clearReading() {
        READING.remove();
    }

    /** Ends the read and keeps its problems for the rest of the request; answers whether there were any. */
    static boolean finishReading() {
        List<FieldProblem> found = READING.get();
        READING.remove();
        if (found == null || found.isEmpty()) {
            return false;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            List<FieldProblem> all = new ArrayList<>(pending());
            all.addAll(found);
            request.setAttribute(ATTRIBUTE, List.copyOf(all), RequestAttributes.SCOPE_REQUEST);
        }
        return true;
    }

    /** Records a wrongly typed field of the body being read; false when no body is being read. */
    static boolean record(String field) {
        List<FieldProblem> found = READING.get();
        if (found == null) {
            return false;
        }
        found.add(new FieldProblem(field, "validation.badValue"));
        return true;
    }

    /**
     * Keeps problems of the request found before its own checks run (a list's {@code page} or {@code size}), so that
     * they are reported with whatever those checks find ({@link #merge}), or on their own before the answer is
     * written ({@code RequestProblemsAdvice}). False outside a request: the caller throws at once.
     */
    public static boolean defer(List<FieldProblem> problems) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return false;
        }
        List<FieldProblem> all = new ArrayList<>(pending());
        all.addAll(problems);
        request.setAttribute(ATTRIBUTE, List.copyOf(all), RequestAttributes.SCOPE_REQUEST);
        return true;
    }

    /** The wrongly typed fields of this request's body (empty outside a request or when there were none). */
    @SuppressWarnings("unchecked")
    public static List<FieldProblem> pending() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object value = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return value == null ? List.of() : (List<FieldProblem>) value;
    }

    /**
     * The problems found by a check together with the body's wrongly typed fields: a field that had the wrong type
     * is reported as such (not as missing, which is what the check saw after it was emptied).
     */
    public static List<FieldProblem> merge(List<FieldProblem> problems) {
        List<FieldProblem> typed = pending();
        if (typed.isEmpty()) {
            return problems;
        }
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        for (FieldProblem p : typed) {
            byField.putIfAbsent(p.field(), p);
        }
        List<FieldProblem> out = new ArrayList<>(typed.size() + problems.size());
        for (FieldProblem p : problems) {
            if (!byField.containsKey(p.field())) {
                out.add(p);
            }
        }
        out.addAll(byField.values());
        return Collections.unmodifiableList(out);
    }
}
