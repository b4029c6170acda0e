package org.sibao.whitelist.internal;

import java.util.Map;

import org.sibao.subject.SubjectFacts;
import org.sibao.subject.SubjectRuleFacts;

/** A subject's facts plus the application's readiness declarations ({@code declarations.<key>}), for the criteria. */
final class ApplicationFacts extends SubjectRuleFacts {

    private final Map<String, Object> declarations;

    ApplicationFacts(SubjectFacts subject, Map<String, Object> declarations) {
        super(subject);
        this.declarations = declarations;
    }

    @Override
    public Object attribute(String name) {
        if (name.startsWith(Declarations.PREFIX)) {
            return Declarations.factValue(declarations, subject().employees(), name.substring(Declarations.PREFIX.length()));
        }
        return super.attribute(name);
    }
}
