package dev.signalbox.panel.problem;

/** The change clashes with an existing resource, e.g. a duplicate name or a reference that is still in use. */
public class ConflictException extends SignalboxProblemException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
