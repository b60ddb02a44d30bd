package io.labgate.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** A deadlock the database broke is a transient refusal the client may retry, never a 500. */
class LockContentionProblemTest {

    @Test
    void shouldAnswerADeadlockWith503AndRetryAfter() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
        Response answer = new ProblemMapper()
                .lockContention(new LockAcquisitionException("could not execute statement", deadlock, "insert"));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        Problem problem = (Problem) answer.getEntity();
        assertThat(problem.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.detail()).doesNotContain("deadlock").contains("retry");
    }
}
