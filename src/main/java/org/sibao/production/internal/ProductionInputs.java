package org.sibao.production.internal;

import java.math.BigDecimal;
import java.util.List;

/** The request body of a weekly report; numbers as sent, the state as text so that a bad one is a 400 naming it. */
record ProductionInputs(String week, BigDecimal outputValue, BigDecimal capacityUtilisation, Integer staffOnDuty,
        BigDecimal ordersOnHand, Integer rawMaterialDays, String operatingState, List<Problem> problems) {

    /** One problem line; {@code category} (an appeal category, default OTHER) matters only when filed. */
    record Problem(String text, Boolean fileAsAppeal, String category) {
    }
}
