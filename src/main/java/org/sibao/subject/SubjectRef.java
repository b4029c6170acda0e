package org.sibao.subject;

import org.sibao.region.Sector;

/** Who a subject is, without its facts: enough to file something against it (one indexed read). */
public record SubjectRef(String id, String name, String regionCode, Sector sector) {
}
