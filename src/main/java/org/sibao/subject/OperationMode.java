package org.sibao.subject;

/** How a subject operates: normally or in closed-loop production (闭环生产) during an outbreak. */
public enum OperationMode {
    NORMAL, CLOSED_LOOP
}
