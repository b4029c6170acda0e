package org.sibao.notification;

/** Sends in-app notifications; outbound channels are fed after the sending transaction commits. */
public interface Notifications {

    /** Stores the notice for every resolved recipient; returns how many users received it. */
    int send(Notice notice, Recipients recipients);
}
