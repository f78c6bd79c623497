package dev.signalbox.panel.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error that already knows the problem it is: rendered as is by the web module. */
public class SignalboxProblemException extends ErrorResponseException {

    public SignalboxProblemException(ProblemType type, String detail) {
        super(type.status(), problem(type, detail), null);
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }
}
