package org.sibao.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/** The scheduled resubmission asks for the publications left incomplete for longer than the grace period only. */
class EventResubmissionTest {

    @Test
    void resubmitsOnlyWhatIsOlderThanTheGracePeriod() {
        List<Duration> asked = new ArrayList<>();
        IncompleteEventPublications recorder = new IncompleteEventPublications() {
            @Override
            public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
                throw new AssertionError("everything incomplete would include what other nodes are handling");
            }

            @Override
            public void resubmitIncompletePublicationsOlderThan(Duration duration) {
                asked.add(duration);
            }

            @Override
            public void resubmitIncompletePublications(ResubmissionOptions options) {
                throw new AssertionError("not expected");
            }
        };
        new EventResubmission(recorder).resubmit();
        assertThat(asked).containsExactly(Duration.ofMinutes(5));
    }
}
