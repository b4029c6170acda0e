package org.sibao.subject;

/** A supply-chain link to another subject. */
public record SubjectLink(String enterpriseId, LinkRelation relation) {
}
