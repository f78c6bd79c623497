package dev.signalbox.protocol;

/** A message could not be encoded or decoded. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
