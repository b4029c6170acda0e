package org.sibao.subject;

/** What the linked subject is to this one: its SUPPLIER (upstream) or its CUSTOMER (downstream). */
public enum LinkRelation {
    SUPPLIER, CUSTOMER
}
