package dev.signalbox.panel.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.ProblemType;

/** Not signed in, or a bad token: a 401 problem, never a redirect to a login form. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String detail = exception instanceof BadCredentialsException
                ? exception.getMessage()
                : "Sign in (session cookie) or send an API token (Authorization: Bearer sbx_...)";
        problems.write(request, response, ProblemType.UNAUTHORIZED, detail);
    }
}
