package dev.signalbox.protocol;

/** A private key cannot be sealed or opened by a {@link DataPlaneCipher}; the message says why. */
public class DataPlaneCipherException extends RuntimeException {

    public DataPlaneCipherException(String message) {
        super(message);
    }

    public DataPlaneCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
