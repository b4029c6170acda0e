package org.sibao.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes: a change on this node moves the shared row, and a move of the row by another node marks this
 * node's snapshots stale. Driven by hand here (publish / poll); the ticker's own runs only add to the counts.
 */
@FullStackTest
class SharedGenerationTest {

    @Autowired
    SharedGeneration shared;

    @Autowired
    DashboardService dashboard;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeHereMovesTheRowAndAMoveByAnotherNodeMakesThisOneRecompute() {
        long row = row();
        shared.changed();
        shared.publish();
        assertThat(row()).as("this node's change is told to the others").isGreaterThan(row);

        shared.poll();
        long local = dashboard.generation();
        jdbc.sql("UPDATE dashboard_generation SET generation = generation + 1 WHERE id = 1").update();   // another node
        shared.poll();
        assertThat(dashboard.generation()).as("another node's change makes this one recompute").isGreaterThan(local);
    }

    private long row() {
        return jdbc.sql("SELECT generation FROM dashboard_generation WHERE id = 1").query(Long.class).single();
    }
}
