package org.sibao.epidemicsupport.internal;

import java.time.OffsetDateTime;

import org.sibao.region.TaskForce;

/**
 * A task force of a region's HQ and its epidemic-prevention expert; {@code name}, {@code organisation},
 * {@code phone} and the rest are null while none is assigned ({@code assigned} false).
 */
record Expert(String regionCode, TaskForce taskForce, boolean assigned, String name, String organisation, String phone,
        OffsetDateTime updatedAt, String updatedByName) {
}
