package org.sibao.appeal;

/** URGENT problems must be answered within two hours. */
public enum Urgency {
    NORMAL, URGENT
}
