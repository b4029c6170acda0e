package org.sibao.subject;

/** Compliance history: major safety, quality or environmental accidents, serious dishonesty, fraud findings. */
public enum IncidentKind {
    SAFETY, QUALITY, ENVIRONMENT, DISHONESTY, FRAUD
}
