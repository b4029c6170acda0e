package org.sibao.rules;

import java.util.List;

import org.sibao.platform.ApiException;
import org.sibao.platform.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * A rule or formula that does not validate. It is a 400 {@link ApiException}, so a controller may let it
 * through: the problem+json names every invalid node, e.g. {@code eligibility.all[2].op}.
 */
public class RuleValidationException extends ApiException {

    public RuleValidationException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "error.invalidInput", null, problems);
    }

    public List<FieldProblem> problems() {
        return errors();
    }
}
