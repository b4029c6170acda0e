package org.sibao.appeal;

/** An appeal changed state (every transition, after the change is stored). */
public record AppealStatusChanged(String appealId, String regionCode, AppealStatus from, AppealStatus to) {
}
