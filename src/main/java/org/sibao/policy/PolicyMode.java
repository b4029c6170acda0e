package org.sibao.policy;

/** APPLY: the enterprise applies (申请); AUTO: granted on the department's confirmation without an application (免申即享). */
public enum PolicyMode {
    APPLY, AUTO
}
