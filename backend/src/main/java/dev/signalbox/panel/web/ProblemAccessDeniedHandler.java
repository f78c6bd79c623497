package dev.signalbox.panel.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.ProblemType;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/** Signed in but not allowed (role, token scope or a missing CSRF token): a 403 problem. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private static final RequestMatcher OPERATOR_VIEWS = pathPattern(SecurityConfiguration.OPERATOR_PATHS);

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (!(exception instanceof CsrfException) && OPERATOR_VIEWS.matches(request)) {
            // the operator views do not exist for anybody but operators, as another tenant's resources do not
            problems.write(request, response, ProblemType.NOT_FOUND, "No such resource");
            return;
        }
        String detail = exception instanceof CsrfException
                ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
                : "Your role or token scope does not allow this";
        problems.write(request, response, ProblemType.FORBIDDEN, detail);
    }
}
