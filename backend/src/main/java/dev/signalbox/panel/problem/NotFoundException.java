package dev.signalbox.panel.problem;

/** The resource does not exist in the caller's tenant (another tenant's resources never exist). */
public class NotFoundException extends SignalboxProblemException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
