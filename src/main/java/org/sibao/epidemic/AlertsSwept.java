package org.sibao.epidemic;

import java.time.OffsetDateTime;

/** A sentinel sweep opened or resolved alerts (published only when it changed something). */
public record AlertsSwept(int opened, int resolved, OffsetDateTime sweptAt) {
}
