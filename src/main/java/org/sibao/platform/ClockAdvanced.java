package org.sibao.platform;

import java.time.OffsetDateTime;

/**
 * The drill clock was moved forward (drill mode only), published after the move is committed and outside any
 * transaction, synchronously: listeners bring time-driven state up to date (publicity ends, shutdowns end,
 * policies expire, cached figures go stale) before the advance answers, so that the next read shows it.
 */
public record ClockAdvanced(OffsetDateTime now) {
}
