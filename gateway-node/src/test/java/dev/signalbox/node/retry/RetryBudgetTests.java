package dev.signalbox.node.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RetryBudgetTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong nanos = new AtomicLong(123 * SECOND);

    @Test
    void grantsTheReserveOfMinimumRetriesPerSecondOverTheWindowWithoutAnyRequest() {
        RetryBudget budget = new RetryBudget(Duration.ofSeconds(10), 20, 1, nanos::get);

        assertThat(withdrawals(budget, 12)).containsExactly(true, true, true, true, true, true, true, true, true, true,
                false, false);
    }

    @Test
    void grantsOneRetryPerFiveRequestsAtTwentyPercent() {
        RetryBudget budget = new RetryBudget(Duration.ofSeconds(10), 20, 0, nanos::get);

        List<Boolean> granted = new ArrayList<>();
        for (int request = 0; request < 12; request++) {
            budget.deposit();
            granted.add(budget.tryWithdraw());
        }

        assertThat(granted).containsExactly(false, false, false, false, true, false, false, false, false, true,
                false, false);
    }

    @Test
    void requestsAndRetriesLeaveTheBudgetWhenTheWindowHasMovedPastThem() {
        RetryBudget budget = new RetryBudget(Duration.ofSeconds(10), 20, 0, nanos::get);
        for (int request = 0; request < 10; request++) {
            budget.deposit();
        }
        assertThat(withdrawals(budget, 3)).containsExactly(true, true, false);

        nanos.addAndGet(9 * SECOND);
        assertThat(budget.tryWithdraw()).as("the requests still count 9 s later").isFalse();

        budget.deposit();
        budget.deposit();
        budget.deposit();
        budget.deposit();
        budget.deposit();
        nanos.addAndGet(SECOND);
        // the first ten requests and their two retries left the window; the last five remain
        assertThat(withdrawals(budget, 2)).containsExactly(true, false);
    }

    @Test
    void theReserveComesBackOnceSpentRetriesLeaveTheWindow() {
        RetryBudget budget = new RetryBudget(Duration.ofSeconds(10), 20, 1, nanos::get);
        assertThat(withdrawals(budget, 11)).containsOnlyOnce(false).endsWith(false);

        nanos.addAndGet(10 * SECOND);

        assertThat(withdrawals(budget, 11)).containsOnlyOnce(false).endsWith(false);
    }

    private static List<Boolean> withdrawals(RetryBudget budget, int count) {
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            granted.add(budget.tryWithdraw());
        }
        return granted;
    }
}
