package org.sibao.epidemic.internal;

/** Sentinel alert types (电子哨预警, SPEC §8). */
enum AlertType {
    TEST_OVERDUE, POSITIVE_RESULT, HEALTH_REPORT_MISSING, ARRIVAL_UNREGISTERED, SYMPTOM
}
