package dev.signalbox.panel.conditional;

import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;

/** If-Match named a version that is no longer current: the client must read again. */
public class PreconditionFailedException extends SignalboxProblemException {

    public PreconditionFailedException() {
        super(ProblemType.PRECONDITION_FAILED, "The resource changed since you read it: GET it again for its"
                + " current ETag, re-apply your change to what you got, and retry with that ETag in If-Match");
    }
}
