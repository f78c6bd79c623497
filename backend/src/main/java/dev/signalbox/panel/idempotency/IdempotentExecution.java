package dev.signalbox.panel.idempotency;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.ServletException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs a request with an idempotency key in one transaction together with remembering its
 * response: the change and its remembered response commit together or not at all, so a retry
 * never repeats a change that committed. The key's advisory lock, held until the commit, makes a
 * concurrent duplicate an immediate "in progress" instead of a second execution.
 */
@Component
class IdempotentExecution {

    /** What happened to a request. */
    sealed interface Outcome {
        /** It ran; its response is in the caching wrapper. */
        record Executed() implements Outcome {
        }

        record Replay(StoredResponse response) implements Outcome {
        }

        record InProgress() implements Outcome {
        }

        record KeyReused() implements Outcome {
        }
    }

    /** The rest of the filter chain. */
    @FunctionalInterface
    interface Request {
        void proceed() throws IOException, ServletException;
    }

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotentExecution(IdempotencyRecords records, PlatformTransactionManager transactionManager,
            IdempotencyProperties properties, Clock clock) {
        this.records = records;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    Outcome run(IdempotencyScope scope, String fingerprint, Request request, ContentCachingResponseWrapper response)
            throws IOException, ServletException {
        try {
            return transactions.execute(status -> {
                if (!records.tryLock(scope)) {
                    return new Outcome.InProgress();
                }
                Instant now = clock.instant();
                Optional<StoredResponse> previous = records.find(scope, now.minus(properties.retention()));
                if (previous.isPresent()) {
                    return previous.get().requestHash().equals(fingerprint) ? new Outcome.Replay(previous.get())
                            : new Outcome.KeyReused();
                }
                proceed(request);
                int code = response.getStatus();
                if (code >= 200 && code < 300 && !status.isRollbackOnly()) {
                    records.save(scope, new StoredResponse(fingerprint, code, response.getContentType(),
                            response.getHeader("Location"), response.getHeader("ETag"),
                            response.getContentAsByteArray()), now);
                } else {
                    // a failed request changes nothing and is not remembered: it may be retried with the same key
                    status.setRollbackOnly();
                }
                return new Outcome.Executed();
            });
        } catch (ChainFailure failure) {
            if (failure.original instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) failure.original;
        }
    }

    private static void proceed(Request request) {
        try {
            request.proceed();
        } catch (IOException | ServletException e) {
            throw new ChainFailure(e);
        }
    }

    /** Carries a checked exception of the chain out of the transaction callback (which rolls back). */
    private static final class ChainFailure extends RuntimeException {

        private final Exception original;

        ChainFailure(Exception original) {
            super(original);
            this.original = original;
        }
    }
}
