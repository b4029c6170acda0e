package org.sibao.tasking;

import java.time.OffsetDateTime;

/** An HQ task passed its deadline with assignments still open (published once per task). */
public record TaskOverdue(String taskId, String regionCode, String title, OffsetDateTime deadline) {
}
