package org.sibao.subject;

/** 大中小微: derived by {@link SizeClasses}, never typed in. UNKNOWN when an indicator the industry needs is missing. */
public enum SizeClass {
    LARGE, MEDIUM, SMALL, MICRO, UNKNOWN
}
